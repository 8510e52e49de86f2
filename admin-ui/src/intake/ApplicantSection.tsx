import { DateInput, TextInput } from 'react-admin';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { PersonFields } from './PersonFields';

const L = (key: string) => `resources.intake.fields.${key}`;

/** 申込担当者・申込理由・利用開始希望日, and the 仮ログインID the application is registered with. */
export const ApplicantSection = () => (
  <FormSection id="intake-applicant" title="resources.intake.sections.applicant">
    <FieldGrid>
      <TextInput
        source="provisionalLoginId"
        label={L('provisionalLoginId')}
        helperText={false}
        inputProps={{ inputMode: 'numeric', autoComplete: 'off', style: { fontFamily: 'monospace' } }}
      />
    </FieldGrid>
    <PersonFields source="applicant" title="resources.intake.sections.applicantPerson" emailConfirmation />
    <FieldGrid title="resources.intake.sections.reason">
      <TextInput source="reason" label={L('reason')} helperText={false} multiline minRows={3} sx={{ gridColumn: '1 / -1' }} />
      <DateInput source="desiredStartDate" label={L('desiredStartDate')} helperText={false} />
    </FieldGrid>
  </FormSection>
);
