import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useChangeFieldLabel, useChangeValueText } from '../applications/changeLabels';
import type { ChangeItem } from '../labels';
import { profileChanges, type FieldChange } from './changeDiff';
import type { ChangeFormValues } from './changeTypes';

/** 変更前/変更後 of the given changes (the confirmation and the sections use it). */
export const FieldChangesTable = ({ changes, testId }: { changes: FieldChange[]; testId?: string }) => {
  const translate = useTranslate();
  const label = useChangeFieldLabel();
  const value = useChangeValueText();
  const empty = <Typography component="span" variant="body2" color="text.disabled">{translate('naccs.change.empty')}</Typography>;
  return (
    <Table size="small" data-testid={testId} sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('naccs.change.field')}</TableCell>
          <TableCell>{translate('naccs.change.before')}</TableCell>
          <TableCell>{translate('naccs.change.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.path}>
            <TableCell>{label(c.field)}</TableCell>
            <TableCell sx={{ color: 'text.secondary' }}>{value(c.field, c.before) || empty}</TableCell>
            <TableCell sx={{ fontWeight: 700, color: 'primary.main' }}>{value(c.field, c.after) || empty}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * Under a section of the 変更申込: what staff have overwritten so far against the current contract (the values the
 * form started from), or that it still holds the current values.
 */
export const SectionChanges = ({ items }: { items: ChangeItem[] }) => {
  const translate = useTranslate();
  const { formState } = useFormContext<ChangeFormValues>();
  const values = useWatch() as ChangeFormValues;
  const initial = formState.defaultValues as ChangeFormValues | undefined;
  if (!initial) return null;
  const changes = profileChanges(initial, values, items);
  return (
    <Box sx={{ mt: 1, p: 1, bgcolor: 'action.hover', borderRadius: 1 }} role="status" aria-live="polite">
      {changes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.intake.change.unchanged')}
        </Typography>
      ) : (
        <FieldChangesTable changes={changes} />
      )}
    </Box>
  );
};
