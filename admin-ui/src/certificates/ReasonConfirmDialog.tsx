import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  TextField,
  Typography,
  type ButtonProps,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { FieldError } from '../intake/inputTypes';
import { DialogCancelButton, DialogConfirmButton, DialogErrors } from '../components/DialogButtons';

/** The longest reason the server takes (reissue; SPEC: 240 characters). */
export const MAX_REASON = 240;

/**
 * An action on a certificate that needs a reason and a second look: first the reason (required), then a
 * confirmation that restates what will happen, to whom, and why — only then is it sent. The server's message about
 * the reason (BAD_USER_INPUT) brings the first step back with the message under the box.
 */
export const ReasonConfirmDialog = ({
  open,
  onClose,
  title,
  titleArgs,
  description,
  consequence,
  label,
  confirmLabel,
  confirmColor = 'warning',
  busy,
  testId,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  titleArgs?: Record<string, unknown>;
  description: string;
  /** What happens, shown on the confirmation step (translation key; gets titleArgs and the reason). */
  consequence: string;
  label: string;
  confirmLabel: string;
  confirmColor?: ButtonProps['color'];
  busy?: boolean;
  testId: string;
  onSubmit: (reason: string) => Promise<{ ok: boolean; fieldErrors: FieldError[] }>;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [errors, setErrors] = useState<FieldError[]>([]);

  useEffect(() => {
    if (open) {
      setReason('');
      setStep('reason');
      setErrors([]);
    }
  }, [open]);

  const text = reason.trim();
  const tooLong = [...text].length > MAX_REASON;
  const own = errors.filter((e) => e.path === 'reason');
  const others = errors.filter((e) => e.path !== 'reason');

  const submit = async () => {
    if (busy) return;
    const outcome = await onSubmit(text);
    if (outcome.ok) onClose();
    else {
      setErrors(outcome.fieldErrors);
      setStep('reason');
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <DialogTitle id={`${testId}-title`}>{translate(title, titleArgs)}</DialogTitle>
      <DialogContent>
        {step === 'reason' ? (
          <>
            <DialogContentText sx={{ mb: 2 }}>{translate(description, titleArgs)}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={2}
              required
              name="reason"
              label={translate(label)}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setErrors([]);
              }}
              error={own.length > 0 || tooLong}
              helperText={
                own.map((e) => e.message).join(' ') ||
                translate('naccs.certificates.reason_count', { count: [...text].length, max: MAX_REASON })
              }
              slotProps={{ htmlInput: { 'data-testid': `${testId}-reason` } }}
            />
            <DialogErrors errors={others} />
          </>
        ) : (
          <>
            <Alert severity={confirmColor === 'error' ? 'error' : 'warning'} sx={{ mb: 2 }}>
              {translate(consequence, titleArgs)}
            </Alert>
            <Typography variant="caption" color="text.secondary">
              {translate(label)}
            </Typography>
            <Paper variant="outlined" sx={{ p: 1.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={`${testId}-summary`}>
              {text}
            </Paper>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <DialogCancelButton onClick={onClose} busy={busy} />
        {step === 'reason' ? (
          <Button variant="contained" color={confirmColor} disabled={!text || tooLong} onClick={() => setStep('confirm')} data-testid={`${testId}-next`}>
            {translate('naccs.certificates.next')}
          </Button>
        ) : (
          <>
            <Button onClick={() => setStep('reason')} disabled={busy}>
              {translate('ra.action.back')}
            </Button>
            <DialogConfirmButton color={confirmColor} busy={busy} onClick={() => void submit()} data-testid={`${testId}-confirm`}>
              {translate(confirmLabel, titleArgs)}
            </DialogConfirmButton>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
