import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Button } from '@mui/material';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRedirect, useStore, type SortPayload } from 'react-admin';
import { useAccess } from '../access';
import type { ReviewQueue } from '../labels';
import { useLiveTexts } from '../live/texts';
import type { Application } from '../types';
import { nextInPage } from './nextInQueue';
import { QUEUE_SORT } from './QueueTabs';

/** The list's params as react-admin keeps them in its store under the list's storeKey (ApplicationList). */
export const LIST_STORE_KEY = 'applications.list';
const MAX_PAGES = 20;

interface StoredListParams {
  filter?: Record<string, unknown>;
  sort?: string;
  order?: SortPayload['order'];
  perPage?: number;
}

export interface QueueParams {
  filter: Record<string, unknown>;
  sort: SortPayload;
  perPage: number;
}

/** The list's current view, or the one it opens on (ApplicationList's defaults) when it was never shown. */
export const queueParamsOf = (stored: StoredListParams | undefined, reviewer: boolean): QueueParams => {
  const queue: ReviewQueue = reviewer ? 'UNASSIGNED' : 'ALL';
  const filter = stored?.filter && Object.keys(stored.filter).length ? stored.filter : { queue };
  const sort = stored?.sort ? { field: stored.sort, order: stored.order ?? 'ASC' } : QUEUE_SORT[queue];
  return { filter, sort, perPage: stored?.perPage ?? 25 };
};

/** Finds the application after `current` in the list's current view (the same filter and order, page by page). */
export const useNextApplication = () => {
  const dataProvider = useDataProvider();
  const [stored] = useStore<StoredListParams | undefined>(LIST_STORE_KEY);
  const { may } = useAccess();
  const params = queueParamsOf(stored, may('assignApplication'));
  const key = JSON.stringify(params);
  return useCallback(
    async (current: Application): Promise<Application | undefined> => {
      const { filter, sort, perPage } = JSON.parse(key) as QueueParams;
      let passed = false;
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const { data, total } = await dataProvider.getList<Application>('applications', { filter, sort, pagination: { page, perPage } });
        const found: { next?: Application; passed: boolean } = nextInPage(data, current, sort, passed);
        if (found.next) return found.next;
        passed = found.passed;
        if (data.length < perPage || (total !== undefined && page * perPage >= total)) return undefined;
      }
      return undefined;
    },
    [dataProvider, key],
  );
};

/** The application whose review action (審査終了, 確認事項を送る) just went through: 次の申込へ is offered. */
const ReviewDone = createContext<{ doneId?: string; markDone: (id: string) => void }>({ markDone: () => undefined });

export const ReviewDoneProvider = ({ children }: { children: ReactNode }) => {
  const [doneId, setDoneId] = useState<string>();
  const value = useMemo(() => ({ doneId, markDone: setDoneId }), [doneId]);
  return <ReviewDone.Provider value={value}>{children}</ReviewDone.Provider>;
};

/** Outside the show page (a list row's approve dialog) marking does nothing. */
export const useMarkReviewDone = () => useContext(ReviewDone).markDone;

/** 次の申込へ: after 審査終了 or 確認事項を送る, opens the next application of the list the reviewer works. */
export const NextApplicationButton = () => {
  const record = useRecordContext<Application>();
  const { doneId } = useContext(ReviewDone);
  const t = useLiveTexts();
  const notify = useNotify();
  const redirect = useRedirect();
  const findNext = useNextApplication();
  const [busy, setBusy] = useState(false);
  if (!record || doneId !== record.id) return null;
  const open = async () => {
    setBusy(true);
    try {
      const next = await findNext(record);
      if (next) redirect('show', 'applications', next.id);
      else notify(t.nextNone, { type: 'info' });
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" variant="contained" endIcon={<ArrowForwardIcon />} onClick={() => void open()} disabled={busy} data-testid="next-application">
      {t.next}
    </Button>
  );
};
