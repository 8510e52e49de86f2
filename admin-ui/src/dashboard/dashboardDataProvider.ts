import type { GetOneParams } from 'react-admin';
import { apolloClient } from '../graphqlClient';
import type { ResourceProvider } from '../templates/ScopedDataProvider';
import { REVIEW_DASHBOARD } from './dashboardQueries';
import type { ReviewDashboard } from './types';

/**
 * The dashboard as a react-admin record `reviewDashboard/current`: cached by react-query like the other lookups, so
 * react-admin's refresh (after 自分に割り当て, or any review action) reloads it with everything else.
 */
export const DASHBOARD_RESOURCES: Record<string, ResourceProvider> = {
  reviewDashboard: {
    getOne: async (_resource: string, params: GetOneParams) => {
      const { data } = await apolloClient.query<{ reviewDashboard: Omit<ReviewDashboard, 'id'> }>({ query: REVIEW_DASHBOARD });
      return { data: { id: String(params.id), ...data.reviewDashboard } };
    },
  },
};
