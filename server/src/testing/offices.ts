// Offices with a contract, built through the product's own services like given.ts: a new application submitted by
// the NSS portal (IntakeService) and approved by a reviewer (ReviewService), which issues the identifiers
// (IssuanceService) and the digital certificates; change applications the same way. An office "already in service"
// is approved on a clock set over a year back, so its start date has come. What an approval issued is read back from
// its ID通知内容 (IdNoticeService): tests use those values, never literal identifiers.
import { randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { clockFrom, type Clock } from '../common/clock.js';
import { todayInJapan } from '../common/dates.js';
import {
  ChangeItem, Connection, Industry, MailboxType, Plan, ProcessingMethod, Role, SystemCategory, TerminalType,
} from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { IntakeService } from '../applications/intake/IntakeService.js';
import type { ChangeApplicationInput, NewApplicationInput } from '../applications/intake/inputs.js';
import { applicantKonsai, createStaff, nacSystemApplication } from '../applications/intake/fixtures.js';
import { IdNoticeService } from '../issuance/IdNoticeService.js';
import { ReviewService } from '../review/ReviewService.js';
import type { Actor } from '../review/history.js';
import { Staff } from '../staff/Staff.js';
import { TEST_SECRET_KEY } from './constants.js';

/** A 論理端末 an approval issued; its 認証コード1–3 when the ID通知内容 was read with them. */
export interface IssuedTerminal {
  name: string;
  type: TerminalType;
  authCodes?: { authCode1: string; authCode2: string; authCode3: string };
}

/** What one approval issued, from its ID通知内容. */
export interface Issued {
  applicationId: string;
  receiptNo: string;
  officeCode: string;
  abbreviation: string;
  startDate: string;
  userIds: Array<{ userCode: string; identNo: string }>;
  terminals: IssuedTerminal[];
  mailboxIds: string[];
}

/** An office in service and what its approvals issued (identifiers in issue order). */
export interface GivenOffice {
  code: string;
  abbreviation: string;
  /** The new application that opened it. */
  applicationId: string;
  startDate: string;
  userIds: Array<{ userCode: string; identNo: string }>;
  terminals: IssuedTerminal[];
  mailboxIds: string[];
}

export interface ApprovalSpec {
  /** The clock the submission and approval run on; default: over a year before the target's now (ticking). */
  at?: Clock;
  /** The start date the approval fixes; default 20 business days after `at`'s today. */
  startDate?: string;
  /** Read the ID通知内容 with its passwords and 認証コード shown (a reveal, recorded like a reviewer's). */
  authCodes?: boolean;
}

const PORTAL: Actor = { name: 'NSS (テスト)', role: Role.INTEGRATOR };
const DAY = 86_400_000;
/** How long ago an office "already in service" was approved: its start date, パスワード参照期間 and 取得期限 are past. */
const IN_SERVICE_DAYS = 400;

/** Staff the builders act as, per database: found (demo data) or, on an empty database, made once. */
const staffByDatabase = new WeakMap<MikroORM, Map<string, Promise<Actor>>>();

/** A staff member as an actor: `email` with `role`, made with a random password when the database has none. */
export function staffActor(orm: MikroORM, email: string, role: Role): Promise<Actor> {
  const known = staffByDatabase.get(orm) ?? new Map<string, Promise<Actor>>();
  staffByDatabase.set(orm, known);
  let actor = known.get(email);
  if (!actor) {
    actor = (async () => {
      const em = orm.em.fork();
      const staff = (await em.findOne(Staff, { email })) ?? (await createStaff(em, email, [role], randomBytes(12).toString('hex')));
      return { staff, name: staff.name, role: staff.roles[0]! };
    })();
    known.set(email, actor);
  }
  return actor;
}

/** Builders of offices and approvals on a database and the clock its tests run on. */
export function givenOffices(target: { orm: MikroORM; clock: Clock }) {
  const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
  const em = (): EntityManager => target.orm.em.fork();
  const reviewer = () => staffActor(target.orm, 'reviewer@example.jp', Role.REVIEWER);
  /** A clock over a year back that keeps ticking with the target's. */
  const inService = (): Clock => clockFrom(new Date(target.clock.now().getTime() - IN_SERVICE_DAYS * DAY), target.clock);
  const startOf = (at: Clock, spec: ApprovalSpec) => spec.startDate ?? addBusinessDays(todayInJapan(at.now()), 20);

  /** The ID通知内容 of an approved application, as the reviewer reads it at `at`. */
  async function issued(applicationId: string, at: Clock, reveal: boolean): Promise<Issued> {
    const notice = await new IdNoticeService(em(), box, at).read(applicationId, [Role.REVIEWER], await reviewer(), reveal);
    return {
      applicationId,
      receiptNo: notice.application.receiptNo,
      officeCode: notice.office.code!,
      abbreviation: notice.office.company.abbreviation!,
      startDate: notice.application.startDate!,
      userIds: notice.userIds.map((u) => ({ userCode: u.code.code, identNo: u.id.identNo })),
      terminals: notice.terminals.map((t) => {
        const codes = notice.certificates.get(t.id);
        const authCodes = reveal && codes?.authCode2.readable
          ? { authCode1: codes.authCode1, authCode2: codes.authCode2.value, authCode3: codes.authCode3.value }
          : undefined;
        return { name: t.name, type: t.type, authCodes };
      }),
      mailboxIds: notice.mailboxes.map((m) => m.mailbox.mailboxId),
    };
  }

  /** Assigned to the reviewer and approved with its start date, at `at`. */
  async function approve(applicationId: string, version: number, at: Clock, spec: ApprovalSpec): Promise<Issued> {
    const review = () => new ReviewService(em(), box, at);
    const actor = await reviewer();
    const assigned = await review().assign(applicationId, version, actor);
    await review().approve(applicationId, startOf(at, spec), assigned.version, actor);
    return issued(applicationId, at, spec.authCodes ?? false);
  }

  /** A new application as the NSS portal submits it (its own provisional account), approved. */
  async function approveNew(input: NewApplicationInput, spec: ApprovalSpec = {}): Promise<Issued> {
    const at = spec.at ?? inService();
    const intake = () => new IntakeService(em(), box, at);
    const account = await intake().registerProvisionalAccount({ companyName: input.company!.name, companyNameKana: input.company!.nameKana, applicant: input.applicant });
    const app = await intake().submitNew(account.loginId, account.password, input, PORTAL);
    return approve(app.id, app.version, at, spec);
  }

  /** A change application for an office in service, submitted by the portal and approved. */
  async function approveChange(officeCode: string, input: ChangeApplicationInput, spec: ApprovalSpec = {}): Promise<Issued> {
    const at = spec.at ?? inService();
    const app = await new IntakeService(em(), box, at).submitChange(officeCode, input, PORTAL);
    return approve(app.id, app.version, at, spec);
  }

  /**
   * Seed 001's ナックスシステム株式会社 in service as seeds 002–004 find it: opened on netNACCS with a 利用者コード of two
   * 識別番号 (seed 004 abolishes one) and a netNACCS terminal (seed 003 adds more), then an SMTP/POP3 mailbox added by
   * a change application (seed 002 adds another; a new netNACCS application has none).
   */
  async function nacSystem(spec: ApprovalSpec = {}): Promise<GivenOffice> {
    const at = spec.at ?? inService();
    const input = nacSystemApplication(addBusinessDays(todayInJapan(at.now()), 20));
    Object.assign(input, { connection: Connection.NET, lines: undefined, constructionContact: undefined, constructionAttendee: undefined, attachments: undefined });
    input.userCodes = [{ systemCategory: SystemCategory.SEA, singleSignOn: false, statisticsPaid: false, statisticsFree: true,
      userIds: [{ industries: [Industry.CUSTOMS_BROKER], processingMethod: ProcessingMethod.INTERACTIVE, identCount: 2 }] }];
    input.terminals = [{ terminalType: TerminalType.NET, systemCategory: SystemCategory.SEA, count: 1 }];
    const opened = await approveNew(input, { ...spec, at });
    const mailbox = await approveChange(opened.officeCode, {
      changeItems: [ChangeItem.MAILBOX], applicant: applicantKonsai, reason: 'メールボックス追加のため', desiredStartDate: opened.startDate,
      mailboxes: [{ mailboxType: MailboxType.SMTP_POP3, count: 1 }],
    }, { at, startDate: opened.startDate });
    return { ...office(opened), mailboxIds: mailbox.mailboxIds };
  }

  /**
   * Seed 000's Cyber Port side: サイバーポート株式会社 in service, the owner of the 利用者コード other offices share
   * (`sharedUserCode`); 一般NACCS on its own system (no lines, no terminals), one SMTP/POP3 mailbox.
   */
  async function cyberPort(spec: ApprovalSpec = {}): Promise<GivenOffice & { sharedUserCode: string }> {
    const at = spec.at ?? inService();
    const input: NewApplicationInput = {
      ...nacSystemApplication(addBusinessDays(todayInJapan(at.now()), 20)), reason: 'サイバーポート利用者との共用のため',
      lines: [], terminals: [], attachments: [], constructionContact: undefined, constructionAttendee: undefined, noLineRequired: true, plan: Plan.B,
      company: { name: 'サイバーポート株式会社', nameKana: 'サイバーポートカブシキガイシャ', nameEn: 'CYBER PORT CO.,LTD.', headOfficeSameAsOffice: true },
      userCodes: [{ systemCategory: SystemCategory.SEA, userIds: [{ industries: [Industry.CUSTOMS_BROKER], processingMethod: ProcessingMethod.INTERACTIVE, identCount: 1 }] }],
      mailboxes: [{ mailboxType: MailboxType.SMTP_POP3, count: 1 }],
    };
    const opened = await approveNew(input, { ...spec, at });
    return { ...office(opened), sharedUserCode: opened.userIds[0]!.userCode };
  }

  /** 確認事項あり: the reviewer takes the application (when still 受付) and returns it with `message`; its new version. */
  async function returnForCorrection(applicationId: string, version: number, message: string): Promise<number> {
    const review = () => new ReviewService(em(), box, target.clock);
    const actor = await reviewer();
    const assigned = await review().assign(applicationId, version, actor);
    return (await review().returnForCorrection(applicationId, message, assigned.version, actor)).version;
  }

  return { approveNew, approveChange, nacSystem, cyberPort, returnForCorrection };
}

const office = (opened: Issued): GivenOffice => ({
  code: opened.officeCode, abbreviation: opened.abbreviation, applicationId: opened.applicationId, startDate: opened.startDate,
  userIds: opened.userIds, terminals: opened.terminals, mailboxIds: opened.mailboxIds,
});
