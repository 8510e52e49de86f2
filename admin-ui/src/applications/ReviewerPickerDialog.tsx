import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { Staff } from '../types';
import { DialogCancelButton, DialogConfirmButton } from '../components/DialogButtons';

/** Supervisors: choose the reviewer (or supervisor) to assign to, from the active staff who may review. */
export const ReviewerPickerDialog = ({
  open,
  onClose,
  onPick,
  busy,
  description,
  descriptionArgs,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (staffId: string) => Promise<void> | void;
  busy?: boolean;
  description: string;
  descriptionArgs?: Record<string, unknown>;
}) => {
  const translate = useTranslate();
  const [picked, setPicked] = useState('');
  const { data: reviewers = [], isPending } = useGetList<Staff>(
    'staff',
    {
      filter: { roles: ['REVIEWER', 'SUPERVISOR'], active: true },
      pagination: { page: 1, perPage: 500 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: open },
  );
  useEffect(() => {
    if (open) setPicked('');
  }, [open]);
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="xs" data-testid="reviewer-picker">
      <DialogTitle>{translate('naccs.review.assign_to')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(description, descriptionArgs)}</DialogContentText>
        <TextField
          select
          fullWidth
          name="assigneeId"
          label={translate('resources.applications.fields.assignee')}
          value={picked}
          onChange={(e) => setPicked(e.target.value)}
          disabled={isPending}
        >
          {reviewers.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name} ({s.roles.map((r) => translate(`enums.Role.${r}`, { _: r })).join('・')})
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <DialogCancelButton onClick={onClose} busy={busy} />
        <DialogConfirmButton busy={busy} disabled={!picked} onClick={() => void onPick(picked)}>
          {translate('naccs.review.assign')}
        </DialogConfirmButton>
      </DialogActions>
    </Dialog>
  );
};
