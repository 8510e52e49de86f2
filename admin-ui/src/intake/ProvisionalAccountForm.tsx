import { TextInput } from 'react-admin';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { IntakeForm } from './IntakeForm';
import { IntakeSubmit } from './IntakeSubmit';
import type { ProvisionalAccountInput, ProvisionalAccountResult } from './inputTypes';
import { registerProvisionalAccount } from './intakeApi';
import { PersonFields } from './PersonFields';
import { ServerErrorSummary } from './ServerErrorSummary';
import { toProvisionalAccountInput, type PreparedInput } from './toInput';

const FORM_ID = 'intake-provisional-form';
const EMPTY: ProvisionalAccountInput = { companyName: '', companyNameKana: '', applicant: {} };

const send = ({ input }: PreparedInput<ProvisionalAccountInput>) => registerProvisionalAccount(input);

/** Step a: 仮アカウント申込 — the company and the 申込担当者 (e-mail twice). */
export const ProvisionalAccountForm = ({
  onRegistered,
}: {
  onRegistered: (result: ProvisionalAccountResult, values: ProvisionalAccountInput) => void;
}) => (
  <IntakeForm id={FORM_ID} defaultValues={EMPTY}>
    <ServerErrorSummary />
    <FormSection id="intake-provisional" title="resources.intake.sections.provisional">
      <FieldGrid>
        <TextInput source="companyName" label="resources.intake.fields.companyName" helperText={false} autoFocus />
        <TextInput source="companyNameKana" label="resources.intake.fields.companyNameKana" helperText={false} />
      </FieldGrid>
      <PersonFields source="applicant" title="resources.intake.sections.applicantPerson" emailConfirmation />
    </FormSection>
    <IntakeSubmit
      formId={FORM_ID}
      label="resources.intake.actions.register"
      testId="intake-register"
      prepare={toProvisionalAccountInput}
      send={send}
      onSuccess={onRegistered}
    />
  </IntakeForm>
);
