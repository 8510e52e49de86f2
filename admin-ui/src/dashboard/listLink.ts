import { QUEUE_SORT } from '../applications/QueueTabs';
import type { ReviewQueue } from '../labels';

/**
 * The applications list with a filter, as a react-admin list URL (its query string takes precedence over the list's
 * remembered filters). A queue opens in the order its tab sorts it.
 */
export const applicationsListPath = (filter: Record<string, unknown>, queue: ReviewQueue = 'ALL'): string => {
  const { field, order } = QUEUE_SORT[queue];
  const search = new URLSearchParams({
    filter: JSON.stringify({ queue, ...filter }),
    sort: field,
    order,
    page: '1',
  });
  return `/applications?${search.toString()}`;
};
