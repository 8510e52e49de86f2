import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { NumberInput, SelectInput, useTranslate } from 'react-admin';
import { todayInJapan } from '../components/isoDates';
import { lastApplicant } from './changeDefaults';
import { ChangeApplicantSection, ChangeRemarksSection } from './ChangeSections';
import type { CustomsOfficerApplicationInput, OfficeForChange } from './changeTypes';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { IntakeForm } from './IntakeForm';
import { submitCustomsOfficerApplication } from './intakeApi';
import { IntakeSubmit } from './IntakeSubmit';
import { ServerErrorSummary } from './ServerErrorSummary';
import { dropEmpty } from './toInput';
import { useOpenSubmitted } from './useIntakeSubmit';

const FORM_ID = 'intake-customs-officer-form';
const C = (key: string) => `resources.intake.customs.${key}`;
const live = (today: string) => (row: { endDate?: string | null }) => !row.endDate || row.endDate > today;

/** The office's 利用者コード in force with a 通関業 利用者ID (自社通関 is its own 業種): where 通関士ID can be added. */
const customsBrokerCodes = (office: OfficeForChange, today: string): string[] =>
  (office.userCodes ?? [])
    .filter(live(today))
    .filter((uc) => uc.userIds.filter(live(today)).some((u) => u.industries?.includes('CUSTOMS_BROKER')))
    .map((uc) => uc.code ?? '');

const Submit = ({ officeCode, label }: { officeCode: string; label: string }) => {
  const onSuccess = useOpenSubmitted();
  return (
    <IntakeSubmit
      formId={FORM_ID}
      label={label}
      testId="customs-officer-submit"
      // The form's fields are the API input's (userCode, identCount …): error paths land on them as they are.
      prepare={(values: CustomsOfficerApplicationInput) => ({ input: dropEmpty(values), officeCode, remap: (path: string) => path })}
      send={submitCustomsOfficerApplication}
      onSuccess={onSuccess}
    />
  );
};

/**
 * 変更(通関士) by phone or paper (NSS 「通関士IDの追加」): the 通関業 利用者コード, one 識別番号 per 通関士 (seed 000:
 * "識別番号は通関士の人数分必要です") and how they work (the package software, or SMTP双方向 from Cyber Port).
 */
export const CustomsOfficerForm = ({ office, submitLabel }: { office: OfficeForChange; submitLabel: string }) => {
  const translate = useTranslate();
  const codes = useMemo(() => customsBrokerCodes(office, todayInJapan()), [office]);
  const defaults: CustomsOfficerApplicationInput = {
    applicant: lastApplicant(office),
    userCode: codes.length === 1 ? codes[0] : null,
    identCount: 1,
    processingMethod: 'INTERACTIVE',
  };
  return (
    <IntakeForm id={FORM_ID} defaultValues={defaults} warnWhenUnsavedChanges>
      <ServerErrorSummary />
      <FormSection id="intake-customs-officer" title={C('title')}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(codes.length ? C('hint') : C('no_codes'))}
        </Typography>
        <FieldGrid>
          <SelectInput source="userCode" label={C('userCode')} choices={codes.map((c) => ({ id: c, name: c }))} translateChoice={false} helperText={false} />
          <NumberInput source="identCount" label={C('identCount')} min={1} max={99} helperText={false} />
          <SelectInput
            source="processingMethod"
            label={C('processingMethod')}
            choices={(['INTERACTIVE', 'SMTP_BIDIRECTIONAL'] as const).map((m) => ({ id: m, name: `enums.ProcessingMethod.${m}` }))}
            helperText={false}
          />
        </FieldGrid>
      </FormSection>
      <ChangeApplicantSection />
      <ChangeRemarksSection />
      <Submit officeCode={office.code ?? ''} label={submitLabel} />
    </IntakeForm>
  );
};
