import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { useAccess } from '../access';
import { AssignToMeButton } from '../applications/AssignToMeButton';
import { CategoryText, companyNameOf } from '../applications/helpers';
import { DaysToStart, overdueRowSx } from '../applications/Urgency';
import { EmptyState } from '../components/EmptyState';
import { DateText, DateTimeText, Val } from '../components/display';
import { StatusChip } from '../components/StatusChip';
import type { Application } from '../types';
import { useDashboardText } from './messages';

/**
 * The oldest applications nobody has taken, the list's columns in brief, and 自分に割り当て (the list's own button:
 * it shows only where the status and the staff member's operations allow it; its success refreshes the dashboard).
 */
export const OldestUnassigned = ({ rows }: { rows: Application[] }) => {
  const t = useDashboardText();
  const createPath = useCreatePath();
  const { may } = useAccess();
  if (rows.length === 0) return <EmptyState message={t('no_unassigned')} />;
  const takes = may('assignApplication');
  return (
    <TableContainer>
      <Table size="small" data-testid="dashboard-oldest-unassigned" aria-label={t('oldest_unassigned')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('receipt_no')}</TableCell>
            <TableCell>{t('category')}</TableCell>
            <TableCell>{t('company')}</TableCell>
            <TableCell>{t('status')}</TableCell>
            <TableCell>{t('received_at')}</TableCell>
            <TableCell>{t('desired_start_date')}</TableCell>
            <TableCell>{t('to_start')}</TableCell>
            {takes ? <TableCell>{t('actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-receipt-no={r.receiptNo} sx={overdueRowSx(r)}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                <Link
                  to={createPath({ resource: 'applications', id: r.id, type: 'show' })}
                  sx={{ fontFamily: 'monospace', fontWeight: 700 }}
                >
                  {r.receiptNo}
                </Link>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <CategoryText record={r} />
              </TableCell>
              <TableCell>
                <Val>{companyNameOf(r)}</Val>
              </TableCell>
              <TableCell>
                <StatusChip status={r.status} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DateTimeText value={r.receivedAt} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DateText value={r.desiredStartDate} weekday={false} />
              </TableCell>
              <TableCell>
                <DaysToStart record={r} />
              </TableCell>
              {takes ? (
                <TableCell>
                  <AssignToMeButton record={r} compact />
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
