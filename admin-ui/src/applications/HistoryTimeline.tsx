import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EditNoteIcon from '@mui/icons-material/EditNote';
import KeyIcon from '@mui/icons-material/Key';
import LockIcon from '@mui/icons-material/Lock';
import ReplyIcon from '@mui/icons-material/Reply';
import SendIcon from '@mui/icons-material/Send';
import SettingsSuggestIcon from '@mui/icons-material/SettingsSuggest';
import UndoIcon from '@mui/icons-material/Undo';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, Chip, Stack, Typography, type SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';
import { useTranslate } from 'react-admin';
import { DateTimeText, useEnumLabel } from '../components/display';
import { StatusChip } from '../components/StatusChip';
import { HistoryMessage } from './HistoryMessage';
import { enumValues, type HistoryAction } from '../labels';
import type { ApplicationHistory } from '../types';

const ROLES = new Set<string>(enumValues('Role'));

type Colour = 'primary' | 'success' | 'warning' | 'error' | 'info' | 'grey';

const LOOK: Partial<Record<HistoryAction, { icon: ComponentType<SvgIconProps>; colour: Colour }>> = {
  SUBMIT: { icon: SendIcon, colour: 'info' },
  RESUBMIT: { icon: SendIcon, colour: 'info' },
  ASSIGN: { icon: AssignmentIndIcon, colour: 'primary' },
  UNASSIGN: { icon: UndoIcon, colour: 'grey' },
  START_REVIEW: { icon: AssignmentIndIcon, colour: 'primary' },
  RETURN: { icon: ReplyIcon, colour: 'warning' },
  APPROVE: { icon: CheckCircleIcon, colour: 'success' },
  WITHDRAW: { icon: UndoIcon, colour: 'grey' },
  CANCEL: { icon: CancelIcon, colour: 'error' },
  INTERNAL_NOTE: { icon: LockIcon, colour: 'grey' },
  COMMENT: { icon: EditNoteIcon, colour: 'grey' },
  SYSTEM_SETTINGS: { icon: SettingsSuggestIcon, colour: 'success' },
  PASSWORD_READ: { icon: VisibilityIcon, colour: 'grey' },
  PASSWORD_REISSUE: { icon: KeyIcon, colour: 'warning' },
};

const dotColour = (c: Colour) => (c === 'grey' ? 'grey.500' : `${c}.main`);

const StatusChange = ({ entry }: { entry: ApplicationHistory }) => {
  if (!entry.toStatus) return null;
  if (!entry.fromStatus || entry.fromStatus === entry.toStatus) return <StatusChip status={entry.toStatus} />;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
      <StatusChip status={entry.fromStatus} />
      <ArrowRightAltIcon fontSize="small" aria-label="→" />
      <StatusChip status={entry.toStatus} />
    </Box>
  );
};

/**
 * The application's history as a timeline, newest first: when, who (and in which role), what, the status change
 * and the message. 社内メモ (internal entries, never shown to the customer) are tinted and labelled.
 */
export const HistoryTimeline = ({ entries }: { entries: ApplicationHistory[] }) => {
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('naccs.history.none')}
      </Typography>
    );
  }
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label={translate('resources.applications.fields.history')} data-testid="history-timeline">
      {entries.map((h, i) => {
        const look = LOOK[h.action] ?? { icon: EditNoteIcon, colour: 'grey' as Colour };
        const Icon = look.icon;
        const last = i === entries.length - 1;
        return (
          <Box
            component="li"
            key={`${h.at}-${h.version}-${i}`}
            data-action={h.action}
            data-internal={h.internal || undefined}
            sx={{ display: 'grid', gridTemplateColumns: '150px 36px 1fr', columnGap: 1 }}
          >
            <Typography variant="caption" color="text.secondary" sx={{ pt: 0.75, textAlign: 'right', whiteSpace: 'nowrap' }}>
              <DateTimeText value={h.at} />
            </Typography>
            <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
              <Box
                sx={{
                  width: 28,
                  height: 28,
                  borderRadius: '50%',
                  bgcolor: dotColour(look.colour),
                  color: 'common.white',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  flexShrink: 0,
                }}
              >
                <Icon sx={{ fontSize: 16 }} />
              </Box>
              {last ? null : <Box sx={{ flex: 1, width: 2, bgcolor: 'divider', minHeight: 12 }} />}
            </Box>
            <Box
              sx={{
                pb: 2,
                pt: 0.25,
                minWidth: 0,
                ...(h.internal ? { bgcolor: 'action.hover', borderRadius: 1, px: 1.5, py: 0.75, mb: 1.5, borderLeft: 3, borderColor: 'grey.500' } : {}),
              }}
            >
              <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                <Typography variant="subtitle2" component="span" sx={{ fontWeight: 700 }}>
                  {enumLabel('HistoryAction', h.action)}
                </Typography>
                {h.internal ? (
                  <Chip size="small" icon={<LockIcon />} label={translate('naccs.history.internal_note')} data-testid="internal-note-chip" />
                ) : null}
                <StatusChange entry={h} />
                <Typography variant="body2" component="span" color="text.secondary">
                  {h.actorName || h.actor?.name}
                  {h.actorRole ? ` (${ROLES.has(h.actorRole) ? enumLabel('Role', h.actorRole) : h.actorRole})` : ''}
                </Typography>
                <Typography variant="caption" component="span" color="text.disabled">
                  {translate('naccs.history.version_n', { version: h.version })}
                </Typography>
              </Stack>
              {h.message ? <HistoryMessage message={h.message} /> : null}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
