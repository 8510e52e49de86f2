import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../components/display';
import { RowsTable } from '../components/RowsTable';
import type { ApplicationChange } from '../types';
import { useChangeFieldLabel, useChangeValueText } from './changeLabels';
import { Marked, usePendingFrom } from '../offices/PendingChanges';

/**
 * 変更前/変更後 of a change or termination: item, field (in Japanese where known), before, and the after highlighted —
 * "2026/12/22 から …" while the approved change waits for its start date.
 */
export const ChangesTable = ({ changes }: { changes?: ApplicationChange[] | null }) => {
  const enumLabel = useEnumLabel();
  const pendingFrom = usePendingFrom();
  const fieldLabel = useChangeFieldLabel();
  const valueText = useChangeValueText();
  const translate = useTranslate();
  const empty = (
    <Typography component="span" variant="body2" color="text.disabled">
      {translate('naccs.change.empty')}
    </Typography>
  );
  return (
    <RowsTable
      rows={changes}
      empty="naccs.change.none"
      label="naccs.change.item"
      columns={[
        { label: 'naccs.change.item', render: (c) => enumLabel('ChangeItem', c.item), nowrap: true },
        {
          label: 'naccs.change.field',
          render: (c) => {
            const label = fieldLabel(c.field);
            return (
              <Box component="span" title={c.field} data-field={c.field} sx={label === c.field ? { fontFamily: 'monospace' } : undefined}>
                {label}
              </Box>
            );
          },
        },
        {
          label: 'naccs.change.before',
          render: (c) => (
            <Box sx={{ whiteSpace: 'pre-wrap', color: 'text.secondary' }}>{valueText(c.field, c.before) || empty}</Box>
          ),
        },
        {
          label: 'naccs.change.after',
          render: (c) => <Marked testId="change-after">{pendingFrom(valueText(c.field, c.after)) || empty}</Marked>,
        },
      ]}
    />
  );
};
