import { Chip, Tooltip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EMPTY } from '../components/format';
import type { EmailStatus, OutboundEmail } from './emailTypes';

const COLOURS: Record<EmailStatus, { color: NonNullable<ChipProps['color']>; variant: ChipProps['variant'] }> = {
  PENDING: { color: 'default', variant: 'outlined' },
  SENDING: { color: 'info', variant: 'outlined' },
  SENT: { color: 'success', variant: 'filled' },
  DEAD: { color: 'error', variant: 'filled' },
};

/** 送信待ち / 送信中 / 送信済 / 送信失敗 (DEAD: the retries are exhausted; a supervisor may resend). */
export const EmailStatusChip = ({ status }: { status?: EmailStatus | null }) => {
  const translate = useTranslate();
  if (!status) return <>{EMPTY}</>;
  const style = COLOURS[status] ?? { color: 'default', variant: 'outlined' };
  return (
    <Chip
      size="small"
      color={style.color}
      variant={style.variant}
      label={translate(`naccs.emails.status.${status}`, { _: status })}
      data-status={status}
    />
  );
};

/**
 * What 送信ログ must point out beside the state: a mail that may have reached its recipients twice (重複の可能性), and
 * one written from an earlier template version.
 */
export const EmailFlags = ({ email }: { email: Pick<OutboundEmail, 'renderNote' | 'possibleDuplicate'> }) => {
  const translate = useTranslate();
  return (
    <>
      {email.possibleDuplicate ? (
        <Tooltip title={translate('naccs.emails.possible_duplicate_hint')}>
          <Chip size="small" color="warning" label={translate('naccs.emails.possible_duplicate')} data-testid="email-possible-duplicate" />
        </Tooltip>
      ) : null}
      {email.renderNote ? (
        <Tooltip title={email.renderNote}>
          <Chip size="small" color="warning" variant="outlined" label={translate('naccs.emails.render_fallback')} data-testid="email-render-note" />
        </Tooltip>
      ) : null}
    </>
  );
};
