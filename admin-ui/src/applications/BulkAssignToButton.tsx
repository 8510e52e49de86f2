import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ReviewerPickerDialog } from './ReviewerPickerDialog';
import { useBulkAssign } from './useBulkAssign';

/** Bulk action (supervisors): assign every selected application to a chosen reviewer. */
export const BulkAssignToButton = () => {
  const translate = useTranslate();
  const { assign, busy, count } = useBulkAssign();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<SupervisorAccountIcon />} onClick={() => setOpen(true)} disabled={busy}>
        {translate('naccs.review.assign_to')}
      </Button>
      <ReviewerPickerDialog
        open={open}
        busy={busy}
        onClose={() => setOpen(false)}
        description="naccs.review.assign_to_many"
        descriptionArgs={{ smart_count: count }}
        onPick={async (staffId) => {
          await assign(staffId);
          setOpen(false);
        }}
      />
    </>
  );
};
