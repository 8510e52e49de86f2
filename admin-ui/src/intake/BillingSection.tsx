import { BooleanInput, RadioButtonGroupInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumChoices } from '../labels';
import { AddressFields } from './AddressFields';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { PathError } from './PathError';
import { PersonFields } from './PersonFields';
import { ScalarListInput } from './ScalarListInput';

const L = (key: string) => `resources.intake.fields.billing.${key}`;

/** 請求先: 一括請求 (請求先コード or 事業所コード), invoice address, contact, up to 5 e-mails, payment. */
export const BillingSection = () => {
  const consolidated = useWatch({ name: 'billing.consolidated' }) as boolean | undefined;
  const addressSameAsOffice = useWatch({ name: 'billing.addressSameAsOffice' }) as boolean | undefined;
  const paymentMethod = useWatch({ name: 'billing.paymentMethod' }) as string | undefined;
  const sameAccount = useWatch({ name: 'billing.sameAccount' }) as boolean | undefined;
  return (
    <FormSection id="intake-billing" title="resources.intake.sections.billing">
      <FieldGrid>
        <BooleanInput source="billing.consolidated" label={L('consolidated')} helperText={false} />
      </FieldGrid>
      {consolidated ? (
        <FieldGrid>
          <TextInput source="billing.consolidatedBillingCode" label={L('consolidatedBillingCode')} helperText={false} />
          <TextInput source="billing.consolidatedOfficeCode" label={L('consolidatedOfficeCode')} helperText={false} />
          <TextInput source="billing.companyName" label={L('companyName')} helperText={false} />
          <TextInput source="billing.officeName" label={L('officeName')} helperText={false} />
        </FieldGrid>
      ) : null}
      <FieldGrid>
        <BooleanInput source="billing.addressSameAsOffice" label={L('addressSameAsOffice')} helperText={false} />
      </FieldGrid>
      {addressSameAsOffice === false ? <AddressFields source="billing.address" title="resources.intake.fields.billing.address" /> : null}
      <PersonFields source="billing.contact" title="resources.intake.sections.billingContact" />
      <ScalarListInput
        source="billing.emails"
        label="resources.intake.sections.billingEmails"
        itemLabel={L('email')}
        type="email"
      />
      <RadioButtonGroupInput
        source="billing.paymentMethod"
        label={L('paymentMethod')}
        choices={enumChoices('PaymentMethod')}
        helperText={false}
      />
      {paymentMethod === 'DEBIT' ? (
        <FieldGrid>
          <BooleanInput source="billing.sameAccount" label={L('sameAccount')} helperText={false} />
          {sameAccount ? <TextInput source="billing.sameAccountCode" label={L('sameAccountCode')} helperText={false} /> : null}
          {/* 同一口座振替 names the account's company and office (seed 001), in the same fields as 一括請求. */}
          {sameAccount && !consolidated ? (
            <>
              <TextInput source="billing.companyName" label={L('companyName')} helperText={false} />
              <TextInput source="billing.officeName" label={L('officeName')} helperText={false} />
            </>
          ) : null}
        </FieldGrid>
      ) : null}
      {paymentMethod === 'TRANSFER' ? (
        <FieldGrid>
          <TextInput source="billing.bankName" label={L('bankName')} helperText={false} />
        </FieldGrid>
      ) : null}
      <PathError source="billing" />
    </FormSection>
  );
};
