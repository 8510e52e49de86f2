import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Button, CircularProgress, IconButton, Tooltip } from '@mui/material';
import type { MouseEvent } from 'react';
import { useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { ASSIGN_APPLICATION } from '../queries';
import type { Application } from '../types';
import { reviewActionsFor } from './reviewRules';

/**
 * 「自分に割り当て」: takes the application (a 受付 one enters 審査中). Shown on list rows (compact) and on the show
 * page, only when the server offers it (availableActions ASSIGN_TO_ME: open, and nobody else has it unless a supervisor).
 */
export const AssignToMeButton = ({ record, compact }: { record: Application; compact?: boolean }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  if (!reviewActionsFor(record).assignToMe) return null;
  const assign = (e: MouseEvent) => {
    // On a list row: do not open the record.
    e.stopPropagation();
    void run(ASSIGN_APPLICATION, { id: record.id, expectedVersion: record.version }, {
      success: 'naccs.review.assigned',
      successArgs: { receiptNo: record.receiptNo },
    });
  };
  const label = translate('naccs.review.assign_to_me');
  if (compact) {
    // A list row: an icon (the column stays narrow on a wide table), named for screen readers and tests.
    return (
      <Tooltip title={label}>
        <span>
          <IconButton size="small" color="primary" onClick={assign} disabled={busy} aria-label={label} data-testid="assign-to-me">
            {busy ? <CircularProgress size={18} color="inherit" /> : <AssignmentIndIcon fontSize="small" />}
          </IconButton>
        </span>
      </Tooltip>
    );
  }
  return (
    <Button
      size="small"
      variant="contained"
      startIcon={busy ? <CircularProgress size={14} color="inherit" /> : <AssignmentIndIcon />}
      onClick={assign}
      disabled={busy}
      data-testid="assign-to-me"
    >
      {label}
    </Button>
  );
};
