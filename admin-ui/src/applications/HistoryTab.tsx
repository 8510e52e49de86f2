import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import LockIcon from '@mui/icons-material/Lock';
import { Box, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText, Section, useEnumLabel } from '../components/display';
import { RowsTable } from '../components/RowsTable';
import { StatusChip } from '../components/StatusChip';
import { enumValues } from '../labels';
import type { Application, ApplicationHistory } from '../types';

const ROLES = new Set<string>(enumValues('Role'));

const StatusChange = ({ entry }: { entry: ApplicationHistory }) => {
  if (!entry.fromStatus && !entry.toStatus) return null;
  if (entry.fromStatus === entry.toStatus || !entry.fromStatus) return <StatusChip status={entry.toStatus} />;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
      <StatusChip status={entry.fromStatus} />
      <ArrowRightAltIcon fontSize="small" aria-label="→" />
      <StatusChip status={entry.toStatus} />
    </Box>
  );
};

/** 履歴: the append-only log, newest first; internal notes are marked and tinted. */
export const HistoryTab = () => {
  const record = useRecordContext<Application>();
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  if (!record) return null;
  const rows = [...(record.history ?? [])].sort((a, b) => b.at.localeCompare(a.at) || b.version - a.version);
  return (
    <Section
      title="resources.applications.fields.history"
      actions={
        <Chip size="small" variant="outlined" label={translate('resources.applications.history_newest_first')} />
      }
    >
      <RowsTable<ApplicationHistory>
        rows={rows}
        empty="naccs.history.none"
        label="resources.applications.fields.history"
        rowSx={(h) => (h.internal ? { bgcolor: 'action.hover' } : undefined)}
        columns={[
          { label: 'naccs.history.at', render: (h) => <DateTimeText value={h.at} />, nowrap: true },
          { label: 'naccs.history.actorName', render: (h) => h.actorName || h.actor?.name, nowrap: true },
          {
            label: 'naccs.history.actorRole',
            render: (h) => (h.actorRole && ROLES.has(h.actorRole) ? enumLabel('Role', h.actorRole) : h.actorRole),
            nowrap: true,
          },
          { label: 'naccs.history.action', render: (h) => enumLabel('HistoryAction', h.action), nowrap: true },
          { label: 'naccs.history.status', render: (h) => <StatusChange entry={h} /> },
          { label: 'naccs.history.message', render: (h) => (h.message ? <Box sx={{ whiteSpace: 'pre-wrap' }}>{h.message}</Box> : null) },
          { label: 'naccs.history.version', render: (h) => h.version, align: 'right' },
          {
            label: 'naccs.history.internal',
            render: (h) =>
              h.internal ? (
                <Chip size="small" icon={<LockIcon />} label={translate('naccs.history.internal_badge')} />
              ) : null,
          },
        ]}
      />
    </Section>
  );
};
