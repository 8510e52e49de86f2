import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Button, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useBulkAssign } from './useBulkAssign';

/** Bulk action: take every selected application. */
export const BulkAssignToMeButton = () => {
  const translate = useTranslate();
  const { assign, busy } = useBulkAssign();
  return (
    <Button
      size="small"
      startIcon={busy ? <CircularProgress size={14} color="inherit" /> : <AssignmentIndIcon />}
      onClick={() => void assign()}
      disabled={busy}
      data-testid="bulk-assign-to-me"
    >
      {translate('naccs.review.assign_to_me')}
    </Button>
  );
};
