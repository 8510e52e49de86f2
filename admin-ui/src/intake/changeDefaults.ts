import type { ChangeItem } from '../labels';
import type { Address, Person } from '../types';
import type { ChangeFormValues, OfficeForChange } from './changeTypes';

const live = (today: string) => (row: { endDate?: string | null }) => !row.endDate || row.endDate > today;

const person = (p?: Person | null): Person => {
  const { lastName, firstName, lastNameKana, firstNameKana, department, title, phone, fax, email } = p ?? {};
  return { lastName, firstName, lastNameKana, firstNameKana, department, title, phone, fax, email };
};

const address = (a?: Address | null): Address => {
  const { postalCode, prefecture, address: line, addressKana } = a ?? {};
  return { postalCode, prefecture, address: line, addressKana };
};

/** The 申込担当者 of the office's latest application, for staff to overwrite (NSS shows the last one). */
export const lastApplicant = (office: OfficeForChange) => {
  const applicant = office.applications?.[0]?.applicant;
  return applicant ? { ...person(applicant), emailConfirmation: applicant.email } : {};
};

/** A 利用者コード's 管理統計資料 / 保税管理資料保存サービス as registered. */
const flags = (uc: { statisticsPaid?: boolean | null; statisticsFree?: boolean | null; bondedRecordService?: boolean | null }) => ({
  statisticsPaid: uc.statisticsPaid ?? false,
  statisticsFree: uc.statisticsFree ?? false,
  bondedRecordService: uc.bondedRecordService ?? false,
});

/** Same text, ignoring how an absent value is spelled (null, undefined, ''). */
const same = (a?: string | null, b?: string | null) => (a ?? '') === (b ?? '');

const sameAddress = (a?: Address | null, b?: Address | null) =>
  !!a && !!b && same(a.postalCode, b.postalCode) && same(a.prefecture, b.prefecture) && same(a.address, b.address);

/**
 * The 変更申込 form of an office as its current contract stands (the rows still in force today, abolished ones
 * left out), nothing marked for change; the 申込担当者 of its latest application to overwrite; `items` ticked
 * from the start (利用者ID廃止 starts with 識別番号).
 */
export const changeDefaults = (office: OfficeForChange, today: string, items: ChangeItem[] = []): ChangeFormValues => {
  const company = office.company.profile;
  const profile = office.profile;
  const billing = office.billing ?? {};
  const headOfficeSameAsOffice =
    !company.headOfficeAddress || (sameAddress(company.headOfficeAddress, profile.address) && same(company.headOfficePhone, profile.phone));
  return {
    officeCode: office.code ?? '',
    changeItems: items,
    applicant: lastApplicant(office),
    reason: '',
    desiredStartDate: null,
    remarks: '',
    company: {
      name: company.name,
      nameKana: company.nameKana,
      nameEn: company.nameEn,
      headOfficeSameAsOffice,
      headOfficeAddress: address(company.headOfficeAddress),
      headOfficePhone: company.headOfficePhone,
      headOfficeFax: company.headOfficeFax,
    },
    office: {
      name: profile.name,
      nameKana: profile.nameKana,
      address: address(profile.address),
      phone: profile.phone,
      fax: profile.fax,
      customsOffice: profile.customsOffice,
      contractor: person(profile.contractor),
      managerSameAsApplicant: false,
      manager: person(profile.manager),
      emergencyFaxes: (profile.emergencyFaxes?.length ? profile.emergencyFaxes : ['']).map((value) => ({ value })),
    },
    plan: office.plan ?? null,
    billing: {
      consolidated: billing.consolidated ?? false,
      consolidatedBillingCode: billing.consolidatedBillingCode,
      consolidatedOfficeCode: billing.consolidatedOfficeCode,
      companyName: billing.companyName,
      officeName: billing.officeName,
      addressSameAsOffice: billing.addressSameAsOffice ?? true,
      address: address(billing.address),
      contact: person(billing.contact),
      emails: (billing.emails?.length ? billing.emails : ['']).map((value) => ({ value })),
      paymentMethod: billing.paymentMethod ?? null,
      sameAccount: billing.sameAccount ?? false,
      sameAccountCode: billing.sameAccountCode,
      bankName: billing.bankName,
    },
    currentUserCodes: (office.userCodes ?? [])
      .filter(live(today))
      .map((uc) => ({
        userCode: uc.code ?? '',
        systemCategory: uc.systemCategory,
        shared: uc.shared,
        abolish: false,
        userIds: uc.userIds.filter(live(today)).map((u) => ({ identNo: u.identNo ?? '', userId: u.userId, abolish: false })),
        additions: [],
        ...flags(uc),
        registered: flags(uc),
      })),
    terminals: [],
    currentTerminals: (office.terminals ?? [])
      .filter(live(today))
      .map((t) => ({ terminalName: t.name ?? '', terminalType: t.type, systemCategory: t.systemCategory, abolish: false })),
    mailboxes: [],
    currentMailboxes: (office.mailboxes ?? [])
      .filter(live(today))
      .map((m) => ({ mailboxId: m.mailboxId ?? '', mailboxType: m.type, abolish: false })),
    lines: [],
    currentLines: (office.lines ?? []).filter(live(today)).map((l) => ({
      existingLineId: l.id,
      ipAddress: l.ipAddress,
      systemCategory: l.systemCategory,
      connectionMethod: l.connectionMethod,
      lineType: l.lineType,
      speed: l.speed,
      indoorWiring: l.indoorWiring,
      maintenance: l.maintenance,
      redundancy: l.redundancy ?? false,
      spareRouter: l.spareRouter ?? false,
      pingMonitoring: l.pingMonitoring ?? false,
      constructionDate: null,
      placeSameAsOffice: !l.place || sameAddress(l.place, profile.address),
      place: address(l.place),
      change: false,
      abolish: false,
    })),
    constructionContact: {},
    constructionAttendee: {},
    constructionNotes: '',
    otherChange: null,
    equipmentSharingOfficeCode: '',
    transferTargetOfficeCode: '',
    attachments: [],
  };
};
