import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { ASSIGN_APPLICATION } from '../queries';
import type { Application } from '../types';
import { ReviewerPickerDialog } from './ReviewerPickerDialog';
import { reviewActionsFor } from './reviewRules';

/** Supervisors: assign (or reassign) the application to another reviewer. */
export const AssignToButton = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  if (!reviewActionsFor(record).assignOther) return null;
  return (
    <>
      <Button size="small" startIcon={<SupervisorAccountIcon />} onClick={() => setOpen(true)}>
        {translate(record.assignee ? 'naccs.review.reassign' : 'naccs.review.assign_to')}
      </Button>
      <ReviewerPickerDialog
        open={open}
        busy={busy}
        onClose={() => setOpen(false)}
        description="naccs.review.assign_to_one"
        descriptionArgs={{ receiptNo: record.receiptNo }}
        onPick={async (assigneeId) => {
          const outcome = await run(ASSIGN_APPLICATION, { id: record.id, expectedVersion: record.version, assigneeId }, {
            success: 'naccs.review.assigned',
            successArgs: { receiptNo: record.receiptNo },
            notifyFieldErrors: true,
          });
          if (outcome.ok || outcome.code !== 'BAD_USER_INPUT') setOpen(false);
        }}
      />
    </>
  );
};
