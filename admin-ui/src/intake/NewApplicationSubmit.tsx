import { useCallback } from 'react';
import { useCreatePath, useNavigate, useNotify } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import type { NewApplicationFormValues } from './inputTypes';
import { submitNewApplication, type SubmittedApplication } from './intakeApi';
import { IntakeSubmit } from './IntakeSubmit';
import { toNewApplicationInput } from './toInput';

export const NEW_APPLICATION_FORM_ID = 'intake-application-form';

/** Sends the 新規利用申込; on success opens the new application and says its 申込受付番号. */
export const NewApplicationSubmit = () => {
  const { reset, getValues } = useFormContext<NewApplicationFormValues>();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const notify = useNotify();
  const onSuccess = useCallback(
    (result: SubmittedApplication) => {
      // Saved: nothing is left unsaved, so leaving the page must not ask.
      reset(getValues());
      notify('resources.intake.messages.submitted', { type: 'success', messageArgs: { receiptNo: result.receiptNo } });
      navigate(createPath({ resource: 'applications', id: result.id, type: 'show' }));
    },
    [reset, getValues, notify, navigate, createPath],
  );
  return (
    <IntakeSubmit
      formId={NEW_APPLICATION_FORM_ID}
      label="resources.intake.actions.submit"
      testId="intake-submit"
      prepare={toNewApplicationInput}
      send={submitNewApplication}
      onSuccess={onSuccess}
    />
  );
};
