import { Box, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Application } from '../types';

/** Still with the center: the queue's urgency concerns only these. */
const OPEN = new Set(['RECEIVED', 'IN_REVIEW', 'RETURNED']);

/** Open and its desired start date passed (the server's 営業日 count is negative). */
export const isOverdue = (r: Pick<Application, 'status' | 'businessDaysToStart'>): boolean =>
  OPEN.has(r.status) && r.businessDaysToStart != null && r.businessDaysToStart < 0;

/** The list row of an overdue application: tinted, and its 営業日 cell says 期限超過 in words (not colour only). */
export const overdueRowSx = (r: Application) => (isOverdue(r) ? { bgcolor: 'rgba(211, 47, 47, 0.08)' } : {});

/** 営業日 to the desired start date, as the server counts them: "あと 3営業日", "当日", "5営業日超過". */
export const DaysToStart = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const n = record.businessDaysToStart;
  if (n == null || !OPEN.has(record.status)) return <Box component="span" sx={{ color: 'text.disabled' }}>—</Box>;
  const overdue = n < 0;
  const text = overdue
    ? translate('naccs.urgency.overdue', { n: -n })
    : n === 0 ? translate('naccs.urgency.today') : translate('naccs.urgency.left', { n });
  return (
    <Box
      component="span"
      data-testid="days-to-start"
      data-days={n}
      aria-label={`${translate('naccs.urgency.businessDays')}: ${text}`}
      sx={{ whiteSpace: 'nowrap', fontWeight: overdue || n <= 5 ? 700 : undefined, color: overdue ? 'error.main' : n <= 5 ? 'warning.dark' : undefined }}
    >
      {overdue ? `⚠ ${text}` : text}
    </Box>
  );
};

/** Days since 受付, or since the customer's 再申込 (said so, with the instant in the tooltip). */
export const DaysWaiting = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  if (record.daysWaiting == null) return null;
  const resubmitted = !!record.waitingSince && record.waitingSince !== record.receivedAt;
  const text = translate('naccs.urgency.days', { n: record.daysWaiting });
  return (
    <Tooltip title={translate(resubmitted ? 'naccs.urgency.since_resubmission' : 'naccs.urgency.since_receipt')}>
      <Box component="span" data-testid="days-waiting" sx={{ whiteSpace: 'nowrap' }}>
        {text}
        {resubmitted ? <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.8em', ml: 0.5 }}>({translate('naccs.urgency.resubmitted')})</Box> : null}
      </Box>
    </Tooltip>
  );
};
