import CancelIcon from '@mui/icons-material/Cancel';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { TextPromptDialog } from '../components/TextPromptDialog';
import { useServerAction } from '../components/useServerAction';
import { CANCEL_APPLICATION } from '../queries';
import type { Application } from '../types';
import { reviewActionsFor } from './reviewRules';

/** キャンセル (supervisors): with a required reason, which the customer is told. */
export const CancelButton = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  if (!reviewActionsFor(record).cancel) return null;
  return (
    <>
      <Button size="small" color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)} data-testid="cancel-application">
        {translate('naccs.review.cancel')}
      </Button>
      <TextPromptDialog
        open={open}
        onClose={() => setOpen(false)}
        title="naccs.cancel.title"
        titleArgs={{ receiptNo: record.receiptNo }}
        description={record.status === 'APPROVED' ? 'naccs.cancel.description_approved' : 'naccs.cancel.description'}
        label="naccs.cancel.reason"
        confirmLabel="naccs.cancel.confirm"
        confirmColor="error"
        path="reason"
        rows={3}
        busy={busy}
        testId="cancel-dialog"
        onSubmit={(reason) =>
          run(CANCEL_APPLICATION, { id: record.id, reason, expectedVersion: record.version }, {
            success: 'naccs.cancel.done',
            successArgs: { receiptNo: record.receiptNo },
          })
        }
      />
    </>
  );
};
