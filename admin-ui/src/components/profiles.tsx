import { Box, Chip } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { Billing, CompanyProfile, OfficeProfile } from '../types';
import { AddressText, BoolText, EnumText, Item, ItemGrid, PersonItems, Section, Val } from './display';
import { EMPTY } from './format';

/** 企業: name, kana, English name, head office. */
export const CompanyProfileSection = ({
  title = 'resources.applications.sections.company',
  profile,
  abbreviation,
}: {
  title?: string;
  profile?: CompanyProfile | null;
  abbreviation?: string | null;
}) => (
  <Section title={title}>
    <ItemGrid>
      <Item label="naccs.company.name">{profile?.name}</Item>
      <Item label="naccs.company.nameKana">{profile?.nameKana}</Item>
      <Item label="naccs.company.nameEn">{profile?.nameEn}</Item>
      {abbreviation !== undefined ? <Item label="naccs.company.abbreviation">{abbreviation}</Item> : null}
      <Item label="naccs.company.headOfficeAddress" wide>
        <AddressText address={profile?.headOfficeAddress} />
      </Item>
      <Item label="naccs.company.headOfficePhone">{profile?.headOfficePhone}</Item>
      <Item label="naccs.company.headOfficeFax">{profile?.headOfficeFax}</Item>
    </ItemGrid>
  </Section>
);

const FaxList = ({ faxes }: { faxes?: string[] | null }) => {
  if (!faxes || faxes.length === 0) return <>{EMPTY}</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
      {faxes.map((f, i) => (
        <Chip key={`${f}-${i}`} size="small" variant="outlined" label={`${i + 1}: ${f}`} />
      ))}
    </Box>
  );
};

/** 事業所 with its 契約者, 管理責任者 and 緊急連絡用FAX. */
export const OfficeProfileSections = ({
  title = 'resources.applications.sections.office',
  profile,
  extra,
}: {
  title?: string;
  profile?: OfficeProfile | null;
  extra?: ReactNode;
}) => (
  <>
    <Section title={title}>
      <ItemGrid>
        {extra}
        <Item label="naccs.office.name">{profile?.name}</Item>
        <Item label="naccs.office.nameKana">{profile?.nameKana}</Item>
        <Item label="naccs.office.address" wide>
          <AddressText address={profile?.address} />
        </Item>
        <Item label="naccs.office.phone">{profile?.phone}</Item>
        <Item label="naccs.office.fax">{profile?.fax}</Item>
        <Item label="naccs.office.customsOffice">
          <EnumText name="CustomsOffice" value={profile?.customsOffice} />
        </Item>
        <Item label="naccs.office.emergencyFaxes">
          <FaxList faxes={profile?.emergencyFaxes} />
        </Item>
      </ItemGrid>
    </Section>
    <Section title="naccs.office.contractor">
      <ItemGrid>
        <PersonItems person={profile?.contractor} />
      </ItemGrid>
    </Section>
    <Section title="naccs.office.manager">
      <ItemGrid>
        <PersonItems person={profile?.manager} />
      </ItemGrid>
    </Section>
  </>
);

/** 請求先: consolidated billing, invoice address, contact, e-mails, payment. */
export const BillingSections = ({ billing, billingCode }: { billing?: Billing | null; billingCode?: string | null }) => {
  const translate = useTranslate();
  if (!billing && billingCode === undefined) {
    return <Section title="naccs.billing.none">{null}</Section>;
  }
  return (
    <>
      <Section title="resources.applications.fields.billing">
        <ItemGrid>
          {billingCode !== undefined ? <Item label="resources.offices.fields.billingCode">{billingCode}</Item> : null}
          <Item label="naccs.billing.consolidated">
            <BoolText value={billing?.consolidated} />
          </Item>
          <Item label="naccs.billing.consolidatedBillingCode">{billing?.consolidatedBillingCode}</Item>
          <Item label="naccs.billing.consolidatedOfficeCode">{billing?.consolidatedOfficeCode}</Item>
          <Item label="naccs.billing.companyName">{billing?.companyName}</Item>
          <Item label="naccs.billing.officeName">{billing?.officeName}</Item>
          <Item label="naccs.billing.addressSameAsOffice">
            {billing?.addressSameAsOffice == null
              ? null
              : translate(billing.addressSameAsOffice ? 'naccs.billing.sameAsOffice' : 'naccs.billing.otherAddress')}
          </Item>
          <Item label="naccs.billing.address" wide>
            <AddressText address={billing?.address} />
          </Item>
          <Item label="naccs.billing.emails" wide>
            <Val>{billing?.emails?.length ? billing.emails.join('\n') : null}</Val>
          </Item>
          <Item label="naccs.billing.paymentMethod">
            <EnumText name="PaymentMethod" value={billing?.paymentMethod} />
          </Item>
          <Item label="naccs.billing.sameAccount">
            <BoolText value={billing?.sameAccount} />
          </Item>
          <Item label="naccs.billing.sameAccountCode">{billing?.sameAccountCode}</Item>
          <Item label="naccs.billing.bankName">{billing?.bankName}</Item>
        </ItemGrid>
      </Section>
      <Section title="naccs.billing.contact">
        <ItemGrid>
          <PersonItems person={billing?.contact} />
        </ItemGrid>
      </Section>
    </>
  );
};
