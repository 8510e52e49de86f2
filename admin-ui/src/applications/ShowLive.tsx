import { Alert, Box, Button, Stack } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useRecordContext, useShowContext } from 'react-admin';
import { useAccess } from '../access';
import { useApplicationChanged, useReconnected, useViewers, useViewing, type ApplicationEvent } from '../live/hooks';
import { ViewerChips } from '../live/Presence';
import { describeAction, useLiveTexts } from '../live/texts';
import type { Application } from '../types';
import { reviewActionsFor } from './reviewRules';

const OPEN = new Set(['RECEIVED', 'IN_REVIEW', 'RETURNED']);

/**
 * The application page's live parts, above its summary: it says it is open (閲覧中, useViewing) and shows who else has
 * it open; when another person acts on it, a banner says who did what with 再読み込み (rather than a CONFLICT at the
 * next action); when someone else is its assignee, a banner says so and why the review actions are not offered.
 */
export const ShowLive = () => {
  const record = useRecordContext<Application>();
  const { refetch } = useShowContext<Application>();
  const { me } = useAccess();
  const t = useLiveTexts();
  const id = record?.id;
  useViewing(id);
  const viewers = useViewers(id);

  // Each event with the version the page showed when it came: it stays until the page shows a later one.
  const [events, setEvents] = useState<Array<ApplicationEvent & { shownVersion: number }>>([]);
  const shown = useRef(record?.version ?? 0);
  shown.current = record?.version ?? 0;
  useEffect(() => setEvents([]), [id]);
  useApplicationChanged(id, (e) => {
    // One's own actions reload the page already (useServerAction).
    if (e.actor.id && e.actor.id === me?.id) return;
    setEvents((list) => [...list, { ...e, shownVersion: shown.current }]);
  });
  // Back after a dropped connection: what was missed is read quietly.
  useReconnected(() => void refetch());

  if (!record) return null;
  const pending = events.filter((e) => e.id === record.id && record.version <= e.shownVersion);
  const latest = pending[pending.length - 1];
  const reload = () => {
    setEvents([]);
    void refetch();
  };
  const assignee = record.assignee;
  const heldByOther = !!assignee && assignee.id !== me?.id && OPEN.has(record.status);
  const actions = reviewActionsFor(record);
  const blocked = heldByOther && !actions.return && !actions.approve && !actions.unassign;

  if (!latest && !heldByOther && !viewers.some((v) => v.staffId !== me?.id)) return null;
  return (
    <Stack spacing={1} sx={{ px: 2, pt: 2 }} data-testid="live-panel">
      <ViewerChips viewers={viewers} meId={me?.id} />
      {latest ? (
        <Alert
          severity="warning"
          data-testid="change-banner"
          role="alert"
          action={
            <Button color="inherit" size="small" onClick={reload} data-testid="change-banner-reload">
              {t.reload}
            </Button>
          }
        >
          {describeAction(t, latest)}
          {pending.length > 1 ? ` ${t.moreChanges(pending.length - 1)}` : ''}
        </Alert>
      ) : null}
      {heldByOther ? (
        <Alert severity="info" data-testid="assignee-banner">
          <strong>{t.assignee(assignee.name)}</strong>
          {blocked ? <Box component="span" sx={{ display: 'block' }}>{t.assigneeWhy}</Box> : null}
        </Alert>
      ) : null}
    </Stack>
  );
};
