import { Alert, Button, Stack } from '@mui/material';
import { useGetList, useListContext, useTranslate } from 'react-admin';
import { RENEWAL_DAYS, certificateWarnings } from './certificateRules';
import type { Certificate } from './certificateTypes';

/** Waiting certificates checked for their 取得期限 (the largest page the server gives). */
const PENDING_SAMPLE = 100;

/**
 * Above the list, what needs doing whatever the filter: certificates in their renewal window, and waiting ones close
 * to (or past) their 取得期限 or locked. A button narrows the list to them.
 */
export const CertificateAlerts = () => {
  const translate = useTranslate();
  const { setFilters, displayedFilters } = useListContext();
  const { total: renewal } = useGetList<Certificate>('certificates', {
    filter: { expiringWithinDays: RENEWAL_DAYS },
    pagination: { page: 1, perPage: 1 },
  });
  const { data: pending } = useGetList<Certificate>('certificates', {
    filter: { status: ['PENDING'] },
    pagination: { page: 1, perPage: PENDING_SAMPLE },
  });
  const urgent = (pending ?? []).filter((c) => certificateWarnings(c).length > 0).length;
  if (!renewal && !urgent) return null;
  return (
    <Stack spacing={1} sx={{ mb: 1 }} data-testid="certificate-alerts">
      {renewal ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => setFilters({ expiringWithinDays: RENEWAL_DAYS }, displayedFilters)}>
              {translate('naccs.certificates.alerts.show')}
            </Button>
          }
        >
          {translate('naccs.certificates.alerts.renewal', { smart_count: renewal, days: RENEWAL_DAYS })}
        </Alert>
      ) : null}
      {urgent ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => setFilters({ status: ['PENDING'] }, displayedFilters)}>
              {translate('naccs.certificates.alerts.show')}
            </Button>
          }
        >
          {translate('naccs.certificates.alerts.acquire', { smart_count: urgent })}
        </Alert>
      ) : null}
    </Stack>
  );
};
