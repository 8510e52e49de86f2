import ReplayIcon from '@mui/icons-material/Replay';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { RESEND_EMAIL } from './emailQueries';
import type { OutboundEmail } from './emailTypes';

/** 再送 (supervisors): after a confirmation, the same content goes out again as a new mail (送信待ち). */
export const ResendEmailButton = ({ email, onDone }: { email: OutboundEmail; onDone?: (copy: OutboundEmail) => void }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  const to = email.recipients.join(', ');
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<ReplayIcon />} onClick={() => setOpen(true)} disabled={busy} data-testid="resend-email">
        {translate('naccs.emails.resend.button')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="naccs.emails.resend.title"
        content="naccs.emails.resend.content"
        confirm="naccs.emails.resend.confirm"
        translateOptions={{ to, subject: email.subject }}
        onConfirm={async () => {
          const outcome = await run<{ resendEmail: OutboundEmail }>(
            RESEND_EMAIL,
            { id: email.id },
            { success: 'naccs.emails.resend.done', successArgs: { to }, notifyFieldErrors: true },
          );
          setOpen(false);
          if (outcome.ok && outcome.data) onDone?.(outcome.data.resendEmail);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
