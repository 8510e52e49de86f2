import { Badge, Box, Tab, Tabs, Tooltip } from '@mui/material';
import { useEffect } from 'react';
import { useGetOne, useListContext, useTranslate } from 'react-admin';
import { useQueueChangeSignal } from '../live/hooks';
import type { ReviewQueue } from '../labels';
import type { ReviewQueueCounts } from '../types';

/** The queue views in the order reviewers work them, with the field of reviewQueueCounts that counts each. */
export const QUEUES: Array<{ queue: ReviewQueue; count: keyof Omit<ReviewQueueCounts, 'id'> }> = [
  { queue: 'UNASSIGNED', count: 'unassigned' },
  { queue: 'MINE', count: 'mine' },
  { queue: 'RETURNED', count: 'returned' },
  { queue: 'DUE_SOON', count: 'dueSoon' },
  { queue: 'ALL', count: 'all' },
];

/**
 * The order a queue is worked in: 期限が近い by deadline (the desired start date, nearest first), 未割当 the oldest
 * first; the other views the newest first. Chosen with the tab (the reviewer may re-sort by a column afterwards).
 */
export const QUEUE_SORT: Record<ReviewQueue, { field: string; order: 'ASC' | 'DESC' }> = {
  DUE_SOON: { field: 'desiredStartDate', order: 'ASC' },
  UNASSIGNED: { field: 'receivedAt', order: 'ASC' },
  MINE: { field: 'receivedAt', order: 'DESC' },
  RETURNED: { field: 'receivedAt', order: 'DESC' },
  ALL: { field: 'receivedAt', order: 'DESC' },
};

/** Queues whose order and meaning a tooltip explains. */
const HINTED: ReadonlySet<ReviewQueue> = new Set(['DUE_SOON', 'UNASSIGNED']);

/**
 * 未割当 / 自分の担当 / 確認事項あり / 期限が近い / すべて above the applications list, each with its count under the
 * other filters; the chosen one is the list's `queue` filter (the other filters still apply inside it). The counts are
 * read again a second after the queues change (reviewQueueChanged).
 */
export const QueueTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters, setSort } = useListContext();
  // Counted under the list's other filters, so each tab says what it would show (the server sets the queue per
  // count; leaving it out here keeps one cached answer for all the tabs).
  const { queue: _queue, ...others } = filterValues as Record<string, unknown>;
  const { data: counts, refetch } = useGetOne<ReviewQueueCounts>('reviewQueueCounts', { id: 'current', meta: { filter: others } }, { placeholderData: (previous) => previous });
  // The counts follow the queues live (they move no row under the pointer); the rows wait for ListUpdates.
  const signal = useQueueChangeSignal();
  useEffect(() => {
    if (signal) void refetch();
  }, [signal, refetch]);
  const current = (QUEUES.find((q) => q.queue === filterValues.queue)?.queue ?? 'ALL') as ReviewQueue;
  const choose = (queue: ReviewQueue) => {
    setFilters({ ...filterValues, queue }, displayedFilters, false);
    setSort(QUEUE_SORT[queue]);
  };
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}>
      <Tabs
        value={current}
        onChange={(_, v: ReviewQueue) => choose(v)}
        variant="scrollable"
        scrollButtons="auto"
        aria-label={translate('naccs.queue.label')}
      >
        {QUEUES.map(({ queue, count }) => (
          <Tab
            key={queue}
            value={queue}
            data-testid={`queue-${queue}`}
            sx={{ minHeight: 48 }}
            label={
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1.5 }}>
                {HINTED.has(queue) ? (
                  <Tooltip title={translate(`naccs.queue.hint_${queue}`)}>
                    <span data-testid={`queue-hint-${queue}`} aria-description={translate(`naccs.queue.hint_${queue}`)}>
                      {translate(`enums.ReviewQueue.${queue}`)}
                    </span>
                  </Tooltip>
                ) : (
                  translate(`enums.ReviewQueue.${queue}`)
                )}
                <Badge
                  badgeContent={counts ? counts[count] : '…'}
                  max={9999}
                  showZero
                  color={queue === 'DUE_SOON' && counts && counts.dueSoon > 0 ? 'warning' : queue === current ? 'primary' : 'default'}
                  sx={{ '& .MuiBadge-badge': { position: 'static', transform: 'none' } }}
                />
              </Box>
            }
          />
        ))}
      </Tabs>
    </Box>
  );
};
