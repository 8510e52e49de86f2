import type {
  BillingInput,
  CompanyInput,
  LineInput,
  NewApplicationFormValues,
  NewApplicationInput,
  OfficeInput,
  ProvisionalAccountInput,
  TerminalInput,
  UserCodeInput,
  ValueRow,
} from './inputTypes';

/**
 * Form values → API input. Nothing here judges the input (the server does, once): it only leaves out what the
 * form does not show (a hidden section, a field behind an unticked box) and what nobody typed (empty strings,
 * empty rows of the FAX / e-mail lists). `remap` turns an error path of a packed list back into the row it
 * came from.
 */
export interface PreparedInput<T> {
  input: T;
  remap: (path: string) => string;
}

/** '' and null → absent; strings are sent as typed (the server reports what is wrong with them). */
export const dropEmpty = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((v) => dropEmpty(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const cleaned = dropEmpty(v);
      if (cleaned !== undefined) out[k] = cleaned;
    }
    return out as T;
  }
  if (value === '' || value === null) return undefined as T;
  return value;
};

export type IndexMaps = Map<string, number[]>;

/** The filled rows of a list of single values, remembering which row each came from. */
export const packList = (rows: ReadonlyArray<ValueRow> | null | undefined, path: string, maps: IndexMaps): string[] | undefined => {
  const kept: string[] = [];
  const from: number[] = [];
  (rows ?? []).forEach((row, i) => {
    if (row?.value != null && row.value !== '') {
      kept.push(row.value);
      from.push(i);
    }
  });
  maps.set(path, from);
  return kept.length ? kept : undefined;
};

/** `billing.emails.1` of the API (the 2nd filled row) → the form's `billing.emails.3.value`. */
export const remapper = (maps: IndexMaps) => (path: string): string => {
  for (const [prefix, from] of maps) {
    if (!path.startsWith(`${prefix}.`)) continue;
    const index = path.slice(prefix.length + 1);
    if (/^\d+$/.test(index) && from[Number(index)] !== undefined) return `${prefix}.${from[Number(index)]}.value`;
  }
  return path;
};

const company = (c: CompanyInput | null | undefined): CompanyInput | undefined => {
  if (!c) return undefined;
  if (!c.headOfficeSameAsOffice) return c;
  const rest = { ...c };
  delete rest.headOfficeAddress;
  delete rest.headOfficePhone;
  delete rest.headOfficeFax;
  return rest;
};

const office = (o: NewApplicationFormValues['office'], maps: IndexMaps): OfficeInput | undefined => {
  if (!o) return undefined;
  const rest: OfficeInput = { ...o, emergencyFaxes: packList(o.emergencyFaxes, 'office.emergencyFaxes', maps) };
  if (rest.managerSameAsApplicant) delete rest.manager;
  return rest;
};

const userCode = (u: UserCodeInput): UserCodeInput => {
  if (u.shared) return u;
  const rest = { ...u };
  delete rest.userCode;
  return rest;
};

const terminal = (t: TerminalInput): TerminalInput => {
  if (t.terminalType === 'GENERAL') return t;
  const rest = { ...t };
  delete rest.lineNo;
  return rest;
};

/** A line as sent: the place only when it is not the office's address. */
export const line = (l: LineInput): LineInput => {
  if (l.placeSameAsOffice === false) return l;
  const rest = { ...l };
  delete rest.place;
  return rest;
};

export const billing = (b: NewApplicationFormValues['billing'], maps: IndexMaps): BillingInput | undefined => {
  if (!b) return undefined;
  const rest: BillingInput = { ...b, emails: packList(b.emails, 'billing.emails', maps) };
  if (rest.paymentMethod !== 'DEBIT') delete rest.sameAccount;
  if (!rest.consolidated) {
    delete rest.consolidatedBillingCode;
    delete rest.consolidatedOfficeCode;
  }
  // 企業名・事業所名 belong to 一括請求 and to 同一口座振替.
  if (!rest.consolidated && !rest.sameAccount) {
    delete rest.companyName;
    delete rest.officeName;
  }
  if (rest.addressSameAsOffice !== false) delete rest.address;
  if (!rest.sameAccount) delete rest.sameAccountCode;
  if (rest.paymentMethod !== 'TRANSFER') delete rest.bankName;
  return rest;
};

/** 新規利用申込: the sections of the other connection (lines, mailboxes, construction for netNACCS) stay out. */
export const toNewApplicationInput = (
  values: NewApplicationFormValues,
): PreparedInput<NewApplicationInput> & { provisionalLoginId: string } => {
  const maps: IndexMaps = new Map();
  const { provisionalLoginId, ...v } = values;
  const general = v.connection === 'GENERAL';
  const input: NewApplicationInput = {
    ...v,
    company: company(v.company),
    office: office(v.office, maps),
    userCodes: v.userCodes?.map(userCode),
    terminals: v.terminals?.map(terminal),
    lines: general ? v.lines?.map(line) : undefined,
    noLineRequired: general ? v.noLineRequired : undefined,
    equipmentSharingOfficeCode: general ? v.equipmentSharingOfficeCode : undefined,
    constructionContact: general && v.lines?.length ? v.constructionContact : undefined,
    constructionAttendee: general && v.lines?.length ? v.constructionAttendee : undefined,
    constructionNotes: general ? v.constructionNotes : undefined,
    mailboxes: general ? v.mailboxes : undefined,
    billing: billing(v.billing, maps),
  };
  return { input: dropEmpty(input), provisionalLoginId: provisionalLoginId ?? '', remap: remapper(maps) };
};

export const toProvisionalAccountInput = (values: ProvisionalAccountInput): PreparedInput<ProvisionalAccountInput> => ({
  input: dropEmpty(values),
  remap: (path) => path,
});
