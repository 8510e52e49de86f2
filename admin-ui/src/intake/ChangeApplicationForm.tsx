import { useState } from 'react';
import { ChangeConfirmDialog } from './ChangeConfirmDialog';
import {
  BillingChangeSection,
  ChangeApplicantSection,
  ChangeRemarksSection,
  CompanyOfficeChangeSection,
  ContractorChangeSection,
  HeadOfficeChangeSection,
  LinesChangeSection,
  MailboxesChangeSection,
  ManagerChangeSection,
  OtherChangeSection,
  PlanChangeSection,
  TerminalsChangeSection,
  useChangeItems,
  UserCodesChangeSection,
} from './ChangeSections';
import { ChangeItemsSection } from './ChangeItemsSection';
import type { ChangeItem } from '../labels';
import type { ChangeFormValues } from './changeTypes';
import { IntakeForm } from './IntakeForm';
import { submitChangeApplication } from './intakeApi';
import { PathError } from './PathError';
import { ServerErrorSummary } from './ServerErrorSummary';
import { SubmitBar } from './SubmitBar';
import { TERMINAL_ITEMS, USER_CODE_ITEMS, toChangeInput } from './toChangeInput';
import { useIntakeSubmit, useOpenSubmitted } from './useIntakeSubmit';

export const CHANGE_FORM_ID = 'intake-change-form';

/** The sections of the ticked items, in the order of the NSS screens. */
const ItemSections = () => {
  const items = useChangeItems();
  const has = (...xs: ChangeItem[]) => xs.some((x) => items.includes(x));
  return (
    <>
      {has('COMPANY_OFFICE') ? <CompanyOfficeChangeSection /> : null}
      {has('CONTRACTOR') ? <ContractorChangeSection /> : null}
      {has('HEAD_OFFICE') ? <HeadOfficeChangeSection /> : null}
      {has('MANAGER') ? <ManagerChangeSection /> : null}
      {has(...USER_CODE_ITEMS) ? <UserCodesChangeSection /> : null}
      {has('GENERAL_LINE') ? <LinesChangeSection /> : null}
      {has(...TERMINAL_ITEMS) ? <TerminalsChangeSection /> : null}
      {has('MAILBOX') ? <MailboxesChangeSection /> : null}
      {has('PLAN') ? <PlanChangeSection /> : null}
      {has('BILLING_ADDRESS', 'BILLING_CONTACT', 'PAYMENT_METHOD') ? <BillingChangeSection /> : null}
      <OtherChangeSection />
    </>
  );
};

/** 申込内容を登録する: the confirmation first, then the server; refused fields are shown where they were typed. */
const ChangeSubmit = ({ officeLabel, label }: { officeLabel: string; label: string }) => {
  const [confirming, setConfirming] = useState(false);
  const onSuccess = useOpenSubmitted();
  const { submit, submitting } = useIntakeSubmit({
    formId: CHANGE_FORM_ID,
    prepare: toChangeInput,
    send: submitChangeApplication,
    onSuccess,
  });
  const confirm = () => {
    void submit().finally(() => setConfirming(false));
  };
  return (
    <>
      <SubmitBar label={label} submitting={submitting} onSubmit={() => setConfirming(true)} testId="change-submit" />
      <ChangeConfirmDialog
        open={confirming}
        officeLabel={officeLabel}
        submitting={submitting}
        onCancel={() => setConfirming(false)}
        onConfirm={confirm}
      />
    </>
  );
};

/** The 変更申込 form of one office, starting from its current contract; asks before leaving with unsaved input. */
export const ChangeApplicationForm = ({
  defaultValues,
  officeLabel,
  submitLabel,
}: {
  defaultValues: ChangeFormValues;
  officeLabel: string;
  submitLabel: string;
}) => (
  <IntakeForm id={CHANGE_FORM_ID} defaultValues={defaultValues} warnWhenUnsavedChanges>
    <PathError source="officeCode" />
    <ServerErrorSummary />
    <ChangeItemsSection />
    <ChangeApplicantSection />
    <ItemSections />
    <ChangeRemarksSection />
    <ChangeSubmit officeLabel={officeLabel} label={submitLabel} />
  </IntakeForm>
);
