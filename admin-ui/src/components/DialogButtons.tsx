import { Alert, Button, CircularProgress, type ButtonProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { FieldError } from '../intake/inputTypes';

/** A dialog's キャンセル: closes it, but not while the server is working on the confirmed action. */
export const DialogCancelButton = ({ onClick, busy }: { onClick: () => void; busy?: boolean }) => {
  const translate = useTranslate();
  return (
    <Button onClick={onClick} disabled={busy}>
      {translate('ra.action.cancel')}
    </Button>
  );
};

/** A dialog's confirm button: disabled and spinning (instead of its icon) while the server works. */
export const DialogConfirmButton = ({ busy, disabled, icon, ...props }: Omit<ButtonProps, 'startIcon'> & { busy?: boolean; icon?: ReactNode }) => (
  <Button variant="contained" {...props} disabled={busy || disabled} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : icon} />
);

/** The server's errors that no field of the dialog shows. */
export const DialogErrors = ({ errors }: { errors: FieldError[] }) => (
  <>
    {errors.map((e) => (
      <Alert key={`${e.path}-${e.message}`} severity="error" sx={{ mt: 1 }}>
        {e.message}
      </Alert>
    ))}
  </>
);
