import { submitNewApplication } from './intakeApi';
import { IntakeSubmit } from './IntakeSubmit';
import { toNewApplicationInput } from './toInput';
import { useOpenSubmitted } from './useIntakeSubmit';

export const NEW_APPLICATION_FORM_ID = 'intake-application-form';

/** Sends the 新規利用申込; on success opens the new application and says its 申込受付番号. */
export const NewApplicationSubmit = () => {
  const onSuccess = useOpenSubmitted();
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
