import { useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import type { ApplicationStatus, HistoryAction } from '../labels';
import { currentGeneration, onGeneration, onReconnect, onUnauthorized, subscribe } from './client';
import { post, request } from './session';
import type { EventStaff } from './texts';

/** How often an open application says it is still open (server/src/events/presence.ts VIEWER_REFRESH_SECONDS). */
export const VIEWER_REFRESH_MS = 10_000;
const VIEWERS_REREAD_FIRST_MS = 2_000;
const VIEWERS_REREAD_MS = 30_000;
/** Queue changes come in bursts (a bulk assignment): the counts are read again once they settle. */
export const QUEUE_DEBOUNCE_MS = 1_000;

export interface ApplicationEvent {
  id: string;
  receiptNo: string;
  status: ApplicationStatus;
  version: number;
  action: HistoryAction;
  assignee?: EventStaff | null;
  actor: EventStaff;
  at: string;
}

export interface QueueEvent {
  id: string;
  status: ApplicationStatus;
  action: HistoryAction;
  actor: EventStaff;
}

export interface Viewer {
  staffId: string;
  name: string;
}

const APPLICATION_CHANGED = `subscription ApplicationChanged($id: ID) {
  applicationChanged(id: $id) { id receiptNo status version action assignee { id name } actor { id name } at }
}`;
const REVIEW_QUEUE_CHANGED = 'subscription ReviewQueueChanged { reviewQueueChanged { id status action actor { id name } } }';
const VIEWERS_CHANGED = `subscription ApplicationViewersChanged($id: ID) {
  applicationViewersChanged(id: $id) { applicationId viewers { staffId name } }
}`;
const VIEW = 'mutation ViewApplication($id: ID!) { viewApplication(id: $id) }';
const LEAVE = 'mutation LeaveApplication($id: ID!) { leaveApplication(id: $id) }';
const VIEWERS = 'query ApplicationViewers($id: ID!) { application(id: $id) { id viewers { staffId name } } }';

/** The latest handler without re-subscribing when it changes. */
const useLatest = <T,>(value: T) => {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
};

/** The socket refused the session: sign in again, as after an HTTP 401. */
const useSignOutWhenRefused = () => {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  useEffect(() => onUnauthorized(() => void logoutIfAccessDenied({ status: 401 })), [logoutIfAccessDenied]);
};

const useGeneration = () => {
  const [generation, setGeneration] = useState(currentGeneration);
  useEffect(() => onGeneration(() => setGeneration(currentGeneration())), []);
  return generation;
};

/** A subscription for as long as the component is mounted (and `enabled`); the handler receives each event's data. */
export function useSubscription<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, enabled = true) {
  const handler = useLatest(onData);
  const generation = useGeneration();
  const key = JSON.stringify(variables);
  useSignOutWhenRefused();
  useEffect(() => {
    if (!enabled) return undefined;
    return subscribe<T>(query, JSON.parse(key) as Record<string, unknown>, (data) => handler.current(data));
  }, [query, key, enabled, generation, handler]);
}

/** The connection came back after a drop: read again what the page shows. */
export function useReconnected(handler: () => void) {
  const latest = useLatest(handler);
  useEffect(() => onReconnect(() => latest.current()), [latest]);
}

/** Every history entry of the application (every application's without an id). */
export function useApplicationChanged(id: string | undefined, handler: (e: ApplicationEvent) => void, enabled = true) {
  useSubscription<{ applicationChanged: ApplicationEvent }>(APPLICATION_CHANGED, { id }, (d) => handler(d.applicationChanged), enabled && !!id);
}

/** The entries that move applications between the queues (受付・担当・差戻し・再申込・承認・取下げ・キャンセル). */
export function useReviewQueueChanged(handler: (e: QueueEvent) => void, enabled = true) {
  useSubscription<{ reviewQueueChanged: QueueEvent }>(REVIEW_QUEUE_CHANGED, {}, (d) => handler(d.reviewQueueChanged), enabled);
}

/**
 * A number that grows, once the changes settle (QUEUE_DEBOUNCE_MS), after the queues changed or the connection came
 * back: a page that counts or lists applications reads again when it changes (e.g. `useEffect(() => { if (signal)
 * refetch(); }, [signal])`). Also for the dashboard.
 */
export function useQueueChangeSignal(debounceMs = QUEUE_DEBOUNCE_MS): number {
  const [signal, setSignal] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const bump = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSignal((n) => n + 1), debounceMs);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useReviewQueueChanged(bump);
  useReconnected(bump);
  return signal;
}

/**
 * Who has the application open: read once (and again after a dropped connection), then kept by the changes heard.
 * Read in a request of its own: `viewers` in the page's query would take the page off the server's one-statement read
 * path (a field computed in Node).
 */
export function useViewers(id: string | undefined): Viewer[] {
  const [state, setState] = useState<{ id: string; viewers: Viewer[]; heard: number }>();
  const heard = useRef(0);
  const [reads, setReads] = useState(0);
  useSubscription<{ applicationViewersChanged: { applicationId: string; viewers: Viewer[] } }>(
    VIEWERS_CHANGED,
    { id },
    (d) => {
      heard.current += 1;
      setState({ id: d.applicationViewersChanged.applicationId, viewers: d.applicationViewersChanged.viewers, heard: heard.current });
    },
    !!id,
  );
  useReconnected(() => setReads((n) => n + 1));
  useEffect(() => {
    if (!id) return undefined;
    let current = true;
    const read = () => {
      const before = heard.current;
      void request<{ application: { viewers: Viewer[] } | null }>(VIEWERS, { id }).then(({ data }) => {
        // A change heard meanwhile is newer than this answer.
        if (current && data?.application && heard.current === before) setState({ id, viewers: data.application.viewers, heard: before });
      });
    };
    read();
    // The subscription starts a moment after the first read (no acknowledgement says when): a change in between is
    // caught by reading again once it surely runs, and now and then after.
    const again = setTimeout(read, VIEWERS_REREAD_FIRST_MS);
    const timer = setInterval(read, VIEWERS_REREAD_MS);
    return () => {
      current = false;
      clearTimeout(again);
      clearInterval(timer);
    };
  }, [id, reads]);
  return state && state.id === id ? state.viewers : [];
}

/** Every application's viewers as heard since mounting (the list: what it read with its rows otherwise). */
export function useViewersMap(): ReadonlyMap<string, Viewer[]> {
  const [map, setMap] = useState<ReadonlyMap<string, Viewer[]>>(() => new Map());
  useSubscription<{ applicationViewersChanged: { applicationId: string; viewers: Viewer[] } }>(VIEWERS_CHANGED, {}, (d) =>
    setMap((m) => new Map(m).set(d.applicationViewersChanged.applicationId, d.applicationViewersChanged.viewers)),
  );
  useReconnected(() => setMap(new Map()));
  return map;
}

/**
 * 閲覧中: tells the server the application is open, again every VIEWER_REFRESH_MS, and that it closed — on unmount,
 * and on pagehide with keepalive so the request still leaves with the closing tab. A page back from the browser's
 * cache, or a tab shown again, says so at once.
 */
export function useViewing(id: string | undefined, enabled = true) {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const latestLogout = useLatest(logoutIfAccessDenied);
  useEffect(() => {
    if (!id || !enabled) return undefined;
    const beat = () => {
      void post(VIEW, { id }).then((outcome) => {
        if (outcome === 'unauthenticated') void latestLogout.current({ status: 401 });
      });
    };
    const leave = () => void post(LEAVE, { id }, { keepalive: true });
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) beat();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') beat();
    };
    beat();
    const timer = setInterval(beat, VIEWER_REFRESH_MS);
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', onShow);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', onShow);
      document.removeEventListener('visibilitychange', onVisible);
      leave();
    };
  }, [id, enabled, latestLogout]);
}
