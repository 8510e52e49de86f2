import ReplyIcon from '@mui/icons-material/Reply';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { TextPromptDialog } from '../components/TextPromptDialog';
import { useServerAction } from '../components/useServerAction';
import { RETURN_APPLICATION } from '../queries';
import type { Application } from '../types';
import { CannedQuestions } from './CannedQuestions';
import { useMarkReviewDone } from './nextApplication';
import { reviewActionsFor } from './reviewRules';

/** 確認事項あり: returns the application to the customer with a question (required), canned questions to insert. */
export const ReturnButton = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  const markDone = useMarkReviewDone();
  if (!reviewActionsFor(record).return) return null;
  return (
    <>
      <Button size="small" variant="outlined" color="warning" startIcon={<ReplyIcon />} onClick={() => setOpen(true)} data-testid="return">
        {translate('naccs.review.return')}
      </Button>
      <TextPromptDialog
        open={open}
        onClose={() => setOpen(false)}
        title="naccs.return.title"
        titleArgs={{ receiptNo: record.receiptNo }}
        description="naccs.return.description"
        label="resources.applications.fields.returnMessage"
        confirmLabel="naccs.return.confirm"
        confirmColor="warning"
        path="message"
        rows={5}
        busy={busy}
        testId="return-dialog"
        helpers={(insert) => <CannedQuestions onInsert={insert} />}
        onSubmit={async (message) => {
          const outcome = await run(RETURN_APPLICATION, { id: record.id, message, expectedVersion: record.version }, {
            success: 'naccs.return.done',
            successArgs: { receiptNo: record.receiptNo },
          });
          // 次の申込へ is offered.
          if (outcome.ok) markDone(record.id);
          return outcome;
        }}
      />
    </>
  );
};
