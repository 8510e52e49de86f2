import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import LockIcon from '@mui/icons-material/Lock';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Chip, Stack, Tooltip } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { EMPTY, formatDate } from '../components/format';
import { certificateWarnings, type CertificateWarning } from './certificateRules';
import type { Certificate } from './certificateTypes';

const Warning = ({ warning }: { warning: CertificateWarning }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  switch (warning.kind) {
    case 'renewal':
      return (
        <Tooltip title={translate('naccs.certificates.warnings.renewal_hint')}>
          <Chip size="small" color="warning" icon={<ScheduleIcon />} label={translate('naccs.certificates.warnings.renewal', { smart_count: warning.days })} data-warning="renewal" />
        </Tooltip>
      );
    case 'acquireSoon':
      return (
        <Tooltip title={translate('naccs.certificates.warnings.acquire_hint', { date: formatDate(warning.date, locale, true) })}>
          <Chip size="small" color="warning" icon={<ScheduleIcon />} label={translate('naccs.certificates.warnings.acquire_soon', { smart_count: warning.days })} data-warning="acquireSoon" />
        </Tooltip>
      );
    case 'acquireOverdue':
      return (
        <Tooltip title={translate('naccs.certificates.warnings.acquire_hint', { date: formatDate(warning.date, locale, true) })}>
          <Chip size="small" color="error" icon={<ErrorOutlineIcon />} label={translate('naccs.certificates.warnings.acquire_overdue')} data-warning="acquireOverdue" />
        </Tooltip>
      );
    case 'locked':
      return (
        <Tooltip title={translate('naccs.certificates.warnings.locked_hint', { attempts: warning.attempts })}>
          <Chip size="small" color="error" icon={<LockIcon />} label={translate('naccs.certificates.warnings.locked')} data-warning="locked" />
        </Tooltip>
      );
  }
};

/** The warnings of one certificate as chips (renewal window, 取得期限 near or past, locked), or "—". */
export const CertificateWarnings = ({ certificate }: { certificate: Certificate }) => {
  const warnings = certificateWarnings(certificate);
  if (warnings.length === 0) return <>{EMPTY}</>;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {warnings.map((w) => (
        <Warning key={w.kind} warning={w} />
      ))}
    </Stack>
  );
};
