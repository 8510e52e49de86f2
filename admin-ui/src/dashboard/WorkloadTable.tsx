import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { applicationsListPath } from './listLink';
import { useDashboardText } from './messages';
import type { ReviewerLoad } from './types';

const OPEN_STATUSES = ['RECEIVED', 'IN_REVIEW', 'RETURNED'];

/** Per reviewer: open applications (a link to them in the list), assigned today, approved this week. */
export const WorkloadTable = ({ rows }: { rows: ReviewerLoad[] }) => {
  const t = useDashboardText();
  if (rows.length === 0) {
    return (
      <Typography color="text.secondary" role="status" sx={{ py: 2 }}>
        {t('no_reviewers')}
      </Typography>
    );
  }
  const number = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <TableContainer>
      <Table size="small" data-testid="dashboard-workload" aria-label={t('workload')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('reviewer')}</TableCell>
            <TableCell sx={number}>{t('open')}</TableCell>
            <TableCell sx={number}>{t('assigned_today')}</TableCell>
            <TableCell sx={number}>{t('approved_this_week')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.staffId} data-staff-id={r.staffId} hover>
              <TableCell component="th" scope="row">
                {r.name}
              </TableCell>
              <TableCell sx={number}>
                {r.open > 0 ? (
                  <Link
                    to={applicationsListPath({ assigneeId: r.staffId, status: OPEN_STATUSES })}
                    title={t('open_list', { name: r.name })}
                  >
                    {r.open}
                  </Link>
                ) : (
                  0
                )}
              </TableCell>
              <TableCell sx={number}>{r.assignedToday}</TableCell>
              <TableCell sx={number}>{r.approvedThisWeek}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
