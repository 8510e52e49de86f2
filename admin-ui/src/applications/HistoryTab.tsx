import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { Section } from '../components/display';
import type { Application } from '../types';
import { HistoryTimeline } from './HistoryTimeline';
import { InternalNoteBox } from './InternalNoteBox';

/** 履歴: the 社内メモ box, then the append-only log as a timeline, newest first. */
export const HistoryTab = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record) return null;
  const rows = [...(record.history ?? [])].sort((a, b) => b.at.localeCompare(a.at) || b.version - a.version);
  return (
    <Section
      title="resources.applications.fields.history"
      actions={<Chip size="small" variant="outlined" label={translate('resources.applications.history_newest_first')} />}
    >
      <InternalNoteBox record={record} />
      <HistoryTimeline entries={rows} />
    </Section>
  );
};
