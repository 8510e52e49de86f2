import { useTranslate } from 'react-admin';
import type { EnumName } from '../labels';

/**
 * Japanese labels for the `field` of a 変更前/変更後 row — a path into the office's records such as
 * `officeProfile.manager.phone` (→ 管理責任者 電話番号), `billing.emails.1` (→ 請求通知先E-mailアドレス2) or
 * `userCodes.1AMSO.statisticsPaid` (→ 利用者コード 1AMSO 管理統計資料 有料).
 * Built from the intake form's field labels; a path this table does not know is shown as it is.
 */
const F = 'resources.intake.fields';
const S = 'resources.intake.sections';

/** The records a changed field can sit in, by the path's first segment. */
const ROOTS: Record<string, string> = { companyProfile: 'company', officeProfile: 'office', billing: 'billing' };

/** Nested people and addresses: their own label, then the person's / address's field. */
const PERSONS: Record<string, string> = {
  'office.contractor': `${S}.contractor`,
  'office.manager': `${S}.manager`,
  'billing.contact': `${S}.billingContact`,
};
const ADDRESSES: Record<string, string> = {
  'office.address': `${S}.officeAddress`,
  'company.headOfficeAddress': `${F}.company.headOfficeAddress`,
  'billing.address': `${F}.billing.address`,
};
/** Numbered lists: `office.emergencyFaxes.0` → 緊急連絡用FAX番号1. */
const LISTS: Record<string, string> = {
  'office.emergencyFaxes': `${F}.office.emergencyFax`,
  'billing.emails': `${F}.billing.email`,
};

/** The kind a count is split by (`counts.<what>.<kind>`). */
const COUNT_KINDS: Record<string, EnumName> = { mailboxes: 'MailboxType', terminals: 'TerminalType' };

/** Fields whose values are enum names (shown with their labels) — the rest are shown as stored. */
const ENUM_FIELDS: Record<string, EnumName> = {
  plan: 'Plan',
  'billing.paymentMethod': 'PaymentMethod',
};

export const useChangeFieldLabel = () => {
  const translate = useTranslate();
  const t = (key: string, args: Record<string, unknown> = {}): string | null => {
    const text = translate(key, { ...args, _: '\u0000' });
    return text === '\u0000' ? null : text;
  };
  return (field: string): string => {
    const [root, ...rest] = field.split('.');
    if (root === 'plan' && rest.length === 0) return t(`${F}.plan`) ?? field;
    // Counts (server: intake/rowCounts.ts): `counts.mailboxes.SMTP_POP3` → メールボックス数 (SMTP/POP3), `counts.lines` → 回線数
    if (root === 'counts' && rest.length >= 1) {
      const [what, kind] = rest;
      const label = t(`naccs.change_counts.${what}`);
      const kindEnum = COUNT_KINDS[what!];
      if (!label) return field;
      return kind && kindEnum ? `${label} (${translate(`enums.${kindEnum}.${kind}`, { _: kind })})` : label;
    }
    // Rows named by the contract (server: intake/rowCounts.ts namedRowChanges): a terminal's 区分の変更 or abolition,
    // a mailbox's abolition, a registered line's field (by its ルータ番号), a shared code taken up.
    if (root === 'terminals' && rest.length === 2 && rest[1] === 'systemCategory') return t('naccs.change_rows.terminal_category', { name: rest[0] }) ?? field;
    if (root === 'terminals' && rest.length === 1) return t('naccs.change_rows.terminal', { name: rest[0] }) ?? field;
    if (root === 'mailboxes' && rest.length === 1) return t('naccs.change_rows.mailbox', { id: rest[0] }) ?? field;
    if (root === 'lines' && rest.length === 2) {
      const leaf = t(`naccs.line.${rest[1]}`);
      return leaf ? (t('naccs.change_rows.line', { n: rest[0], field: leaf }) ?? field) : field;
    }
    if (root === 'userCodes' && rest.length === 2 && rest[1] === 'shared') return t('naccs.change_rows.shared', { code: rest[0] }) ?? field;
    // `userCodes.1AMSO.statisticsPaid` → 利用者コード 1AMSO 管理統計資料 有料
    if (root === 'userCodes' && rest.length === 2) {
      const leaf = t(`${F}.userCode.${rest[1]}`);
      return leaf ? `${t(`${S}.userCodes`)} ${rest[0]} ${leaf}` : field;
    }
    const group = ROOTS[root];
    if (!group || rest.length === 0) return field;
    const [head, leaf, ...more] = rest;
    const at = `${group}.${head}`;
    let label: string | null = null;
    if (PERSONS[at] && leaf && more.length === 0) label = join(t(PERSONS[at]), t(`${F}.person.${leaf}`));
    else if (PERSONS[at] && !leaf) label = t(PERSONS[at]);
    else if (ADDRESSES[at] && leaf && more.length === 0) label = join(t(ADDRESSES[at]), t(`${F}.address.${leaf}`));
    else if (ADDRESSES[at] && !leaf) label = t(ADDRESSES[at]);
    else if (LISTS[at] && /^\d+$/.test(leaf ?? '') && more.length === 0) label = t(LISTS[at], { n: Number(leaf) + 1 });
    else if (!leaf) label = t(`${F}.${at}`);
    return label ?? field;
  };
};

const join = (a: string | null, b: string | null): string | null => (a && b ? `${a} ${b}` : null);

/** The enum of a contract row's value by the field's pattern (terminals → システム区分, mailboxes → 種別, lines → 種別/保守). */
const ROW_ENUMS: Array<[RegExp, EnumName]> = [
  [/^terminals\.[^.]+(\.systemCategory)?$/, 'SystemCategory'],
  [/^mailboxes\.[^.]+$/, 'MailboxType'],
  [/^lines\.[^.]+\.lineType$/, 'LineType'],
  [/^lines\.[^.]+\.maintenance$/, 'MaintenanceHours'],
];

/** A row the change abolishes: its 変更後 reads 廃止 rather than (なし). */
export const isAbolition = (field: string, after: string | null | undefined): boolean =>
  after == null && /^(terminals|mailboxes)\.[^.]+$/.test(field);

/** A before/after value for reading: enum labels, あり/なし for booleans, else the stored text. */
export const useChangeValueText = () => {
  const translate = useTranslate();
  return (field: string, value: string | null | undefined): string | null | undefined => {
    if (value == null || value === '') return value;
    const enumName = ENUM_FIELDS[field.replace(/^(companyProfile|officeProfile)\./, '')] ?? ROW_ENUMS.find(([re]) => re.test(field))?.[1];
    if (enumName) return translate(`enums.${enumName}.${value}`, { _: value });
    if (value === 'true') return translate('naccs.yes');
    if (value === 'false') return translate('naccs.no');
    return value;
  };
};
