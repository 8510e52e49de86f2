import { useEffect } from 'react';
import { useGetOne } from 'react-admin';
import { useQueueChangeSignal } from '../live/hooks';
import type { ReviewDashboard } from './types';

/** How often the dashboard reads the figures again while it is on screen. */
export const REFRESH_MS = 60_000;

/**
 * The dashboard's one read: `reviewDashboard` through react-query (under the dashboard's ScopedDataProvider). It reads
 * again every minute while the page is open and the browser tab visible (react-query pauses the interval in a hidden
 * tab), on react-admin's refresh (a review action, the app bar's reload) and when `refetch` is called — what the
 * live updates can trigger.
 */
export const useReviewDashboard = () => {
  const { data, error, isPending, isFetching, refetch } = useGetOne<ReviewDashboard>(
    'reviewDashboard',
    { id: 'current' },
    {
      refetchInterval: REFRESH_MS,
      refetchIntervalInBackground: false,
      // The figures on screen stay while the next reading is out; a failed reading is tried once more, then said.
      placeholderData: (previous) => previous,
      retry: 1,
    },
  );
  // Live: when the queues change anywhere (reviewQueueChanged, debounced) or the connection returns.
  const signal = useQueueChangeSignal();
  useEffect(() => {
    if (signal) void refetch();
  }, [signal, refetch]);
  return { dashboard: data, error, isPending, isFetching, refetch };
};
