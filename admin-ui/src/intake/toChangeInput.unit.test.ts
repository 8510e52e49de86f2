import { describe, expect, it } from 'vitest';
import type { ChangeItem } from '../labels';
import type { Office } from '../types';
import { profileChanges } from './changeDiff';
import { changeDefaults } from './changeDefaults';
import type { ChangeFormValues } from './changeTypes';
import { toChangeInput } from './toChangeInput';

const manager = { lastName: '保税', firstName: '花子', lastNameKana: 'ホゼイ', firstNameKana: 'ハナコ', phone: '0355559999', email: 'hozei@naccs.co.jp' };

/** An office as OFFICE_FOR_CHANGE reads it: two mailboxes (one abolished already), a code with two 識別番号. */
const office = (): Office =>
  ({
    id: 'o1',
    code: 'NAC001',
    status: 'ACTIVE',
    usesNet: false,
    usesGeneral: true,
    plan: 'A',
    company: { id: 'c1', abbreviation: 'NAC', profile: { name: 'ナックスシステム株式会社', nameKana: 'ナックスシステムカブシキカイシャ' } },
    profile: {
      name: '本社',
      nameKana: 'ホンシャ',
      address: { postalCode: '9990000', prefecture: '神奈川県', address: '川崎市', addressKana: 'カワサキシ' },
      phone: '0312345678',
      contractor: { lastName: '南楠', firstName: '太郎', title: '代表取締役社長' },
      manager,
      emergencyFaxes: ['0398765432'],
    },
    billing: { consolidated: false, addressSameAsOffice: true, paymentMethod: 'DEBIT', emails: ['keiri@naccs.co.jp'], contact: { lastName: '経理' } },
    userCodes: [
      {
        id: 'u1',
        code: '1NACA',
        systemCategory: 'SEA',
        shared: false,
        endDate: null,
        userIds: [
          { id: 'i1', identNo: '001', userId: '1NACA001', industries: ['CUSTOMS_BROKER'], endDate: null },
          { id: 'i2', identNo: '002', userId: '1NACA002', industries: ['CUSTOMS_BROKER'], endDate: null },
          { id: 'i3', identNo: '003', userId: '1NACA003', industries: ['CUSTOMS_BROKER'], endDate: '2026-01-01' },
        ],
      },
    ],
    terminals: [],
    lines: [
      { id: 'l1', systemCategory: 'SEA', connectionMethod: 'INTERACTIVE', lineType: 'LEASED', speed: '1Mbps', maintenance: 'H24_365', redundancy: false, spareRouter: false, pingMonitoring: false, ipAddress: '10.1.0.1', place: null, endDate: null },
      { id: 'l2', systemCategory: 'SEA', connectionMethod: 'INTERACTIVE', lineType: 'FIBER', speed: '光', maintenance: 'WEEKDAY_DAYTIME', ipAddress: '10.1.0.2', place: null, endDate: null },
    ],
    mailboxes: [
      { id: 'm1', mailboxId: 'NAC00101', type: 'SMTP_POP3', endDate: null },
      { id: 'm2', mailboxId: 'NAC00102', type: 'SMTP_POP3', endDate: '2026-01-01' },
    ],
    applications: [{ id: 'a1', receiptNo: '180001A', applicant: { lastName: '混載', firstName: '一郎', email: 'konsai@naccs.co.jp' } }],
  }) as unknown as Office;

const TODAY = '2026-12-24';
const start = (items: ChangeItem[]): ChangeFormValues => changeDefaults(office(), TODAY, items);

describe('changeDefaults', () => {
  it('starts from the current contract: rows in force today, the last 申込担当者, nothing marked', () => {
    const v = start(['MAILBOX']);
    expect(v.officeCode).toBe('NAC001');
    expect(v.changeItems).toEqual(['MAILBOX']);
    expect(v.applicant).toMatchObject({ lastName: '混載', email: 'konsai@naccs.co.jp', emailConfirmation: 'konsai@naccs.co.jp' });
    expect(v.currentMailboxes).toEqual([{ mailboxId: 'NAC00101', mailboxType: 'SMTP_POP3', abolish: false }]);
    expect(v.currentUserCodes[0]!.userIds.map((u) => u.identNo)).toEqual(['001', '002']);
    expect(v.office?.manager).toMatchObject(manager);
    expect(v.office?.emergencyFaxes).toEqual([{ value: '0398765432' }]);
  });
});

describe('toChangeInput', () => {
  it('sends a mailbox addition alone: no profile section, nothing of the unticked items', () => {
    const v = start(['MAILBOX']);
    v.mailboxes = [{ mailboxType: 'SMTP_POP3', count: 1 }];
    v.reason = 'メールボックス追加のため';
    v.desiredStartDate = '2027-02-01';
    const { input, officeCode } = toChangeInput(v);
    expect(officeCode).toBe('NAC001');
    expect(input).toEqual({
      changeItems: ['MAILBOX'],
      applicant: expect.objectContaining({ lastName: '混載' }),
      reason: 'メールボックス追加のため',
      desiredStartDate: '2027-02-01',
      mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }],
    });
  });

  it('puts an error of an abolished mailbox on its 廃止 box, of an added one on its row', () => {
    const v = start(['MAILBOX']);
    v.mailboxes = [{ mailboxType: 'EDIFACT', count: 2 }];
    v.currentMailboxes[0]!.abolish = true;
    const { input, remap } = toChangeInput(v);
    expect(input.mailboxes).toEqual([
      { mailboxType: 'EDIFACT', count: 2 },
      { action: 'DELETE', mailboxType: 'SMTP_POP3', mailboxId: 'NAC00101' },
    ]);
    expect(remap('mailboxes.0.count')).toBe('mailboxes.0.count');
    expect(remap('mailboxes.1.mailboxId')).toBe('currentMailboxes.0.abolish');
  });

  it('利用者ID廃止: the ticked 識別番号 as DELETE rows of their code; errors back on the boxes', () => {
    const v = start(['IDENT_NO']);
    v.currentUserCodes[0]!.userIds[1]!.abolish = true;
    const { input, remap } = toChangeInput(v);
    expect(input.userCodes).toEqual([{ action: 'CHANGE', userCode: '1NACA', userIds: [{ action: 'DELETE', identNo: '002' }] }]);
    expect(remap('userCodes.0.userIds.0.identNo')).toBe('currentUserCodes.0.userIds.1.abolish');
    expect(remap('userCodes.0.userCode')).toBe('currentUserCodes.0.userCode');
    expect(remap('userCodes.0.userIds')).toBe('currentUserCodes.0.userIds');
  });

  it('abolishing a 利用者コード sends every 識別番号 of it; added 識別番号 come first', () => {
    const v = start(['USER_CODE', 'IDENT_NO']);
    v.currentUserCodes[0]!.abolish = true;
    v.currentUserCodes[0]!.additions = [{ industries: ['CUSTOMS_BROKER'], processingMethod: 'INTERACTIVE', identCount: 1 }];
    const { input, remap } = toChangeInput(v);
    expect(input.userCodes?.[0]).toEqual({
      action: 'DELETE',
      userCode: '1NACA',
      userIds: [
        { action: 'ADD', industries: ['CUSTOMS_BROKER'], processingMethod: 'INTERACTIVE', identCount: 1 },
        { action: 'DELETE', identNo: '001' },
        { action: 'DELETE', identNo: '002' },
      ],
    });
    expect(remap('userCodes.0.userIds.0.processingMethod')).toBe('currentUserCodes.0.additions.0.processingMethod');
    expect(remap('userCodes.0.userIds.2.identNo')).toBe('currentUserCodes.0.userIds.1.abolish');
  });

  it('管理責任者: the whole person and the FAX list (packed), the rest of the office left out', () => {
    const v = start(['MANAGER']);
    v.office!.manager = { ...manager, phone: '0355550000' };
    v.office!.emergencyFaxes = [{ value: '' }, { value: '0311112222' }];
    const { input, remap } = toChangeInput(v);
    expect(input.office).toEqual({ manager: { ...manager, phone: '0355550000' }, emergencyFaxes: ['0311112222'] });
    expect(input.company).toBeUndefined();
    expect(remap('office.emergencyFaxes.0')).toBe('office.emergencyFaxes.1.value');
  });

  it('本社情報 alone sends the company name along (the server checks it with the company)', () => {
    const v = start(['HEAD_OFFICE']);
    v.company!.headOfficeSameAsOffice = false;
    v.company!.headOfficePhone = '0300000000';
    const { input } = toChangeInput(v);
    expect(input.company).toMatchObject({ name: 'ナックスシステム株式会社', headOfficeSameAsOffice: false, headOfficePhone: '0300000000' });
    expect(input.office).toBeUndefined();
  });
});

describe('toChangeInput: the items of issue 16 (利用業種, 一般NACCS回線, 管理統計資料, 保存サービス, その他の契約変更)', () => {
  it('管理統計資料: a code whose flags staff changed goes as a CHANGE row with its three flags; an unchanged code stays out', () => {
    const v = start(['STATISTICS']);
    expect(v.currentUserCodes[0]).toMatchObject({ statisticsPaid: false, registered: { statisticsPaid: false, statisticsFree: false, bondedRecordService: false } });
    expect(toChangeInput(v).input.userCodes).toEqual([]);
    v.currentUserCodes[0]!.statisticsPaid = true;
    const { input, remap } = toChangeInput(v);
    expect(input.userCodes).toEqual([{ action: 'CHANGE', userCode: '1NACA', statisticsPaid: true, statisticsFree: false, userIds: [] }]);
    expect(remap('userCodes.0.bondedRecordService')).toBe('currentUserCodes.0.bondedRecordService');
  });

  it('利用業種: 利用者ID added with their 業種 (the flags left to the server when their items are not ticked)', () => {
    const v = start(['INDUSTRY']);
    v.currentUserCodes[0]!.additions = [{ industries: ['BONDED_WAREHOUSE'], processingMethod: 'INTERACTIVE', identCount: 1 }];
    v.currentUserCodes[0]!.statisticsPaid = true; // not sent: 管理統計資料 is not ticked
    expect(toChangeInput(v).input.userCodes).toEqual([
      { action: 'CHANGE', userCode: '1NACA', userIds: [{ action: 'ADD', industries: ['BONDED_WAREHOUSE'], processingMethod: 'INTERACTIVE', identCount: 1 }] },
    ]);
  });

  it('一般NACCS回線: added lines first, then the changed current line with its id, then the abolished one; errors back on their rows', () => {
    const v = start(['GENERAL_LINE']);
    expect(v.currentLines.map((l) => [l.existingLineId, l.ipAddress, l.speed])).toEqual([['l1', '10.1.0.1', '1Mbps'], ['l2', '10.1.0.2', '光']]);
    v.lines = [{ systemCategory: 'AIR', connectionMethod: 'INTERACTIVE', lineType: 'LEASED', speed: '1Mbps', maintenance: 'H24_365', constructionDate: '2027-03-01', placeSameAsOffice: true }];
    Object.assign(v.currentLines[0]!, { change: true, speed: '3Mbps', constructionDate: '2027-03-01' });
    v.currentLines[1]!.abolish = true;
    v.constructionContact = { lastName: '船舶' };
    const { input, remap } = toChangeInput(v);
    expect(input.lines).toEqual([
      { systemCategory: 'AIR', connectionMethod: 'INTERACTIVE', lineType: 'LEASED', speed: '1Mbps', maintenance: 'H24_365', constructionDate: '2027-03-01', placeSameAsOffice: true },
      expect.objectContaining({ action: 'CHANGE', existingLineId: 'l1', speed: '3Mbps', constructionDate: '2027-03-01', lineType: 'LEASED' }),
      { action: 'DELETE', existingLineId: 'l2' },
    ]);
    expect(input.lines![1]).not.toHaveProperty('ipAddress');
    expect(input.constructionContact).toEqual({ lastName: '船舶' });
    expect(remap('lines.0.speed')).toBe('lines.0.speed');
    expect(remap('lines.1.constructionDate')).toBe('currentLines.0.constructionDate');
    expect(remap('lines.2.existingLineId')).toBe('currentLines.1.abolish');
  });

  it('その他の契約変更: 機器共用 with its office code; 共同利用 with the 委任状; nothing of it without a choice', () => {
    const v = start([]);
    v.equipmentSharingOfficeCode = 'NAC002';
    expect(toChangeInput(v).input).not.toHaveProperty('equipmentSharingOfficeCode');
    v.otherChange = 'EQUIPMENT_SHARING';
    expect(toChangeInput(v).input).toMatchObject({ otherChange: 'EQUIPMENT_SHARING', equipmentSharingOfficeCode: 'NAC002' });
    v.otherChange = 'JOINT_USE';
    v.attachments = [{ kind: 'POWER_OF_ATTORNEY', fileName: '委任状.pdf', contentType: 'application/pdf', contentBase64: 'JVBERg==' }];
    const { input } = toChangeInput(v);
    expect(input).toMatchObject({ otherChange: 'JOINT_USE', attachments: [{ kind: 'POWER_OF_ATTORNEY', fileName: '委任状.pdf' }] });
    expect(input).not.toHaveProperty('equipmentSharingOfficeCode');
  });
});

describe('profileChanges', () => {
  it('lists the overwritten fields of the ticked items with the server names, as typed', () => {
    const v = start(['MANAGER', 'PLAN']);
    const initial = start(['MANAGER', 'PLAN']);
    v.office!.manager = { ...manager, phone: '0355550000' };
    v.office!.name = '横浜支店'; // not a ticked item's field
    v.plan = 'B';
    expect(profileChanges(initial, v, v.changeItems)).toEqual([
      { path: 'office.manager.phone', field: 'officeProfile.manager.phone', before: '0355559999', after: '0355550000' },
      { path: 'plan', field: 'plan', before: 'A', after: 'B' },
    ]);
  });
});
