import { Box } from '@mui/material';
import { useEnumLabel } from '../components/display';
import { RowsTable } from '../components/RowsTable';
import type { ApplicationChange } from '../types';
import { useChangeFieldLabel } from './changeLabels';
import { ChangeInline, inReadingOrder } from './ChangeMarks';

/**
 * 変更前/変更後 of a change or termination: item, field (in Japanese where known), and the change inline — the
 * office's current contract struck through, the new value highlighted ("2026/12/22 から …" while the approved change
 * waits for its start date). A person's 姓 comes before the 名.
 */
export const ChangesTable = ({ changes }: { changes?: ApplicationChange[] | null }) => {
  const enumLabel = useEnumLabel();
  const fieldLabel = useChangeFieldLabel();
  return (
    <RowsTable
      rows={changes ? inReadingOrder(changes) : changes}
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
        { label: 'naccs.change.before_after', render: (c) => <ChangeInline change={c} /> },
      ]}
    />
  );
};
