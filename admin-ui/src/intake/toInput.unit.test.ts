import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewApplicationFormValues } from './inputTypes';
import { newApplicationDefaults } from './newApplicationDefaults';
import { dropEmpty, toNewApplicationInput, toProvisionalAccountInput } from './toInput';

const applicant = { lastName: '近税', firstName: '太郎', email: 'taro@example.jp', emailConfirmation: 'taro@example.jp', fax: '' };

/** A 一般NACCS application with every optional part filled, so that each rule has something to leave out. */
const general = (): NewApplicationFormValues => ({
  provisionalLoginId: '0000001',
  connection: 'GENERAL',
  applicant,
  reason: '',
  desiredStartDate: '2027-04-01',
  company: {
    name: '東洋海運株式会社',
    headOfficeSameAsOffice: false,
    headOfficeAddress: { postalCode: '100-0001', prefecture: '東京都', address: '千代田区1-1' },
    headOfficePhone: '03-0000-0000',
    headOfficeFax: '',
  },
  office: {
    name: '本社',
    managerSameAsApplicant: false,
    manager: { lastName: '管理', firstName: '花子' },
    emergencyFaxes: [{ value: '' }, { value: '03-1111-1111' }, { value: null }, { value: '03-2222-2222' }],
  },
  userCodes: [
    { shared: false, userCode: 'CP999', systemCategory: 'SEA', singleSignOn: false, userIds: [{ industries: [], processingMethod: null, identCount: 1 }] },
    { shared: true, userCode: 'CP999', systemCategory: 'AIR' },
  ],
  terminals: [
    { terminalType: 'GENERAL', systemCategory: 'SEA', count: 2, lineNo: 1 },
    { terminalType: 'NET', systemCategory: 'SEA', count: 1, lineNo: 1 },
  ],
  lines: [
    { lineType: 'FIBER', placeSameAsOffice: true, place: { address: '横浜市' } },
    { lineType: 'LEASED', placeSameAsOffice: false, place: { address: '大阪市' } },
  ],
  noLineRequired: false,
  equipmentSharingOfficeCode: 'NAC001',
  constructionContact: { lastName: '工事' },
  constructionAttendee: { lastName: '立会' },
  constructionNotes: '午前中',
  mailboxes: [{ mailboxType: 'SMTP_POP3', count: 2 }],
  plan: 'A',
  billing: {
    consolidated: false,
    consolidatedBillingCode: '1234567',
    consolidatedOfficeCode: 'NAC001',
    companyName: '別会社',
    officeName: '別事業所',
    addressSameAsOffice: true,
    address: { address: '請求先住所' },
    emails: [{ value: 'a@example.jp' }, { value: '' }, { value: 'b@example.jp' }],
    paymentMethod: 'TRANSFER',
    sameAccount: true,
    sameAccountCode: 'X',
    bankName: 'みずほ銀行',
  },
  remarks: null,
  attachments: [],
});

describe('toNewApplicationInput', () => {
  it('takes the 仮ログインID out of the input and leaves out what nobody typed', () => {
    const { input, provisionalLoginId } = toNewApplicationInput(general());
    expect(provisionalLoginId).toBe('0000001');
    expect(input).not.toHaveProperty('provisionalLoginId');
    expect(input).not.toHaveProperty('reason');
    expect(input).not.toHaveProperty('remarks');
    expect(input.applicant).toEqual({ lastName: '近税', firstName: '太郎', email: 'taro@example.jp', emailConfirmation: 'taro@example.jp' });
    expect(input.company).not.toHaveProperty('headOfficeFax');
    // false, 0 and empty lists are answers, not blanks.
    expect(input.noLineRequired).toBe(false);
    expect(input.attachments).toEqual([]);
    expect(input.userCodes![0]!.userIds![0]).toEqual({ industries: [], identCount: 1 });
    expect(toNewApplicationInput({ ...general(), mailboxes: [{ mailboxType: 'EDIFACT', count: 0 }] }).input.mailboxes).toEqual([{ mailboxType: 'EDIFACT', count: 0 }]);
  });

  it('gives an empty 仮ログインID when the form has none', () => {
    expect(toNewApplicationInput({ ...general(), provisionalLoginId: null }).provisionalLoginId).toBe('');
  });

  it('keeps the 一般NACCS sections for a 一般NACCS application, with the hidden fields left out', () => {
    const { input } = toNewApplicationInput(general());
    expect(input.lines).toEqual([{ lineType: 'FIBER', placeSameAsOffice: true }, { lineType: 'LEASED', placeSameAsOffice: false, place: { address: '大阪市' } }]);
    expect(input.mailboxes).toEqual([{ mailboxType: 'SMTP_POP3', count: 2 }]);
    expect(input.equipmentSharingOfficeCode).toBe('NAC001');
    expect(input.constructionContact).toEqual({ lastName: '工事' });
    expect(input.constructionAttendee).toEqual({ lastName: '立会' });
    expect(input.constructionNotes).toBe('午前中');
    // A 回線番号 belongs to 一般NACCS terminals only; a 利用者コード is typed only for a shared one.
    expect(input.terminals).toEqual([
      { terminalType: 'GENERAL', systemCategory: 'SEA', count: 2, lineNo: 1 },
      { terminalType: 'NET', systemCategory: 'SEA', count: 1 },
    ]);
    expect(input.userCodes![0]).not.toHaveProperty('userCode');
    expect(input.userCodes![1]).toMatchObject({ shared: true, userCode: 'CP999' });
  });

  it('leaves out the 一般NACCS sections of a netNACCS application', () => {
    const { input } = toNewApplicationInput({ ...general(), connection: 'NET' });
    for (const key of ['lines', 'noLineRequired', 'equipmentSharingOfficeCode', 'constructionContact', 'constructionAttendee', 'constructionNotes', 'mailboxes']) {
      expect(input, key).not.toHaveProperty(key);
    }
    expect(input.terminals).toHaveLength(2);
    expect(input.office?.name).toBe('本社');
  });

  it('asks for construction contacts only when there are lines', () => {
    const { input } = toNewApplicationInput({ ...general(), lines: [] });
    expect(input).not.toHaveProperty('constructionContact');
    expect(input).not.toHaveProperty('constructionAttendee');
    expect(input.constructionNotes).toBe('午前中');
  });

  it('drops the head office when it is the office, and the manager when it is the applicant', () => {
    const values = general();
    values.company!.headOfficeSameAsOffice = true;
    values.office!.managerSameAsApplicant = true;
    const { input } = toNewApplicationInput(values);
    expect(input.company).toEqual({ name: '東洋海運株式会社', headOfficeSameAsOffice: true });
    expect(input.office).not.toHaveProperty('manager');
    const kept = toNewApplicationInput(general()).input;
    expect(kept.company?.headOfficeAddress).toEqual({ postalCode: '100-0001', prefecture: '東京都', address: '千代田区1-1' });
    expect(kept.office?.manager).toEqual({ lastName: '管理', firstName: '花子' });
  });

  it('sends only the 請求先 fields its choices show', () => {
    const transfer = toNewApplicationInput(general()).input.billing!;
    // Not consolidated: no consolidated codes or names; address same as office: no address; 銀行振込: bank, no same account.
    expect(transfer).toEqual({
      consolidated: false, addressSameAsOffice: true, emails: ['a@example.jp', 'b@example.jp'], paymentMethod: 'TRANSFER', bankName: 'みずほ銀行',
    });

    const values = general();
    Object.assign(values.billing!, { consolidated: true, addressSameAsOffice: false, paymentMethod: 'DEBIT' });
    const debit = toNewApplicationInput(values).input.billing!;
    expect(debit).toMatchObject({
      consolidatedBillingCode: '1234567', consolidatedOfficeCode: 'NAC001', companyName: '別会社', officeName: '別事業所',
      address: { address: '請求先住所' }, sameAccount: true, sameAccountCode: 'X',
    });
    expect(debit).not.toHaveProperty('bankName');

    values.billing!.sameAccount = false;
    expect(toNewApplicationInput(values).input.billing).not.toHaveProperty('sameAccountCode');

    // 同一口座振替 without 一括請求 still names the account's 企業名 and 事業所名 (seed 001).
    Object.assign(values.billing!, { consolidated: false, sameAccount: true });
    expect(toNewApplicationInput(values).input.billing).toMatchObject({ sameAccount: true, sameAccountCode: 'X', companyName: '別会社', officeName: '別事業所' });
    expect(toNewApplicationInput(values).input.billing).not.toHaveProperty('consolidatedBillingCode');
  });

  it('packs the FAX and e-mail lists and maps error paths back to the rows they came from', () => {
    const { input, remap } = toNewApplicationInput(general());
    expect(input.office?.emergencyFaxes).toEqual(['03-1111-1111', '03-2222-2222']);
    expect(remap('office.emergencyFaxes.0')).toBe('office.emergencyFaxes.1.value');
    expect(remap('office.emergencyFaxes.1')).toBe('office.emergencyFaxes.3.value');
    expect(remap('billing.emails.1')).toBe('billing.emails.2.value');
    // Anything else is already a form path.
    for (const path of ['office.phone', 'billing.emails', 'billing.emails.5', 'billing.emailsX.1', 'userCodes.0.userCode', 'office.emergencyFaxes.0.x']) {
      expect(remap(path)).toBe(path);
    }
  });

  it('sends no list at all when every row is empty', () => {
    const { input, remap } = toNewApplicationInput(newApplicationDefaults('0000002'));
    expect(input.office).not.toHaveProperty('emergencyFaxes');
    expect(input.billing).not.toHaveProperty('emails');
    expect(remap('billing.emails.0')).toBe('billing.emails.0');
  });

  it('maps every packed index back to a filled row, whatever rows are empty', () => {
    const row = fc.oneof(fc.constant(''), fc.constant(null), fc.constant(undefined), fc.stringMatching(/^[a-z]{1,6}@example\.jp$/));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (emails) => {
        const values = general();
        values.billing!.emails = emails.map((value) => ({ value }));
        const { input, remap } = toNewApplicationInput(values);
        const sent = input.billing!.emails ?? [];
        expect(sent).toEqual(emails.filter((e) => e));
        sent.forEach((email, i) => {
          const m = /^billing\.emails\.(\d+)\.value$/.exec(remap(`billing.emails.${i}`));
          expect(m).not.toBeNull();
          expect(emails[Number(m![1])]).toBe(email);
        });
      }),
    );
  });

  it('does not change the form values it is given', () => {
    const values = general();
    const before = structuredClone(values);
    toNewApplicationInput(values);
    toNewApplicationInput({ ...values, connection: 'NET' });
    expect(values).toEqual(before);
  });
});

describe('dropEmpty and toProvisionalAccountInput', () => {
  it('removes empty strings and nulls at any depth and keeps false, 0 and whitespace as typed', () => {
    expect(dropEmpty({ a: '', b: null, c: { d: '', e: 0, f: false, g: ' ' }, h: [{ i: null, j: 'x' }] })).toEqual({ c: { e: 0, f: false, g: ' ' }, h: [{ j: 'x' }] });
    expect(dropEmpty('')).toBeUndefined();
    expect(dropEmpty(null)).toBeUndefined();
  });

  it('never leaves an empty string or a null anywhere', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(dropEmpty({ value }) ?? {});
        expect(text).not.toMatch(/:""|:null/);
      }),
    );
  });

  it('sends the provisional account as typed, without blanks, and keeps error paths', () => {
    const { input, remap } = toProvisionalAccountInput({ companyName: '株式会社テスト', companyNameKana: '', applicant: { ...applicant, phone: null } });
    expect(input).toEqual({ companyName: '株式会社テスト', applicant: { lastName: '近税', firstName: '太郎', email: 'taro@example.jp', emailConfirmation: 'taro@example.jp' } });
    expect(remap('applicant.email')).toBe('applicant.email');
  });
});
