// The hot reads the bench drives, as GraphQL documents: the console's own list query (copied from
// admin-ui/src/queries.ts and admin-ui/src/emails/emailQueries.ts, so the bench asks what the screens ask), the support
// desk's lookup, the reviewers' queue and dashboard (admin-ui/src/dashboard/dashboardQueries.ts), and the integrators'
// export. The raw floor (raw.ts) answers the same bodies.

/** admin-ui/src/queries.ts APPLICATION_LIST_FIELDS + APPLICATIONS, as the console sends them. */
export const APPLICATION_LIST_FIELDS = `
  fragment ApplicationListFields on Application {
    id
    receiptNo
    kind
    connection
    status
    version
    companyName
    applicantCompanyName
    companyProfile {
      name
    }
    office {
      id
      code
      company {
        id
        profile {
          name
        }
      }
    }
    assignee {
      id
      name
    }
    otherChange
    receivedAt
    desiredStartDate
    startDate
    updatedAt
  }
`;

export const APPLICATIONS = `
  query Applications($filter: ApplicationFilter, $sort: ApplicationSort, $offset: Int, $limit: Int) {
    applications(filter: $filter, sort: $sort, offset: $offset, limit: $limit) {
      items {
        ...ApplicationListFields
      }
      totalCount
    }
  }
  ${APPLICATION_LIST_FIELDS}
`;

/** The support desk's lookup by 申込受付番号: what the caller asks about, and the history to answer from. */
export const APPLICATION_BY_RECEIPT = `
  query ApplicationByReceipt($r: String) {
    application(receiptNo: $r) {
      id
      receiptNo
      kind
      connection
      status
      version
      applicantCompanyName
      reason
      remarks
      receivedAt
      desiredStartDate
      startDate
      reviewedAt
      returnMessage
      updatedAt
      companyName
      office {
        code
      }
      history {
        at
        actorName
        action
        fromStatus
        toStatus
        message
      }
    }
  }
`;

/** The reviewers' queue tabs and the 未割当 page under them. */
export const QUEUE = `
  query Queue {
    reviewQueueCounts {
      unassigned
      mine
      returned
      dueSoon
      all
    }
    applications(filter: { queue: UNASSIGNED }, limit: 25) {
      totalCount
      items {
        id
        receiptNo
        status
      }
    }
  }
`;

/**
 * admin-ui/src/queries.ts APPLICATION_LIST_FIELDS as the console sends it now, with the urgency columns (issue 20);
 * the list reads above keep the copy their floor answers, the dashboard asks for the console's whole fragment.
 */
export const CONSOLE_LIST_FIELDS = APPLICATION_LIST_FIELDS.replace(/\n {2}}\n$/, `
    businessDaysToStart
    daysWaiting
    waitingSince
  }
`);

/** admin-ui/src/dashboard/dashboardQueries.ts REVIEW_DASHBOARD (the console's home), as the console sends it. */
export const REVIEW_DASHBOARD = `
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
  ${CONSOLE_LIST_FIELDS}
`;

/** admin-ui/src/queries.ts OFFICE_LIST_FIELDS + OFFICES. */
export const OFFICES = `
  query Offices($filter: OfficeFilter, $offset: Int, $limit: Int) {
    offices(filter: $filter, offset: $offset, limit: $limit) {
      items {
        ...OfficeListFields
      }
      totalCount
    }
  }
  fragment OfficeListFields on Office {
    id
    code
    status
    company {
      id
      abbreviation
      profile {
        name
        nameKana
      }
    }
    profile {
      name
      nameKana
    }
    usesNet
    usesGeneral
    plan
    billingCode
    startDate
    endDate
  }
`;

/** admin-ui/src/emails/emailQueries.ts OUTBOUND_EMAIL_FIELDS + OUTBOUND_EMAILS (送信ログ). */
export const OUTBOUND_EMAILS = `
  query OutboundEmails($filter: OutboundEmailFilter, $offset: Int!, $limit: Int!) {
    outboundEmails(filter: $filter, offset: $offset, limit: $limit) {
      items {
        ...OutboundEmailFields
      }
      totalCount
    }
  }
  fragment OutboundEmailFields on OutboundEmailView {
    id
    templateKey
    templateVersion
    receiptNo
    recipients
    subject
    text
    html
    status
    attempts
    lastError
    messageId
    createdAt
    sentAt
    nextAttemptAt
  }
`;

/** The integrators' export, first page. */
export const EXPORT = `
  query Export($after: String, $limit: Int!) {
    applicationsExport(after: $after, limit: $limit) {
      items {
        id
        receiptNo
        kind
        connection
        status
        version
        applicantCompanyName
        receivedAt
        desiredStartDate
        startDate
        reviewedAt
        updatedAt
      }
      nextCursor
    }
  }
`;

export type Who = 'support' | 'reviewer';

export interface Read {
  key: string;
  label: string;
  who: Who;
  /** The POST bodies (JSON): one, or several cycled through request by request. */
  bodies: string[];
  /** Paths (as the comparison names them, e.g. `data.reviewDashboard.asOf`) of instants read from each server's clock: compared within a tolerance. */
  instants?: string[];
}

/** What the reads need to know of the grown data. */
export interface ReadData {
  /** Receipt numbers for the lookup, spread over the data. */
  receiptNos: string[];
  /** An office with several applications 審査中. */
  busyOfficeCode: string;
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

export function hotReads(data: ReadData): Read[] {
  return [
    { key: 'queue-page', label: '審査一覧 1ページ目 (新しい順 25件 + 総件数)', who: 'support', bodies: [body(APPLICATIONS, { offset: 0, limit: 25 })] },
    {
      key: 'lookup', label: `申込受付番号で1件 + 履歴 (${data.receiptNos.length}件を順に)`, who: 'support',
      bodies: data.receiptNos.map((r) => body(APPLICATION_BY_RECEIPT, { r })),
    },
    {
      key: 'filtered', label: `審査中 × 事業所コード ${data.busyOfficeCode} (25件 + 総件数)`, who: 'support',
      bodies: [body(APPLICATIONS, { filter: { status: ['IN_REVIEW'], officeCode: data.busyOfficeCode }, offset: 0, limit: 25 })],
    },
    { key: 'queue-counts', label: '審査キューの件数 + 未割当 25件 (reviewer)', who: 'reviewer', bodies: [body(QUEUE, {})] },
    {
      key: 'dashboard', label: '審査ダッシュボード (reviewer)', who: 'reviewer', bodies: [body(REVIEW_DASHBOARD, {})],
      instants: ['data.reviewDashboard.asOf'],
    },
    { key: 'offices', label: '事業所一覧 25件 + 総件数', who: 'support', bodies: [body(OFFICES, { offset: 0, limit: 25 })] },
    { key: 'emails', label: '送信ログ 25件 + 総件数', who: 'support', bodies: [body(OUTBOUND_EMAILS, { offset: 0, limit: 25 })] },
    { key: 'export', label: '書き出し 100件 (キーセット1ページ目)', who: 'support', bodies: [body(EXPORT, { limit: 100 })] },
  ];
}
