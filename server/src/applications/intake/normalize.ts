import type {
  AddressInput, ApplicationSectionsInput, BillingInput, ChangeApplicationInput, CompanyInput, CustomsOfficerApplicationInput, LineInput,
  NewApplicationInput, OfficeInput, PersonInput, ProvisionalAccountInput, UserCodeInput,
} from './inputs.js';

// Input as customers type it (issue 16): each field is converted to the character class its screen asks for before the
// rules run, so a width or a hyphen is never a refusal. 全角 fields take half-width ASCII and kana as full-width; 半角
// fields take full-width digits and letters as half-width (NFKC); phone, FAX and 郵便番号 lose their hyphens; カナ
// fields take hiragana as katakana. Whatever still breaks a rule after this (a kanji in a カナ field, a letter in a phone
// number) is refused by validation.ts as before. Free text (理由, 備考) is left as typed.

type Str = string | undefined | null;
const map = (s: Str, f: (v: string) => string): string | undefined => (typeof s === 'string' ? f(s) : (s ?? undefined));

/** Half-width katakana runs as full-width (NFKC joins ｶﾞ into ガ). */
const fullKana = (s: string): string => s.replace(/[\uFF61-\uFF9F]+/g, (m) => m.normalize('NFKC'));
/** Printable ASCII as its full-width form; a space as the ideographic space. */
const fullAscii = (s: string): string =>
  s.replace(/[\x21-\x7E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
const katakana = (s: string): string => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** 全角 (氏名, 企業名, 住所 …). */
export const toZenkaku = (s: Str) => map(s, (v) => fullAscii(fullKana(v)));
/** 全角カナ (フリガナ): hiragana and half-width kana as katakana; letters and kanji stay (and are refused). */
export const toKana = (s: Str) => map(s, (v) => katakana(fullKana(v)).replace(/ /g, '\u3000'));
/** 住所(フリガナ): カナ, with block numbers and building names in full-width. */
export const toKanaAddress = (s: Str) => map(s, (v) => fullAscii(katakana(fullKana(v))));
/** 半角 (英数字, E-mail, dates). */
export const toHankaku = (s: Str) => map(s, (v) => v.normalize('NFKC'));
/** 半角数字 without hyphens or spaces (電話番号, FAX番号, 郵便番号): "03-1234-5678", "０３（１２３４）５６７８". */
export const toDigits = (s: Str) => map(s, (v) => v.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー()]/g, ''));
/** Codes (利用者コード, 事業所コード …): half-width, upper case. */
export const toCode = (s: Str) => map(s, (v) => v.normalize('NFKC').toUpperCase());

export function normalizePerson(p: PersonInput | undefined | null): PersonInput | undefined {
  if (!p) return p ?? undefined;
  return {
    ...p,
    lastName: toZenkaku(p.lastName), firstName: toZenkaku(p.firstName), lastNameKana: toKana(p.lastNameKana),
    firstNameKana: toKana(p.firstNameKana), department: toZenkaku(p.department), title: toZenkaku(p.title), phone: toDigits(p.phone),
    fax: toDigits(p.fax), email: toHankaku(p.email), emailConfirmation: toHankaku(p.emailConfirmation),
  };
}

function normalizeAddress(a: AddressInput | undefined | null): AddressInput | undefined {
  if (!a) return a ?? undefined;
  return { ...a, postalCode: toDigits(a.postalCode), prefecture: toZenkaku(a.prefecture), address: toZenkaku(a.address), addressKana: toKanaAddress(a.addressKana) };
}

function normalizeCompany(c: CompanyInput | undefined | null): CompanyInput | undefined {
  if (!c) return c ?? undefined;
  return {
    ...c, name: toZenkaku(c.name), nameKana: toKana(c.nameKana), nameEn: toHankaku(c.nameEn), headOfficeAddress: normalizeAddress(c.headOfficeAddress),
    headOfficePhone: toDigits(c.headOfficePhone), headOfficeFax: toDigits(c.headOfficeFax),
  };
}

function normalizeOffice(o: OfficeInput | undefined | null): OfficeInput | undefined {
  if (!o) return o ?? undefined;
  return {
    ...o, name: toZenkaku(o.name), nameKana: toKana(o.nameKana), address: normalizeAddress(o.address), phone: toDigits(o.phone),
    fax: toDigits(o.fax), customsOffice: toZenkaku(o.customsOffice), contractor: normalizePerson(o.contractor), manager: normalizePerson(o.manager),
    emergencyFaxes: Array.isArray(o.emergencyFaxes) ? o.emergencyFaxes.map((f) => toDigits(f)!) : o.emergencyFaxes,
  };
}

const normalizeUserCode = (u: UserCodeInput): UserCodeInput => ({
  ...u, userCode: toCode(u.userCode), userIds: u.userIds?.map((x) => (x ? { ...x, identNo: toCode(x.identNo) } : x)),
});

const normalizeLine = (l: LineInput): LineInput => ({
  ...l, speed: toHankaku(l.speed), constructionDate: toHankaku(l.constructionDate), place: normalizeAddress(l.place),
});

function normalizeBilling(b: BillingInput | undefined | null): BillingInput | undefined {
  if (!b) return b ?? undefined;
  return {
    ...b, consolidatedBillingCode: toDigits(b.consolidatedBillingCode), consolidatedOfficeCode: toCode(b.consolidatedOfficeCode),
    companyName: toZenkaku(b.companyName), officeName: toZenkaku(b.officeName), address: normalizeAddress(b.address),
    contact: normalizePerson(b.contact), emails: Array.isArray(b.emails) ? b.emails.map((e) => toHankaku(e)!) : b.emails,
    sameAccountCode: toCode(b.sameAccountCode),
  };
}

function normalizeSections<T extends ApplicationSectionsInput>(input: T): T {
  return {
    ...input,
    applicant: normalizePerson(input.applicant), desiredStartDate: toHankaku(input.desiredStartDate), company: normalizeCompany(input.company),
    office: normalizeOffice(input.office), userCodes: input.userCodes?.map((u) => (u ? normalizeUserCode(u) : u)),
    terminals: input.terminals?.map((t) => (t ? { ...t, terminalName: toCode(t.terminalName) } : t)),
    lines: input.lines?.map((l) => (l ? normalizeLine(l) : l)), equipmentSharingOfficeCode: toCode(input.equipmentSharingOfficeCode),
    constructionContact: normalizePerson(input.constructionContact), constructionAttendee: normalizePerson(input.constructionAttendee),
    mailboxes: input.mailboxes?.map((m) => (m ? { ...m, mailboxId: toCode(m.mailboxId) } : m)), billing: normalizeBilling(input.billing),
  };
}

/** 新規利用申込 as the rules should see it. */
export const normalizeNewApplication = (input: NewApplicationInput): NewApplicationInput => normalizeSections(input);

/** 変更申込 as the rules should see it. */
export const normalizeChangeApplication = (input: ChangeApplicationInput): ChangeApplicationInput => ({
  ...normalizeSections(input), transferTargetOfficeCode: toCode(input.transferTargetOfficeCode),
});

/** 変更(通関士) as the rules should see it. */
export const normalizeCustomsOfficerApplication = (input: CustomsOfficerApplicationInput): CustomsOfficerApplicationInput => ({
  ...input, applicant: normalizePerson(input.applicant), userCode: toCode(input.userCode),
});

/** 仮アカウント申込 as the rules should see it. */
export const normalizeProvisionalAccount = (input: ProvisionalAccountInput): ProvisionalAccountInput => ({
  ...input, companyName: toZenkaku(input.companyName), companyNameKana: toKana(input.companyNameKana), applicant: normalizePerson(input.applicant),
});
