import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { Confirm, useRecordContext, useTranslate } from 'react-admin';
import { CopyButton } from '../components/CopyButton';
import { useServerAction } from '../components/useServerAction';
import { RESET_STAFF_PASSWORD } from '../queries';
import type { Staff } from '../types';

/**
 * パスワードリセット (admin): after a confirmation, the server sets a temporary password and returns it in this one
 * answer — shown once here, with a copy button, to pass on to the staff member.
 */
export const ResetStaffPasswordButton = ({ record: given }: { record?: Staff }) => {
  const context = useRecordContext<Staff>();
  const record = given ?? context;
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [confirming, setConfirming] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        startIcon={<LockResetIcon />}
        onClick={(e: MouseEvent) => {
          e.stopPropagation();
          setConfirming(true);
        }}
        data-testid="reset-staff-password"
      >
        {translate('naccs.staff.reset_password')}
      </Button>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="naccs.staff.reset_title"
        content="naccs.staff.reset_content"
        translateOptions={{ name: record.name, email: record.email }}
        onConfirm={async () => {
          const outcome = await run<{ resetStaffPassword: string }>(RESET_STAFF_PASSWORD, { id: record.id }, { refreshAfter: false });
          setConfirming(false);
          if (outcome.ok && outcome.data) setTemporary(outcome.data.resetStaffPassword);
        }}
        onClose={() => setConfirming(false)}
      />
      <Dialog open={!!temporary} onClose={() => setTemporary(null)} onClick={(e) => e.stopPropagation()} data-testid="temporary-password-dialog">
        <DialogTitle>{translate('naccs.staff.temporary_title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'flex', alignItems: 'center', my: 1 }}>
            <Typography variant="h5" component="div" sx={{ fontFamily: 'monospace', fontWeight: 700, letterSpacing: 2 }} data-testid="temporary-password">
              {temporary}
            </Typography>
            <CopyButton value={temporary} label="naccs.staff.temporary_password" />
          </Box>
          <Alert severity="warning">{translate('naccs.staff.shown_once')}</Alert>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setTemporary(null)}>
            {translate('naccs.staff.done')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
