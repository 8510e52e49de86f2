import { gql } from '@apollo/client';
import { APPLICATION_LIST_FIELDS } from '../queries';

/** The dashboard in one request (server: review/dashboard); the oldest unassigned rows carry the list's columns. */
export const REVIEW_DASHBOARD = gql`
  query ReviewDashboard {
    reviewDashboard {
      asOf
      today
      queueCounts {
        unassigned
        mine
        returned
        dueSoon
        all
      }
      receivedAge {
        label
        from
        to
        count
      }
      startAge {
        label
        from
        to
        count
      }
      breaches {
        insideLeadTime
        systemSettingsDeadline
        returnedWaiting
        returnedWaitingDays
      }
      workload {
        staffId
        name
        open
        assignedToday
        approvedThisWeek
      }
      throughput {
        weekStart
        new
        change
        termination
      }
      oldestUnassigned {
        ...ApplicationListFields
      }
    }
  }
  ${APPLICATION_LIST_FIELDS}
`;
