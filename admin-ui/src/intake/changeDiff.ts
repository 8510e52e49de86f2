import type { ChangeItem } from '../labels';
import type { ChangeFormValues } from './changeTypes';

/** The form fields (path prefixes) each profile item of the 変更申込 covers, as the NSS screen groups them. */
export const ITEM_FIELDS: Partial<Record<ChangeItem, string[]>> = {
  COMPANY_OFFICE: [
    'company.name', 'company.nameKana', 'company.nameEn', 'company.soleProprietor',
    'office.name', 'office.nameKana', 'office.address', 'office.phone', 'office.fax', 'office.customsOffice',
  ],
  HEAD_OFFICE: ['company.headOfficeSameAsOffice', 'company.headOfficeAddress', 'company.headOfficePhone', 'company.headOfficeFax'],
  CONTRACTOR: ['office.contractor'],
  MANAGER: ['office.managerSameAsApplicant', 'office.manager', 'office.emergencyFaxes'],
  PLAN: ['plan'],
  BILLING_ADDRESS: [
    'billing.consolidated', 'billing.consolidatedBillingCode', 'billing.consolidatedOfficeCode', 'billing.companyName',
    'billing.officeName', 'billing.addressSameAsOffice', 'billing.address',
  ],
  BILLING_CONTACT: ['billing.contact', 'billing.emails'],
  PAYMENT_METHOD: ['billing.paymentMethod', 'billing.sameAccount', 'billing.sameAccountCode', 'billing.bankName'],
};

export interface FieldChange {
  /** The form path (`office.manager.phone`, `office.emergencyFaxes.1`). */
  path: string;
  /** The same field as the server names it in 変更前/変更後 (`officeProfile.manager.phone`). */
  field: string;
  before: string;
  after: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));

/** `{ a: { b: 1 } }` → `a.b = '1'`; a list of `{ value }` rows → `list.i = value` (empty rows left out). */
export const flattenForm = (value: unknown, prefix: string, out: Map<string, string> = new Map()): Map<string, string> => {
  if (Array.isArray(value)) {
    const rows = value.map((v) => (v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v));
    rows.filter((v) => text(v) !== '').forEach((v, i) => flattenForm(v, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenForm(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (text(value) !== '') {
    out.set(prefix, text(value));
  }
  return out;
};

const serverField = (path: string): string =>
  path.replace(/^company\./, 'companyProfile.').replace(/^office\./, 'officeProfile.');

const under = (path: string, prefixes: string[]) => prefixes.some((p) => path === p || path.startsWith(`${p}.`));

/**
 * What the form changes in the fields of `items`, against the current contract (`initial`): the fields whose text
 * differs, as typed (the server converts and compares once more when it records 変更前/変更後).
 */
export const profileChanges = (initial: ChangeFormValues, values: ChangeFormValues, items: ChangeItem[]): FieldChange[] => {
  const prefixes = items.flatMap((i) => ITEM_FIELDS[i] ?? []);
  if (prefixes.length === 0) return [];
  const pick = (v: ChangeFormValues) => ({ company: v.company, office: v.office, plan: v.plan, billing: v.billing });
  const before = flattenForm(pick(initial), '');
  const after = flattenForm(pick(values), '');
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter((p) => under(p, prefixes));
  return paths
    .filter((p) => (before.get(p) ?? '') !== (after.get(p) ?? ''))
    .map((p) => ({ path: p, field: serverField(p), before: before.get(p) ?? '', after: after.get(p) ?? '' }));
};
