import { createHash } from 'node:crypto';
import { Address, Person } from '../../common/embeddables.js';
import { Billing, CompanyProfile, OfficeProfile } from '../../common/profiles.js';
import { RowAction } from '../../common/enums.js';
import { searchText } from '../../common/search.js';
import type { Application } from '../Application.js';
import {
  ApplicationLine, ApplicationMailbox, ApplicationTerminal, ApplicationUserCode, ApplicationUserId, Attachment,
} from '../sections.js';
import type {
  AddressInput, ApplicationSectionsInput, BillingInput, CompanyInput, LineInput, OfficeInput, PersonInput,
} from './inputs.js';

// Input (what NSS sends) → the application's stored sections. Trimmed strings; codes upper-cased.

const t = (s?: string | null): string | undefined => (s === undefined || s === null || s.trim() === '' ? undefined : s.trim());
const code = (s?: string | null): string | undefined => t(s)?.normalize('NFKC').toUpperCase();

export function toAddress(a?: AddressInput): Address | undefined {
  if (!a) return undefined;
  return Object.assign(new Address(), { postalCode: t(a.postalCode), prefecture: t(a.prefecture), address: t(a.address), addressKana: t(a.addressKana) });
}

export function toPerson(p?: PersonInput): Person | undefined {
  if (!p) return undefined;
  return Object.assign(new Person(), {
    lastName: t(p.lastName), firstName: t(p.firstName), lastNameKana: t(p.lastNameKana), firstNameKana: t(p.firstNameKana),
    department: t(p.department), title: t(p.title), phone: t(p.phone), fax: t(p.fax), email: t(p.email)?.toLowerCase(),
  });
}

/** The company section; `base` (the registered company) supplies what a change application leaves out. */
export function toCompanyProfile(c: CompanyInput | undefined, base?: CompanyProfile, office?: OfficeInput): CompanyProfile | undefined {
  if (!c) return base ? Object.assign(new CompanyProfile(), base) : undefined;
  const head = c.headOfficeSameAsOffice ? toAddress(office?.address) : toAddress(c.headOfficeAddress);
  return Object.assign(new CompanyProfile(), base ?? {}, definedOnly({
    name: t(c.name), nameKana: t(c.nameKana), nameEn: t(c.nameEn),
    headOfficeAddress: head, headOfficePhone: c.headOfficeSameAsOffice ? t(office?.phone) : t(c.headOfficePhone),
    headOfficeFax: c.headOfficeSameAsOffice ? t(office?.fax) : t(c.headOfficeFax),
  }));
}

export function toOfficeProfile(o: OfficeInput | undefined, applicant?: PersonInput, base?: OfficeProfile): OfficeProfile | undefined {
  if (!o) return base ? Object.assign(new OfficeProfile(), base) : undefined;
  return Object.assign(new OfficeProfile(), base ?? {}, definedOnly({
    name: t(o.name), nameKana: t(o.nameKana), address: toAddress(o.address), phone: t(o.phone), fax: t(o.fax),
    customsOffice: t(o.customsOffice), contractor: toPerson(o.contractor),
    manager: o.managerSameAsApplicant ? toPerson(applicant) : toPerson(o.manager),
    emergencyFaxes: o.emergencyFaxes?.map((f) => f.trim()),
  }));
}

export function toBilling(b: BillingInput | undefined, base?: Billing): Billing | undefined {
  if (!b) return base ? Object.assign(new Billing(), base) : undefined;
  return Object.assign(new Billing(), base ?? {}, definedOnly({
    consolidated: b.consolidated ?? false,
    consolidatedBillingCode: b.consolidated ? t(b.consolidatedBillingCode) : undefined,
    consolidatedOfficeCode: b.consolidated ? code(b.consolidatedOfficeCode) : undefined,
    companyName: t(b.companyName), officeName: t(b.officeName), addressSameAsOffice: b.addressSameAsOffice ?? true,
    address: b.addressSameAsOffice === false ? toAddress(b.address) : undefined, contact: toPerson(b.contact),
    emails: b.emails?.map((e) => e.trim().toLowerCase()), paymentMethod: b.paymentMethod, sameAccount: b.sameAccount ?? false,
    sameAccountCode: b.sameAccount ? code(b.sameAccountCode) : undefined, bankName: t(b.bankName),
  }));
}

function linePlace(l: LineInput, movedTo?: AddressInput): Address | undefined {
  if (l.placeSameAsOffice === false) return toAddress(l.place);
  return l.action === RowAction.CHANGE && movedTo ? toAddress(movedTo) : undefined;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Replaces the application's child rows (利用者コード, 論理端末, 回線, メールボックス, 添付) from the input. `movedTo`: the
 * office's new address in a 移転 — a changed line that stands at the office's address is recorded at that place.
 */
export function setSections(app: Application, input: ApplicationSectionsInput, movedTo?: AddressInput): void {
  app.userCodes.removeAll();
  app.terminals.removeAll();
  app.lines.removeAll();
  app.mailboxes.removeAll();
  (input.userCodes ?? []).forEach((uc, i) => {
    const row = Object.assign(new ApplicationUserCode(), {
      application: app, action: uc.action ?? RowAction.ADD, userCode: code(uc.userCode), shared: uc.shared ?? false,
      systemCategory: uc.systemCategory, singleSignOn: uc.singleSignOn ?? false, statisticsPaid: uc.statisticsPaid ?? false,
      statisticsFree: uc.statisticsFree ?? false, bondedRecordService: uc.bondedRecordService ?? false, position: i,
    });
    (uc.userIds ?? []).forEach((u, j) =>
      row.userIds.add(Object.assign(new ApplicationUserId(), {
        userCode: row, action: u.action ?? RowAction.ADD, industries: u.industries ?? [], processingMethod: u.processingMethod,
        identCount: (u.action ?? RowAction.ADD) === RowAction.ADD ? u.identCount : undefined, identNo: code(u.identNo), position: j,
      })),
    );
    app.userCodes.add(row);
  });
  for (const term of input.terminals ?? []) {
    app.terminals.add(Object.assign(new ApplicationTerminal(), {
      application: app, action: term.action ?? RowAction.ADD, terminalType: term.terminalType, systemCategory: term.systemCategory,
      count: term.count, lineNo: term.lineNo, terminalName: code(term.terminalName), newSystemCategory: term.newSystemCategory,
    }));
  }
  (input.lines ?? []).forEach((l, i) => {
    app.lines.add(Object.assign(new ApplicationLine(), {
      application: app, action: l.action ?? RowAction.ADD, lineNo: i + 1, existingLineId: t(l.existingLineId),
      systemCategory: l.systemCategory, connectionMethod: l.connectionMethod, edifact: l.edifact ?? false, lineType: l.lineType,
      speed: t(l.speed), indoorWiring: l.indoorWiring, maintenance: l.maintenance, redundancy: l.redundancy ?? false,
      // Seed 001: "冗長化を選択する場合は、Ping監視が付帯されます".
      spareRouter: l.spareRouter ?? false, pingMonitoring: (l.redundancy || l.pingMonitoring) ?? false, constructionDate: t(l.constructionDate),
      placeSameAsOffice: l.placeSameAsOffice ?? true, place: linePlace(l, movedTo),
      shared: l.shared ?? false,
    }));
  });
  for (const m of input.mailboxes ?? []) {
    app.mailboxes.add(Object.assign(new ApplicationMailbox(), {
      application: app, action: m.action ?? RowAction.ADD, mailboxType: m.mailboxType, count: m.count, mailboxId: code(m.mailboxId),
    }));
  }
  // A resubmission sends its attachments again: the same content is the same stored file (one row per content and
  // application, which the database guards: attachment_application_sha256_unique).
  const stored = new Set(app.attachments.getItems().map((a) => a.sha256));
  for (const a of input.attachments ?? []) {
    const content = Buffer.from(a.contentBase64!, 'base64');
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (stored.has(sha256)) continue;
    stored.add(sha256);
    app.attachments.add(Object.assign(new Attachment(), {
      application: app, kind: a.kind, fileName: a.fileName!.trim(), contentType: a.contentType, size: content.length, sha256, content,
    }));
  }
}

/** Common application fields from the input. */
export function setApplicant(app: Application, input: ApplicationSectionsInput): void {
  app.applicant = toPerson(input.applicant) ?? new Person();
  app.reason = t(input.reason);
  app.remarks = t(input.remarks);
  app.desiredStartDate = t(input.desiredStartDate);
  app.noLineRequired = input.noLineRequired ?? false;
  app.equipmentSharingOfficeCode = code(input.equipmentSharingOfficeCode);
  app.constructionContact = toPerson(input.constructionContact);
  app.constructionAttendee = toPerson(input.constructionAttendee);
  app.constructionNotes = t(input.constructionNotes);
  app.plan = input.plan;
}

/** The application's search column: receipt number, codes, company/office names and kana, applicant. */
export function applicationSearchText(app: Application, officeCode?: string, company?: CompanyProfile, office?: OfficeProfile): string {
  return searchText([
    app.receiptNo, officeCode, company?.name, company?.nameKana, office?.name, office?.nameKana, app.applicantCompanyName,
    app.applicantCompanyNameKana, app.applicant.lastName, app.applicant.firstName, app.applicant.lastNameKana, app.applicant.firstNameKana,
  ]);
}
