import { BooleanInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumChoices } from '../labels';
import { AddressFields } from './AddressFields';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { PersonFields } from './PersonFields';
import { ScalarListInput } from './ScalarListInput';

const L = (key: string) => `resources.intake.fields.${key}`;

/** 事業所・企業: company, office and its address, 本社, 契約者, 管理責任者 and 緊急連絡用FAX 1–3. */
export const OfficeCompanySection = () => {
  const headOfficeSameAsOffice = useWatch({ name: 'company.headOfficeSameAsOffice' }) as boolean | undefined;
  const managerSameAsApplicant = useWatch({ name: 'office.managerSameAsApplicant' }) as boolean | undefined;
  const translate = useTranslate();
  return (
    <FormSection id="intake-office" title="resources.intake.sections.officeCompany">
      <FieldGrid title="resources.intake.sections.company">
        <TextInput source="company.name" label={L('company.name')} helperText={false} />
        <TextInput source="company.nameKana" label={L('company.nameKana')} helperText={false} />
        <TextInput source="company.nameEn" label={L('company.nameEn')} helperText={false} />
        <BooleanInput source="company.soleProprietor" label={L('company.soleProprietor')} helperText={false} />
        {/* 事業所追加申込 (seed 001): the office joins the company of this 企業略称 and gets its next 事業所コード. */}
        <TextInput
          source="company.abbreviation"
          label={L('company.abbreviation')}
          helperText={translate(L('company.abbreviation_hint'))}
          inputProps={{ maxLength: 3, autoCapitalize: 'characters' }}
        />
      </FieldGrid>
      <FieldGrid title="resources.intake.sections.office">
        <TextInput source="office.name" label={L('office.name')} helperText={false} />
        <TextInput source="office.nameKana" label={L('office.nameKana')} helperText={false} />
        <TextInput source="office.phone" label={L('office.phone')} helperText={false} inputProps={{ inputMode: 'tel' }} />
        <TextInput source="office.fax" label={L('office.fax')} helperText={false} inputProps={{ inputMode: 'tel' }} />
        <SelectInput
          source="office.customsOffice"
          label={L('office.customsOffice')}
          choices={enumChoices('CustomsOffice')}
          helperText={false}
        />
      </FieldGrid>
      <AddressFields source="office.address" title="resources.intake.sections.officeAddress" />
      <FieldGrid title="resources.intake.sections.headOffice">
        <BooleanInput source="company.headOfficeSameAsOffice" label={L('company.headOfficeSameAsOffice')} helperText={false} />
      </FieldGrid>
      {headOfficeSameAsOffice ? null : (
        <>
          <AddressFields source="company.headOfficeAddress" />
          <FieldGrid>
            <TextInput source="company.headOfficePhone" label={L('company.headOfficePhone')} helperText={false} />
            <TextInput source="company.headOfficeFax" label={L('company.headOfficeFax')} helperText={false} />
          </FieldGrid>
        </>
      )}
      <PersonFields
        source="office.contractor"
        title="resources.intake.sections.contractor"
        department={false}
        phone={false}
        fax={false}
        email={false}
      />
      <FieldGrid title="resources.intake.sections.manager">
        <BooleanInput source="office.managerSameAsApplicant" label={L('office.managerSameAsApplicant')} helperText={false} />
      </FieldGrid>
      {managerSameAsApplicant ? null : <PersonFields source="office.manager" />}
      <FieldGrid>
        <BooleanInput source="office.managerConfirmed" label={L('office.managerConfirmed')} helperText={false} />
      </FieldGrid>
      <ScalarListInput
        source="office.emergencyFaxes"
        label="resources.intake.sections.emergencyFaxes"
        itemLabel={L('office.emergencyFax')}
        inputProps={{ inputMode: 'tel' }}
      />
    </FormSection>
  );
};
