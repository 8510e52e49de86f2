import { Box } from '@mui/material';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useDataProvider, useListContext, useRedirect, type GetListParams } from 'react-admin';
import { useAccess } from '../access';
import { isEditable } from '../components/keyboard';
import { differences } from '../live/differences';
import { useQueueChangeSignal, useViewersMap, type Viewer } from '../live/hooks';
import { UpdatesBar, ViewersIcon } from '../live/Presence';
import type { Application } from '../types';
import { useReadViewers } from './ChecksIcon';

/**
 * 「N件の更新があります — 表示する」 above the list: when the queues change (or the connection comes back), the list's
 * current page is read in the background and compared with what is shown; the rows do not move under the reviewer's
 * pointer until the button (or any reading of the list: a filter, a tab, one's own action) shows them.
 */
export const ListUpdates = () => {
  const { data, filterValues, sort, page, perPage, refetch, resource } = useListContext<Application>();
  const dataProvider = useDataProvider();
  const signal = useQueueChangeSignal();
  const [found, setFound] = useState<{ basis: readonly Application[]; count: number }>();
  const shown = useRef(data);
  shown.current = data;
  const params = JSON.stringify({ filter: filterValues, sort, pagination: { page, perPage } });
  useEffect(() => {
    if (!signal) return undefined;
    let current = true;
    const basis = shown.current;
    void dataProvider
      .getList<Application>(resource, JSON.parse(params) as GetListParams)
      .then(({ data: fresh }) => {
        if (current && basis) setFound({ basis, count: differences(basis, fresh) });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [signal, params, resource, dataProvider]);
  // A reading of the list since makes the comparison moot.
  const count = found && found.basis === data ? found.count : 0;
  return <UpdatesBar count={count} onShow={() => void refetch()} />;
};

interface RowsLive {
  viewers: ReadonlyMap<string, Viewer[]>;
  meId?: string;
  cursor?: string;
}

const Live = createContext<RowsLive>({ viewers: new Map() });

/** The row under the J/K cursor is outlined. */
export const cursorRowSx = (cursor: string | undefined, r: Application) =>
  r.id === cursor ? { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: '-2px' } : {};

export const useRowCursor = () => useContext(Live).cursor;

/**
 * The list's live parts for the rows below: who has each application open (read with the page, then as heard), and
 * the keyboard cursor — J/K move it over the rows on screen, Enter opens its application (never while typing, with a
 * modifier or with a dialog open).
 */
export const ListLiveProvider = ({ children }: { children: ReactNode }) => {
  const { data } = useListContext<Application>();
  const { me } = useAccess();
  const viewers = useViewersMap();
  const redirect = useRedirect();
  const [cursor, setCursor] = useState<string>();
  const box = useRef<HTMLDivElement>(null);
  const ids = (data ?? []).map((r) => r.id);
  const idsKey = ids.join(',');

  useEffect(() => {
    const list = idsKey ? idsKey.split(',') : [];
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isEditable(e.target) || !list.length) return;
      // A dialog or an open menu has the keys (the sidebar's role="menu" is always there; a closed menu is hidden).
      if (document.querySelector('[role="dialog"], .MuiPopover-root:not(.MuiModal-hidden)')) return;
      const at = cursor ? list.indexOf(cursor) : -1;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        const next = at < 0 ? 0 : Math.max(0, Math.min(list.length - 1, at + (e.key === 'j' ? 1 : -1)));
        setCursor(list[next]);
      } else if (e.key === 'Enter' && at >= 0) {
        // Enter on a button or link is that control's own (a tab is only chosen, not pressed).
        const target = e.target instanceof HTMLElement ? e.target : null;
        if (target?.closest('a, button:not([role="tab"]), [role="button"], [role="checkbox"]')) return;
        e.preventDefault();
        redirect('show', 'applications', list[at]);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [idsKey, cursor, redirect]);

  // The cursor's row: scrolled into view and marked for assistive technology.
  useEffect(() => {
    const rows = box.current?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [];
    const at = cursor ? idsKey.split(',').indexOf(cursor) : -1;
    rows.forEach((row, i) => {
      if (i === at) {
        row.setAttribute('aria-current', 'true');
        row.scrollIntoView?.({ block: 'nearest' });
      } else row.removeAttribute('aria-current');
    });
  }, [cursor, idsKey]);

  return (
    <Live.Provider value={{ viewers, meId: me?.id, cursor }}>
      <Box ref={box} data-testid="application-rows">
        {children}
      </Box>
    </Live.Provider>
  );
};

/** The row's 閲覧中 icon: the others who have it open, their names in the tooltip. */
export const RowViewersIcon = ({ id }: { id: string }) => {
  const live = useContext(Live);
  const read = useReadViewers(id);
  return <ViewersIcon viewers={live.viewers.get(id) ?? read} meId={live.meId} />;
};
