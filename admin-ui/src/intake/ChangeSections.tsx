import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  DateInput,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
  useWrappedSource,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useEnumLabel } from '../components/display';
import { enumChoices, type ChangeItem } from '../labels';
import { AddressFields } from './AddressFields';
import { BillingSection } from './BillingSection';
import type { ChangeFormValues, CurrentLineRow, CurrentMailboxRow } from './changeTypes';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { LineFields } from './LineFields';
import { ConstructionFields, LineRowsInput } from './LinesSection';
import { newMailboxRow, newTerminalRow, newUserIdRow, rowDefaults } from './newRows';
import { AttachmentsInput } from './RemarksAttachmentsSection';
import { PathError } from './PathError';
import { PersonFields } from './PersonFields';
import { ScalarListInput } from './ScalarListInput';
import { SectionChanges } from './SectionChanges';
import { TerminalFields } from './TerminalFields';
import { UserIdFields } from './UserIdFields';

const F = (key: string) => `resources.intake.fields.${key}`;
const C = (key: string) => `resources.intake.change.${key}`;

/** The ticked items (the sections below open and close with them). */
export const useChangeItems = (): ChangeItem[] => (useWatch({ name: 'changeItems' }) as ChangeItem[] | undefined) ?? [];

/** A value of the current row shown as text (a code, a type) next to its 廃止 box. */
const RowText = ({ source, enumName, mono }: { source: string; enumName?: 'MailboxType' | 'TerminalType' | 'SystemCategory' | 'LineType'; mono?: boolean }) => {
  const value = useWatch({ name: useWrappedSource(source) }) as string | undefined;
  const enumLabel = useEnumLabel();
  return (
    <Typography variant="body2" sx={{ fontFamily: mono ? 'monospace' : undefined, fontWeight: mono ? 700 : undefined, minWidth: 100, alignSelf: 'center' }}>
      {enumName ? enumLabel(enumName, value) : value}
    </Typography>
  );
};

/** A row's 廃止 box, labelled with what it abolishes (…の廃止). */
const AbolishBox = ({ label, source = 'abolish' }: { label: string; source?: string }) => (
  <BooleanInput source={source} label={label} helperText={false} />
);

/** 企業名、事業所名、所在地等. */
export const CompanyOfficeChangeSection = () => (
  <FormSection id="intake-change-company-office" title={`enums.ChangeItem.COMPANY_OFFICE`}>
    <FieldGrid title="resources.intake.sections.company">
      <TextInput source="company.name" label={F('company.name')} helperText={false} />
      <TextInput source="company.nameKana" label={F('company.nameKana')} helperText={false} />
      <TextInput source="company.nameEn" label={F('company.nameEn')} helperText={false} />
      <BooleanInput source="company.soleProprietor" label={F('company.soleProprietor')} helperText={false} />
    </FieldGrid>
    <FieldGrid title="resources.intake.sections.office">
      <TextInput source="office.name" label={F('office.name')} helperText={false} />
      <TextInput source="office.nameKana" label={F('office.nameKana')} helperText={false} />
      <TextInput source="office.phone" label={F('office.phone')} helperText={false} inputProps={{ inputMode: 'tel' }} />
      <TextInput source="office.fax" label={F('office.fax')} helperText={false} inputProps={{ inputMode: 'tel' }} />
      <SelectInput source="office.customsOffice" label={F('office.customsOffice')} choices={enumChoices('CustomsOffice')} helperText={false} />
    </FieldGrid>
    <AddressFields source="office.address" title="resources.intake.sections.officeAddress" />
    <SectionChanges items={['COMPANY_OFFICE']} />
  </FormSection>
);

/** 本社情報; the company name goes along (the server checks it whenever the company is sent). */
export const HeadOfficeChangeSection = () => {
  const items = useChangeItems();
  const sameAsOffice = useWatch({ name: 'company.headOfficeSameAsOffice' }) as boolean | undefined;
  return (
    <FormSection id="intake-change-head-office" title="enums.ChangeItem.HEAD_OFFICE">
      {items.includes('COMPANY_OFFICE') ? null : (
        <FieldGrid title="resources.intake.sections.company">
          <TextInput source="company.name" label={F('company.name')} helperText={false} />
          <TextInput source="company.nameKana" label={F('company.nameKana')} helperText={false} />
          <BooleanInput source="company.soleProprietor" label={F('company.soleProprietor')} helperText={false} />
        </FieldGrid>
      )}
      <FieldGrid>
        <BooleanInput source="company.headOfficeSameAsOffice" label={F('company.headOfficeSameAsOffice')} helperText={false} />
      </FieldGrid>
      {sameAsOffice ? null : (
        <>
          <AddressFields source="company.headOfficeAddress" title={F('company.headOfficeAddress')} />
          <FieldGrid>
            <TextInput source="company.headOfficePhone" label={F('company.headOfficePhone')} helperText={false} />
            <TextInput source="company.headOfficeFax" label={F('company.headOfficeFax')} helperText={false} />
          </FieldGrid>
        </>
      )}
      <SectionChanges items={['HEAD_OFFICE']} />
    </FormSection>
  );
};

/** 契約者名、契約者の役職. */
export const ContractorChangeSection = () => (
  <FormSection id="intake-change-contractor" title="enums.ChangeItem.CONTRACTOR">
    <PersonFields source="office.contractor" department={false} phone={false} fax={false} email={false} />
    <SectionChanges items={['CONTRACTOR']} />
  </FormSection>
);

/** システム管理責任者の情報 (電話番号、緊急連絡用FAX番号). */
export const ManagerChangeSection = () => {
  const sameAsApplicant = useWatch({ name: 'office.managerSameAsApplicant' }) as boolean | undefined;
  return (
    <FormSection id="intake-change-manager" title="enums.ChangeItem.MANAGER">
      <FieldGrid>
        <BooleanInput source="office.managerSameAsApplicant" label={F('office.managerSameAsApplicant')} helperText={false} />
      </FieldGrid>
      {sameAsApplicant ? null : <PersonFields source="office.manager" />}
      <ScalarListInput
        source="office.emergencyFaxes"
        label="resources.intake.sections.emergencyFaxes"
        itemLabel={F('office.emergencyFax')}
        inputProps={{ inputMode: 'tel' }}
      />
      <SectionChanges items={['MANAGER']} />
    </FormSection>
  );
};

/** One current 利用者コード: abolish it (利用者コード), abolish 識別番号 / add 識別番号 (識別番号). */
const CurrentUserCodeFields = () => {
  const translate = useTranslate();
  const items = useChangeItems();
  const shared = useWatch({ name: useWrappedSource('shared') }) as boolean | undefined;
  return (
    <Box sx={{ width: '100%' }}>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <RowText source="userCode" mono />
        <RowText source="systemCategory" enumName="SystemCategory" />
        {shared ? <Chip size="small" label={translate(C('shared'))} /> : null}
        {items.includes('USER_CODE') ? <AbolishBox label={translate(C('abolishUserCode'))} /> : null}
      </Stack>
      <PathError source="userCode" />
      {items.includes('STATISTICS') || items.includes('BONDED_RECORD_SERVICE') ? (
        <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
          {items.includes('STATISTICS') ? (
            <>
              <BooleanInput source="statisticsPaid" label={F('userCode.statisticsPaid')} helperText={false} />
              <BooleanInput source="statisticsFree" label={F('userCode.statisticsFree')} helperText={false} />
            </>
          ) : null}
          {items.includes('BONDED_RECORD_SERVICE') ? (
            <BooleanInput source="bondedRecordService" label={F('userCode.bondedRecordService')} helperText={false} />
          ) : null}
        </Stack>
      ) : null}
      <ArrayInput source="userIds" label={C('currentUserIds')} helperText={false}>
        <SimpleFormIterator inline disableAdd disableRemove disableReordering disableClear>
          <RowText source="userId" mono />
          <AbolishBox label={translate(C('abolishUserId'))} />
        </SimpleFormIterator>
      </ArrayInput>
      <PathError source="userIds" />
      {items.includes('IDENT_NO') || items.includes('INDUSTRY') ? (
        <ArrayInput source="additions" label={C('addUserIds')} helperText={false}>
          <SimpleFormIterator inline disableReordering disableClear getItemDefaults={rowDefaults(newUserIdRow)}>
            <UserIdFields />
          </SimpleFormIterator>
        </ArrayInput>
      ) : null}
    </Box>
  );
};

/** 利用者コード / 識別番号 (追加・削除): the office's current codes, each with its 利用者ID (seed 004 ⑥⑦). */
export const UserCodesChangeSection = () => {
  const translate = useTranslate();
  const rows = (useWatch({ name: 'currentUserCodes' }) as ChangeFormValues['currentUserCodes'] | undefined) ?? [];
  return (
    <FormSection id="intake-change-user-codes" title={C('sections.userCodes')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(C('userCodes_hint'))}
      </Typography>
      <PathError source="userCodes" />
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{translate(C('no_user_codes'))}</Typography>
      ) : (
        <ArrayInput source="currentUserCodes" label={false} helperText={false}>
          <SimpleFormIterator disableAdd disableRemove disableReordering disableClear>
            <CurrentUserCodeFields />
          </SimpleFormIterator>
        </ArrayInput>
      )}
    </FormSection>
  );
};

/** 論理端末 (netNACCS端末・webNACCS証明書・一般NACCS端末): the current ones to abolish, and terminals to add. */
export const TerminalsChangeSection = () => {
  const translate = useTranslate();
  const rows = (useWatch({ name: 'currentTerminals' }) as ChangeFormValues['currentTerminals'] | undefined) ?? [];
  return (
    <FormSection id="intake-change-terminals" title={C('sections.terminals')}>
      <PathError source="terminals" />
      <Typography variant="subtitle2" sx={{ fontWeight: 700, color: 'text.secondary' }}>{translate(C('current'))}</Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{translate(C('no_terminals'))}</Typography>
      ) : (
        <ArrayInput source="currentTerminals" label={false} helperText={false}>
          <SimpleFormIterator inline disableAdd disableRemove disableReordering disableClear>
            <RowText source="terminalName" mono />
            <RowText source="terminalType" enumName="TerminalType" />
            <RowText source="systemCategory" enumName="SystemCategory" />
            <AbolishBox label={translate(C('abolishTerminal'))} />
          </SimpleFormIterator>
        </ArrayInput>
      )}
      <Typography variant="subtitle2" sx={{ mt: 1, fontWeight: 700, color: 'text.secondary' }}>{translate(C('add'))}</Typography>
      <ArrayInput source="terminals" label={false} helperText={false}>
        <SimpleFormIterator inline disableReordering disableClear getItemDefaults={rowDefaults(newTerminalRow)}>
          <TerminalFields />
        </SimpleFormIterator>
      </ArrayInput>
    </FormSection>
  );
};

/** メールボックス数 before and after (seed 002 ⑥: 現在の契約数 1個, 追加 1個). */
const MailboxCounts = () => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const current = (useWatch({ name: 'currentMailboxes' }) as CurrentMailboxRow[] | undefined) ?? [];
  const added = (useWatch({ name: 'mailboxes' }) as ChangeFormValues['mailboxes'] | undefined) ?? [];
  const types = ['SMTP_POP3', 'EDIFACT'] as const;
  return (
    <Stack direction="row" spacing={3} sx={{ mb: 1 }} role="status" aria-live="polite" data-testid="change-mailbox-counts">
      {types.map((type) => {
        const now = current.filter((m) => m.mailboxType === type).length;
        const after =
          now -
          current.filter((m) => m.mailboxType === type && m.abolish).length +
          added.filter((m) => m.mailboxType === type).reduce((n, m) => n + (Number(m.count) || 0), 0);
        return (
          <Typography key={type} variant="body2">
            {translate(C('mailbox_count'), { type: enumLabel('MailboxType', type), before: now, after })}
          </Typography>
        );
      })}
    </Stack>
  );
};

/** 一般NACCSのメールボックス数 (追加・廃止): the current mailbox IDs with a 廃止 box, and how many to add per kind. */
export const MailboxesChangeSection = () => {
  const translate = useTranslate();
  const rows = (useWatch({ name: 'currentMailboxes' }) as CurrentMailboxRow[] | undefined) ?? [];
  return (
    <FormSection id="intake-change-mailboxes" title="enums.ChangeItem.MAILBOX">
      <MailboxCounts />
      <PathError source="mailboxes" />
      <Typography variant="subtitle2" sx={{ fontWeight: 700, color: 'text.secondary' }}>{translate(C('addMailboxes'))}</Typography>
      <ArrayInput source="mailboxes" label={false} helperText={false}>
        <SimpleFormIterator inline disableReordering disableClear getItemDefaults={rowDefaults(newMailboxRow)}>
          <SelectInput source="mailboxType" label={F('mailbox.mailboxType')} choices={enumChoices('MailboxType')} helperText={false} fullWidth={false} sx={{ minWidth: 180 }} />
          <NumberInput source="count" label={C('mailboxAddCount')} helperText={false} min={1} sx={{ maxWidth: 180 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <Typography variant="subtitle2" sx={{ mt: 1, fontWeight: 700, color: 'text.secondary' }}>{translate(C('abolishMailboxes'))}</Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{translate(C('no_mailboxes'))}</Typography>
      ) : (
        <ArrayInput source="currentMailboxes" label={false} helperText={false}>
          <SimpleFormIterator inline disableAdd disableRemove disableReordering disableClear>
            <RowText source="mailboxType" enumName="MailboxType" />
            <RowText source="mailboxId" mono />
            <AbolishBox label={translate(C('abolishMailbox'))} />
          </SimpleFormIterator>
        </ArrayInput>
      )}
    </FormSection>
  );
};

/** One current line: what it is (IP address, kind, speed), with 変更 (its fields open, current values) and 廃止. */
const CurrentLineFields = () => {
  const translate = useTranslate();
  const change = useWatch({ name: useWrappedSource('change') }) as boolean | undefined;
  const abolish = useWatch({ name: useWrappedSource('abolish') }) as boolean | undefined;
  return (
    <Box sx={{ width: '100%' }}>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <RowText source="ipAddress" mono />
        <RowText source="systemCategory" enumName="SystemCategory" />
        <RowText source="lineType" enumName="LineType" />
        <RowText source="speed" />
        {abolish ? null : <BooleanInput source="change" label={translate(C('changeLine'))} helperText={false} />}
        <AbolishBox label={translate(C('abolishLine'))} />
      </Stack>
      {change && !abolish ? <LineFields /> : null}
    </Box>
  );
};

/** 一般NACCS回線の登録情報 (追加・変更・廃止): the office's lines, lines to add, and who arranges the construction. */
export const LinesChangeSection = () => {
  const translate = useTranslate();
  const rows = (useWatch({ name: 'currentLines' }) as CurrentLineRow[] | undefined) ?? [];
  const added = (useWatch({ name: 'lines' }) as unknown[] | undefined) ?? [];
  const construction = added.length > 0 || rows.some((l) => l.change && !l.abolish);
  return (
    <FormSection id="intake-change-lines" title="enums.ChangeItem.GENERAL_LINE">
      <PathError source="lines" />
      <Typography variant="subtitle2" sx={{ fontWeight: 700, color: 'text.secondary' }}>{translate(C('current'))}</Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{translate(C('no_lines'))}</Typography>
      ) : (
        <ArrayInput source="currentLines" label={false} helperText={false}>
          <SimpleFormIterator disableAdd disableRemove disableReordering disableClear>
            <CurrentLineFields />
          </SimpleFormIterator>
        </ArrayInput>
      )}
      <Typography variant="subtitle2" sx={{ mt: 1, fontWeight: 700, color: 'text.secondary' }}>{translate(C('addLines'))}</Typography>
      <LineRowsInput label={false} />
      {construction ? <ConstructionFields /> : null}
    </FormSection>
  );
};

/**
 * その他の契約変更 (機器共用, 共同利用, 付替, 地位の承継, 契約解除・事業所廃止): the office it names and the documents —
 * 共同利用 needs the 委任状 (seed 000: 「委任状(子事業所の役職印押印済みのもの)」を添付).
 */
export const OtherChangeSection = () => {
  const translate = useTranslate();
  const other = useWatch({ name: 'otherChange' }) as ChangeFormValues['otherChange'];
  if (!other) return null;
  return (
    <FormSection id="intake-change-other" title={C('groups.other')}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        <EnumChipText value={other} />
      </Typography>
      <FieldGrid>
        {other === 'EQUIPMENT_SHARING' ? (
          <TextInput source="equipmentSharingOfficeCode" label={F('equipmentSharingOfficeCode')} helperText={false} />
        ) : null}
        {other === 'TRANSFER' ? <TextInput source="transferTargetOfficeCode" label={C('transferTargetOfficeCode')} helperText={false} /> : null}
      </FieldGrid>
      {other === 'JOINT_USE' || other === 'JOINT_USE_NEW_OFFICE' ? (
        <Typography variant="body2" color="text.secondary">{translate(C('power_of_attorney_hint'))}</Typography>
      ) : null}
      <AttachmentsInput />
    </FormSection>
  );
};

/** The chosen その他の契約変更 as a chip. */
const EnumChipText = ({ value }: { value: string }) => {
  const enumLabel = useEnumLabel();
  return <Chip size="small" color="primary" label={enumLabel('OtherChange', value)} />;
};

/** 料金プラン (AプランまたはBプラン). */
export const PlanChangeSection = () => (
  <FormSection id="intake-change-plan" title="enums.ChangeItem.PLAN">
    <RadioButtonGroupInput source="plan" label={F('plan')} choices={enumChoices('Plan')} helperText={false} />
    <SectionChanges items={['PLAN']} />
  </FormSection>
);

/** 請求書送付先・請求先担当者・支払の方法: the new application's 請求先 section, holding the current billing. */
export const BillingChangeSection = () => {
  const items = useChangeItems();
  return (
    <>
      <BillingSection />
      <Box sx={{ mt: -1.5, mb: 2 }}>
        <SectionChanges items={items.filter((i) => ['BILLING_ADDRESS', 'BILLING_CONTACT', 'PAYMENT_METHOD'].includes(i))} />
      </Box>
    </>
  );
};

/** 申込担当者 (the last one, to overwrite), 変更する理由 and 利用開始希望日. */
export const ChangeApplicantSection = () => (
  <FormSection id="intake-applicant" title="resources.intake.sections.applicant">
    <PersonFields source="applicant" title="resources.intake.sections.applicantPerson" emailConfirmation />
    <FieldGrid title={C('sections.reason')}>
      <TextInput source="reason" label={C('reason')} helperText={false} multiline minRows={2} sx={{ gridColumn: '1 / -1' }} />
      <DateInput source="desiredStartDate" label={F('desiredStartDate')} helperText={false} />
    </FieldGrid>
  </FormSection>
);

/** 備考. */
export const ChangeRemarksSection = () => (
  <FormSection id="intake-remarks" title={C('sections.remarks')}>
    <TextInput source="remarks" label={F('remarks')} helperText={false} multiline minRows={2} fullWidth />
  </FormSection>
);
