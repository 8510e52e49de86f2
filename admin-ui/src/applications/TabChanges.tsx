import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ChangeItem } from '../labels';
import type { Application } from '../types';
import { inReadingOrder } from './ChangeMarks';
import { ChangesTable } from './ChangesTable';

/**
 * At the top of a tab of a change application: what the application changes among this tab's items, each as
 * 現在の契約 (struck through) → 変更後 — so a reviewer sees what changes without leaving the tab.
 */
export const TabChanges = ({ items }: { items: readonly ChangeItem[] }) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record || record.kind === 'NEW') return null;
  const changes = inReadingOrder((record.changes ?? []).filter((c) => items.includes(c.item)));
  if (!changes.length) return null;
  return (
    <Box
      component="section"
      aria-label={translate('naccs.change_rows.changes_here')}
      data-testid="tab-changes"
      sx={{ mb: 2, p: 1.5, border: 1, borderColor: 'warning.main', borderRadius: 1, bgcolor: 'background.paper' }}
    >
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate('naccs.change_rows.changes_here')}
      </Typography>
      <ChangesTable changes={changes} />
    </Box>
  );
};
