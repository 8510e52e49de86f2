import { ApplicantSection } from './ApplicantSection';
import { BillingSection } from './BillingSection';
import { ConnectionSection } from './ConnectionSection';
import { GeneralNaccsSections } from './GeneralNaccsSections';
import { IntakeForm } from './IntakeForm';
import type { NewApplicationFormValues } from './inputTypes';
import { NEW_APPLICATION_FORM_ID, NewApplicationSubmit } from './NewApplicationSubmit';
import { OfficeCompanySection } from './OfficeCompanySection';
import { PlanSection } from './PlanSection';
import { RemarksAttachmentsSection } from './RemarksAttachmentsSection';
import { SectionIndex } from './SectionIndex';
import { ServerErrorSummary } from './ServerErrorSummary';
import { TerminalsSection } from './TerminalsSection';
import { UserCodesSection } from './UserCodesSection';

/** Step b: 新規利用申込, section by section as the NSS tabs; asks before leaving with unsaved input. */
export const NewApplicationForm = ({ defaultValues }: { defaultValues: NewApplicationFormValues }) => (
  <IntakeForm id={NEW_APPLICATION_FORM_ID} defaultValues={defaultValues} warnWhenUnsavedChanges>
    <SectionIndex />
    <ServerErrorSummary />
    <ApplicantSection />
    <OfficeCompanySection />
    <ConnectionSection />
    <UserCodesSection />
    <TerminalsSection />
    <GeneralNaccsSections />
    <PlanSection />
    <BillingSection />
    <RemarksAttachmentsSection />
    <NewApplicationSubmit />
  </IntakeForm>
);
