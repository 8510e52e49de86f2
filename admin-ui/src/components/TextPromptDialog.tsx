import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField, type ButtonProps } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { FieldError } from '../intake/inputTypes';
import { DialogCancelButton, DialogConfirmButton, DialogErrors } from './DialogButtons';

export interface TextPromptDialogProps {
  open: boolean;
  onClose: () => void;
  /** Translation keys (or text). */
  title: string;
  titleArgs?: Record<string, unknown>;
  description?: string;
  label: string;
  confirmLabel: string;
  confirmColor?: ButtonProps['color'];
  /** The API path of the text (its fieldErrors show under the box). */
  path: string;
  rows?: number;
  initialValue?: string;
  /** Above the box: e.g. canned questions that insert text. Receives an `insert(text)`. */
  helpers?: (insert: (text: string) => void) => ReactNode;
  /** Sends the text; resolves to the server's fieldErrors (empty when done, and the dialog closes). */
  onSubmit: (text: string) => Promise<{ ok: boolean; fieldErrors: FieldError[] }>;
  busy?: boolean;
  testId?: string;
}

/**
 * A dialog that asks for one required text (確認事項, キャンセル理由, 再発行の理由…) and sends it. Empty text cannot be
 * sent; the server's own message for that field (BAD_USER_INPUT) shows under the box; other errors are notified
 * by the caller's action.
 */
export const TextPromptDialog = ({
  open,
  onClose,
  title,
  titleArgs,
  description,
  label,
  confirmLabel,
  confirmColor = 'primary',
  path,
  rows = 4,
  initialValue = '',
  helpers,
  onSubmit,
  busy,
  testId,
}: TextPromptDialogProps) => {
  const translate = useTranslate();
  const [text, setText] = useState(initialValue);
  const [errors, setErrors] = useState<FieldError[]>([]);

  useEffect(() => {
    if (open) {
      setText(initialValue);
      setErrors([]);
    }
  }, [open, initialValue]);

  const insert = (snippet: string) => setText((t) => (t.trim() ? `${t.replace(/\s+$/, '')}\n${snippet}` : snippet));
  const own = errors.filter((e) => e.path === path);
  const others = errors.filter((e) => e.path !== path);

  const submit = async () => {
    if (!text.trim() || busy) return;
    const outcome = await onSubmit(text.trim());
    if (outcome.ok) onClose();
    else setErrors(outcome.fieldErrors);
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" data-testid={testId} aria-labelledby={`${testId ?? 'prompt'}-title`}>
      <DialogTitle id={`${testId ?? 'prompt'}-title`}>{translate(title, { _: title, ...titleArgs })}</DialogTitle>
      <DialogContent>
        {description ? <DialogContentText sx={{ mb: 2 }}>{translate(description, { _: description })}</DialogContentText> : null}
        {helpers?.(insert)}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={rows}
          required
          name={path}
          label={translate(label, { _: label })}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={own.length > 0}
          helperText={own.map((e) => e.message).join(' ') || ' '}
          sx={{ mt: 1 }}
        />
        <DialogErrors errors={others} />
      </DialogContent>
      <DialogActions>
        <DialogCancelButton onClick={onClose} busy={busy} />
        <DialogConfirmButton color={confirmColor} busy={busy} disabled={!text.trim()} onClick={() => void submit()} data-testid={testId ? `${testId}-confirm` : undefined}>
          {translate(confirmLabel, { _: confirmLabel })}
        </DialogConfirmButton>
      </DialogActions>
    </Dialog>
  );
};
