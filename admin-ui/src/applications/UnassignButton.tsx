import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { UNASSIGN_APPLICATION } from '../queries';
import type { Application } from '../types';
import { reviewActionsFor } from './reviewRules';

/** 担当解除: back to the unassigned queue (one's own, or any for a supervisor), after a confirmation. */
export const UnassignButton = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  if (!reviewActionsFor(record).unassign) return null;
  return (
    <>
      <Button size="small" startIcon={<PersonRemoveIcon />} onClick={() => setOpen(true)} disabled={busy}>
        {translate('naccs.review.unassign')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="naccs.review.unassign_title"
        content="naccs.review.unassign_content"
        translateOptions={{ receiptNo: record.receiptNo, name: record.assignee?.name ?? '' }}
        onConfirm={async () => {
          await run(UNASSIGN_APPLICATION, { id: record.id, expectedVersion: record.version }, { success: 'naccs.review.unassigned' });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
