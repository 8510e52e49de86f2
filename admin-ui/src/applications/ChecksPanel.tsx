import { Alert, AlertTitle, Box, Stack } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { Application, ApplicationCheck } from '../types';

const COLOUR: Record<ApplicationCheck['severity'], 'error' | 'warning' | 'info'> = { BLOCKER: 'error', WARNING: 'warning', INFO: 'info' };

/**
 * The automatic pre-review checklist at the top of an application (the server computes it: Application.checks),
 * heaviest first, each with its severity colour and, for another open application, a link to it.
 */
export const ChecksPanel = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record?.checks) return null;
  return (
    <Box sx={{ px: 2, pb: 1 }} component="section" aria-label={translate('naccs.checks.title')} data-testid="checks-panel">
      {record.checks.length === 0 ? (
        <Alert severity="success" variant="outlined" data-testid="checks-none">{translate('naccs.checks.none')}</Alert>
      ) : (
        <Stack spacing={1}>
          {record.checks.map((check, i) => (
            <Alert key={`${check.code}:${check.path}:${i}`} severity={COLOUR[check.severity]} data-testid={`check-${check.code}`} data-severity={check.severity}>
              <AlertTitle sx={{ mb: 0 }}>{translate(`naccs.checks.severity.${check.severity}`)}</AlertTitle>
              {check.message}
              {check.linkApplicationId ? (
                <>
                  {' '}
                  <Link to={createPath({ resource: 'applications', id: check.linkApplicationId, type: 'show' })}>
                    {translate('naccs.checks.open_other', { receiptNo: check.linkReceiptNo ?? '' })}
                  </Link>
                </>
              ) : null}
            </Alert>
          ))}
        </Stack>
      )}
    </Box>
  );
};
