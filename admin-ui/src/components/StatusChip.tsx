import { Chip, type ChipProps } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ApplicationStatus, CertificateStatus, OfficeStatus } from '../labels';
import { EMPTY, formatDate } from './format';

type Colour = NonNullable<ChipProps['color']>;

const APPLICATION_STATUS_COLOURS: Record<ApplicationStatus, { color: Colour; variant: ChipProps['variant'] }> = {
  RECEIVED: { color: 'info', variant: 'filled' },
  IN_REVIEW: { color: 'primary', variant: 'filled' },
  RETURNED: { color: 'warning', variant: 'filled' },
  APPROVED: { color: 'success', variant: 'filled' },
  WITHDRAWN: { color: 'default', variant: 'outlined' },
  CANCELLED: { color: 'error', variant: 'outlined' },
};

const OFFICE_STATUS_COLOURS: Record<OfficeStatus, Colour> = { PENDING: 'warning', ACTIVE: 'success', CLOSED: 'default' };

const CERTIFICATE_STATUS_COLOURS: Record<CertificateStatus, Colour> = {
  PENDING: 'warning',
  ACQUIRED: 'success',
  REVOKED: 'error',
  STOPPED: 'error',
  EXPIRED: 'default',
};

/** The application status as a coloured chip (受付, 審査中, 確認事項あり, 審査終了, 取下げ, キャンセル). */
export const StatusChip = ({ status, size = 'small' }: { status?: ApplicationStatus | null; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  if (!status) return <>{EMPTY}</>;
  const style = APPLICATION_STATUS_COLOURS[status] ?? { color: 'default', variant: 'outlined' };
  return (
    <Chip
      size={size}
      color={style.color}
      variant={style.variant}
      label={translate(`enums.ApplicationStatus.${status}`, { _: status })}
      data-status={status}
    />
  );
};

export const OfficeStatusChip = ({ status, endDate }: { status?: OfficeStatus | null; endDate?: string | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!status) return <>{EMPTY}</>;
  const label = translate(`enums.OfficeStatus.${status}`, { _: status });
  // 利用中 with a 契約解除 approved: it ends on that day (the IDs work until then).
  const closing = status === 'ACTIVE' && !!endDate;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={closing ? 'warning' : (OFFICE_STATUS_COLOURS[status] ?? 'default')}
      label={closing ? translate('naccs.office.closing', { status: label, date: formatDate(endDate, locale) }) : label}
      data-status={status}
    />
  );
};

export const CertificateStatusChip = ({ status }: { status?: CertificateStatus | null }) => {
  const translate = useTranslate();
  if (!status) return <>{EMPTY}</>;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={CERTIFICATE_STATUS_COLOURS[status] ?? 'default'}
      label={translate(`enums.CertificateStatus.${status}`, { _: status })}
    />
  );
};
