import { randomInt } from 'node:crypto';
import type { Clock } from '../../common/clock.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ApplicationKind, ApplicationStatus, ChangeItem, Connection, HistoryAction, Industry, NoticeCategory, OfficeStatus, OtherChange,
  ProcessingMethod, RowAction, TerminalType,
} from '../../common/enums.js';
import { DomainError, ErrorCode, badInput, notFound, type FieldError } from '../../common/errors.js';
import { japaneseDate, todayInJapan } from '../../common/dates.js';
import { diffFlat, flatten } from '../../common/flatten.js';
import { fullName } from '../../common/embeddables.js';
import { issuePassword, type SecretBox } from '../../common/secrets.js';
import { hashPassword, verifyPassword } from '../../staff/password.js';
import { Company } from '../../companies/Company.js';
import { Office } from '../../companies/Office.js';
import { Line, Mailbox, Terminal, UserCode, UserId } from '../../issuance/contract.js';
import { usesUserCode } from '../../issuance/contractAsOf.js';
import { enqueueMail } from '../../notifications/outbox.js';
import { NOTICE_TEXT, addNotice } from '../../notifications/notices.js';
import { applicationRecipients, applicationVariables } from '../../notifications/variables.js';
import { recordHistory, type Actor } from '../../review/history.js';
import { lockForTransition } from '../../review/workflow.js';
import { searchText } from '../../common/search.js';
import { Application } from '../Application.js';
import { ProvisionalAccount } from '../ProvisionalAccount.js';
import { ApplicationChange } from '../sections.js';
import type { ChangeApplicationInput, CustomsOfficerApplicationInput, NewApplicationInput, ProvisionalAccountInput } from './inputs.js';
import {
  applicationSearchText, setApplicant, setSections, toBilling, toCompanyProfile, toOfficeProfile, toPerson,
} from './mapping.js';
import {
  normalizeChangeApplication, normalizeCustomsOfficerApplication, normalizeNewApplication, normalizeProvisionalAccount,
} from './normalize.js';
import {
  ITEM_LABEL, bondedRecordProblems, validateChangeApplication, validateCustomsOfficerApplication, validateNewApplication,
  validateProvisionalAccount,
} from './validation.js';
import { countChanges, liveOn as live } from './rowCounts.js';

export const PROVISIONAL_ACCOUNT_HOURS = 48;

/** Which 変更申込 item a changed field of the office belongs to (for 変更前/変更後). */
function itemOfField(field: string): ChangeItem {
  if (field.startsWith('companyProfile.headOffice')) return ChangeItem.HEAD_OFFICE;
  if (field.startsWith('officeProfile.contractor')) return ChangeItem.CONTRACTOR;
  if (field.startsWith('officeProfile.manager') || field.startsWith('officeProfile.emergencyFaxes')) return ChangeItem.MANAGER;
  if (field.startsWith('billing.contact') || field.startsWith('billing.emails')) return ChangeItem.BILLING_CONTACT;
  if (/^billing\.(paymentMethod|sameAccount|bankName)/.test(field)) return ChangeItem.PAYMENT_METHOD;
  if (field.startsWith('billing')) return ChangeItem.BILLING_ADDRESS;
  if (field === 'plan') return ChangeItem.PLAN;
  return ChangeItem.COMPANY_OFFICE;
}

/** A company name compared as typed: spaces of either width do not make another company. */
const compact = (name?: string | null): string => (name ?? '').replace(/[\s\u3000]/g, '');

const addressKey = (a?: { postalCode?: string | null; prefecture?: string | null; address?: string | null }): string =>
  [a?.postalCode, a?.prefecture, a?.address].map((x) => compact(x)).join('|');

/** 移転: the change application gives the office an address other than its registered one. */
const movesOffice = (office: Office, input: ChangeApplicationInput): boolean =>
  !!input.office?.address && addressKey(input.office.address) !== addressKey(office.profile.address);

/** One company: the same row, or (an office opened before 事業所追加 kept the company) the same registered name. */
const sameCompany = (a: Company, b: Company): boolean => a.id === b.id || compact(a.profile.name) === compact(b.profile.name);

/**
 * Seed 000: "同一事業所の利用者コードは一度に複数の申込が可能です。ただし、複数の事業所の利用者コードを一度に申込を
 * することはできません" — every code an application shares from another office must belong to one office.
 */
class SharedCodeOwners {
  private first?: { office: Office; code: string };

  constructor(private readonly errors: FieldError[]) {}

  add(path: string, code: UserCode): void {
    if (!this.first) {
      this.first = { office: code.office, code: code.code };
      return;
    }
    if (code.office.id === this.first.office.id) return;
    this.errors.push({
      path,
      message: `複数の事業所の利用者コードを一度に申し込むことはできません (利用者コード ${code.code} は ${this.first.code} と別の事業所 (${code.office.code}) のコードです)。事業所ごとに申込してください。`,
    });
  }
}

/** Intake of applications from NSS (and from staff taking one by phone or paper). */
export class IntakeService {
  constructor(private readonly em: EntityManager, private readonly secrets: SecretBox, private readonly clock: Clock) {}

  /** 仮アカウント申込: returns 仮ログインID and 仮パスワード once; the mail goes to the outbox in the same transaction. */
  async registerProvisionalAccount(typed: ProvisionalAccountInput): Promise<{ loginId: string; password: string; expiresAt: Date }> {
    const input = normalizeProvisionalAccount(typed);
    const errors = validateProvisionalAccount(input);
    if (errors.length) throw badInput(errors);
    const password = issuePassword();
    const passwordHash = await hashPassword(password);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PROVISIONAL_ACCOUNT_HOURS * 3600_000);
    for (let attempt = 0; ; attempt++) {
      const loginId = String(randomInt(1, 10_000_000)).padStart(7, '0');
      try {
        await this.em.transactional(async (em) => {
          const account = Object.assign(new ProvisionalAccount(), {
            loginId, passwordHash, companyName: input.companyName!.trim(), companyNameKana: input.companyNameKana!.trim(),
            applicant: toPerson(input.applicant), createdAt: now, expiresAt,
          });
          em.persist(account);
          enqueueMail(em, this.secrets, {
            key: 'provisional-account-registered',
            recipients: [account.applicant.email!],
            variables: {
              companyName: account.companyName, department: account.applicant.department, recipientName: fullName(account.applicant),
              loginId, expiresAt: `${japaneseDate(expiresAt)} ${expiresAt.toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' })}`,
            },
            secrets: { password },
          });
        });
        return { loginId, password, expiresAt };
      } catch (e) {
        // A 仮ログインID collision (UNIQUE) retries with another number.
        if (attempt < 5 && String((e as Error).message).includes('provisional_account_login_id_unique')) continue;
        throw e;
      }
    }
  }

  /** The provisional account an application is registered with: known, password right, not expired, unused. */
  private async provisionalAccount(loginId: string, password: string | undefined, em: EntityManager): Promise<ProvisionalAccount> {
    const account = await em.findOne(ProvisionalAccount, { loginId: loginId.trim() });
    const wrong = () => new DomainError(ErrorCode.UNAUTHENTICATED, '仮ログインIDまたは仮パスワードが正しくありません。');
    if (!account) throw wrong();
    if (password !== undefined && !(await verifyPassword(account.passwordHash, password))) throw wrong();
    if (account.usedAt) throw badInput([{ path: 'provisionalLoginId', message: 'この仮ログインIDは既に利用申込に使用されています。' }]);
    if (account.expiresAt <= this.clock.now()) {
      throw badInput([{ path: 'provisionalLoginId', message: '仮ログインIDの有効期限 (48時間) が過ぎています。再度、仮アカウントの登録を行ってください。' }]);
    }
    return account;
  }

  /** Existence checks of codes a new application names (shared 利用者コード, 機器共用先, 一括請求先). */
  private async checkNewReferences(input: NewApplicationInput, em: EntityManager, today: string): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const owners = new SharedCodeOwners(errors);
    for (const [i, uc] of (input.userCodes ?? []).entries()) {
      if (!uc.shared || !uc.userCode) continue;
      const found = await em.findOne(UserCode, { code: uc.userCode.trim().toUpperCase(), ...live(today) }, { populate: ['office'] });
      if (!found) errors.push({ path: `userCodes.${i}.userCode`, message: `利用者コード ${uc.userCode} は存在しないか、廃止されています。` });
      else owners.add(`userCodes.${i}.userCode`, found);
    }
    const sharing = await this.checkOfficeCode(em, errors, 'equipmentSharingOfficeCode', '機器共用先 事業所コード', input.equipmentSharingOfficeCode);
    // Seed 000: 機器共用は同一企業内でのみ可能. A new application's company is the one it names.
    if (sharing && compact(sharing.company.profile.name) !== compact(input.company?.name)) {
      errors.push({ path: 'equipmentSharingOfficeCode', message: `機器共用は同一企業内でのみ可能です。機器共用先 事業所コード ${sharing.code} は ${sharing.company.profile.name ?? '他企業'} の事業所です。` });
    }
    await this.checkBillingReferences(em, errors, input.billing);
    return errors;
  }

  /**
   * 事業所追加申込 (seed 001 "新規申込・事業所追加申込"): a new office of a company already under contract names it by
   * its 企業略称 (company.abbreviation); the office joins that company and gets its next 事業所コード on approval.
   */
  private async existingCompany(em: EntityManager, errors: FieldError[], input: NewApplicationInput['company']): Promise<Company | undefined> {
    const abbreviation = input?.abbreviation?.normalize('NFKC').trim().toUpperCase();
    if (!abbreviation) return undefined;
    const path = 'company.abbreviation';
    if (!/^[A-Z]{3}$/.test(abbreviation)) {
      errors.push({ path, message: '企業略称は英大文字3桁で入力してください (事業所追加申込の場合のみ)。' });
      return undefined;
    }
    const company = await em.findOne(Company, { abbreviation });
    if (!company) errors.push({ path, message: `企業略称 ${abbreviation} の企業は登録されていません。新規の企業の場合は空欄にしてください。` });
    else if (compact(company.profile.name) !== compact(input?.name)) {
      errors.push({ path, message: `企業略称 ${abbreviation} は「${company.profile.name ?? ''}」の略称です。企業名と企業略称が一致しません。` });
    }
    return company ?? undefined;
  }

  private async checkOfficeCode(em: EntityManager, errors: FieldError[], path: string, label: string, code?: string): Promise<Office | undefined> {
    if (!code?.trim()) return undefined;
    const office = await em.findOne(Office, { code: code.trim().toUpperCase(), status: OfficeStatus.ACTIVE }, { populate: ['company'] });
    if (!office) errors.push({ path, message: `${label} ${code} の事業所は存在しないか、利用中ではありません。` });
    return office ?? undefined;
  }

  private async checkBillingReferences(em: EntityManager, errors: FieldError[], billing: NewApplicationInput['billing']): Promise<void> {
    if (!billing) return;
    if (billing.consolidated) {
      await this.checkOfficeCode(em, errors, 'billing.consolidatedOfficeCode', '一括請求先の事業所コード', billing.consolidatedOfficeCode);
      if (billing.consolidatedBillingCode && !(await em.count(Office, { billingCode: billing.consolidatedBillingCode.trim() }))) {
        errors.push({ path: 'billing.consolidatedBillingCode', message: `請求先コード ${billing.consolidatedBillingCode} は登録されていません。` });
      }
    }
    if (billing.sameAccount && billing.sameAccountCode) {
      const c = billing.sameAccountCode.trim().toUpperCase();
      if (!(await em.count(Office, { $or: [{ billingCode: c }, { code: c }] }))) {
        errors.push({ path: 'billing.sameAccountCode', message: `同一口座振替のコード ${c} は登録されていません。` });
      }
    }
  }

  /** 新規利用申込 with a provisional account: company, office (仮), application, history, outbox mail — one transaction. */
  async submitNew(provisionalLoginId: string, provisionalPassword: string | undefined, typed: NewApplicationInput, actor: Actor): Promise<Application> {
    const input = normalizeNewApplication(typed);
    const today = todayInJapan(this.clock.now());
    const errors = validateNewApplication(input, today);
    if (errors.length) throw badInput(errors);
    return this.em.transactional(async (em) => {
      const account = await this.provisionalAccount(provisionalLoginId, provisionalPassword, em);
      const refErrors = await this.checkNewReferences(input, em, today);
      const existing = await this.existingCompany(em, refErrors, input.company);
      if (refErrors.length) throw badInput(refErrors);
      const company = existing ?? Object.assign(new Company(), { profile: toCompanyProfile(input.company, undefined, input.office)! });
      const office = Object.assign(new Office(), {
        company, status: OfficeStatus.PENDING, profile: toOfficeProfile(input.office, input.applicant)!,
        usesNet: input.connection === Connection.NET, usesGeneral: input.connection === Connection.GENERAL,
        plan: input.plan, billing: toBilling(input.billing)!,
      });
      office.searchText = searchText([company.profile.name, company.profile.nameKana, office.profile.name, office.profile.nameKana]);
      const app = Object.assign(new Application(), {
        kind: ApplicationKind.NEW, connection: input.connection, office, provisionalAccount: account,
        applicantCompanyName: account.companyName, applicantCompanyNameKana: account.companyNameKana,
        companyProfile: company.profile, officeProfile: office.profile, billing: office.billing, receivedAt: this.clock.now(),
      });
      setApplicant(app, input);
      setSections(app, input);
      account.usedAt = this.clock.now();
      em.persist([company, office, app]);
      return this.register(em, app, actor, company.profile.name);
    });
  }

  /** The office a change or 通関士 application is for: it must be in service. */
  private async officeInService(em: EntityManager, officeCode: string): Promise<Office> {
    const office = await em.findOne(Office, { code: officeCode.trim().toUpperCase() }, { populate: ['company'] });
    if (!office) throw notFound(`事業所コード ${officeCode} の事業所`);
    if (office.status !== OfficeStatus.ACTIVE) {
      throw badInput([{ path: 'officeCode', message: `事業所コード ${office.code} の事業所は利用中ではないため変更申込はできません。` }]);
    }
    return office;
  }

  /**
   * 変更(通関士) (NSS 「通関士IDの追加」): one 通関士ID per 通関士 added to a 通関業 利用者コード of the office. It is held
   * as a change of that code adding 通関業 利用者ID, so the approval issues them like any 識別番号 (IssuanceService).
   */
  async submitCustomsOfficer(officeCode: string, typed: CustomsOfficerApplicationInput, actor: Actor): Promise<Application> {
    const input = normalizeCustomsOfficerApplication(typed);
    const today = todayInJapan(this.clock.now());
    const errors = validateCustomsOfficerApplication(input, today);
    if (errors.length) throw badInput(errors);
    return this.em.transactional(async (em) => {
      const office = await this.officeInService(em, officeCode);
      const rows = await this.customsOfficerRows(office, input, em, today);
      const app = Object.assign(new Application(), {
        kind: ApplicationKind.CUSTOMS_OFFICER, office,
        applicantCompanyName: office.company.profile.name, applicantCompanyNameKana: office.company.profile.nameKana,
        // The office's data as registered (the mails' addressees); the approval finds nothing of it changed.
        companyProfile: toCompanyProfile(undefined, office.company.profile), officeProfile: toOfficeProfile(undefined, undefined, office.profile),
        receivedAt: this.clock.now(),
      });
      setApplicant(app, input);
      setSections(app, rows);
      em.persist(app);
      return this.register(em, app, actor, office.company.profile.name, office.code);
    });
  }

  /**
   * The 利用者コード row of a 変更(通関士): the code must be the office's (checkChangeReferences, errors on `userCode`) and
   * have a 通関業 利用者ID in force (seed 001: "※通関業（自社通関は除く）"); the 通関士 IDs are 通関業 IDs of it.
   */
  private async customsOfficerRows(office: Office, input: CustomsOfficerApplicationInput, em: EntityManager, today: string): Promise<ChangeApplicationInput> {
    const rows: ChangeApplicationInput = {
      userCodes: [{
        action: RowAction.CHANGE, userCode: input.userCode,
        userIds: [{ action: RowAction.ADD, industries: [Industry.CUSTOMS_BROKER], processingMethod: input.processingMethod ?? ProcessingMethod.INTERACTIVE, identCount: input.identCount }],
      }],
    };
    const errors = (await this.checkChangeReferences(office, rows, em, today)).map((e) => ({ ...e, path: 'userCode' }));
    if (!errors.length) {
      const ids = await em.find(UserId, { userCode: { code: input.userCode! }, office, ...live(today) });
      if (!ids.some((id) => id.industries.includes(Industry.CUSTOMS_BROKER))) {
        errors.push({ path: 'userCode', message: `通関士IDは通関業の利用者コードにのみ追加できます (自社通関は除く)。利用者コード ${input.userCode} に通関業の利用者IDがありません。` });
      }
    }
    if (errors.length) throw badInput(errors);
    return rows;
  }

  /** 変更申込 for an existing office: every named code must be the office's own; before/after recorded. */
  async submitChange(officeCode: string, typed: ChangeApplicationInput, actor: Actor): Promise<Application> {
    const input = normalizeChangeApplication(typed);
    const today = todayInJapan(this.clock.now());
    const errors = validateChangeApplication(input, today);
    if (errors.length) throw badInput(errors);
    return this.em.transactional(async (em) => {
      const office = await this.officeInService(em, officeCode);
      const refErrors = await this.checkChangeReferences(office, input, em, today);
      if (refErrors.length) throw badInput(refErrors);
      const companyProfile = toCompanyProfile(input.company, office.company.profile, input.office)!;
      const officeProfile = toOfficeProfile(input.office, input.applicant, office.profile)!;
      const billing = toBilling(input.billing, office.billing)!;
      const app = Object.assign(new Application(), {
        kind: input.otherChange === OtherChange.TERMINATION ? ApplicationKind.TERMINATION : ApplicationKind.CHANGE,
        office, changeItems: input.changeItems ?? [], otherChange: input.otherChange,
        transferTargetOfficeCode: input.transferTargetOfficeCode?.trim().toUpperCase() || undefined,
        applicantCompanyName: office.company.profile.name, applicantCompanyNameKana: office.company.profile.nameKana,
        companyProfile, officeProfile, billing, receivedAt: this.clock.now(),
      });
      setApplicant(app, input);
      if (!input.plan) app.plan = office.plan;
      setSections(app, input, movesOffice(office, input) ? input.office!.address : undefined);
      await this.recordChanges(em, app, office, input, today);
      em.persist(app);
      return this.register(em, app, actor, office.company.profile.name, office.code);
    });
  }

  /**
   * 変更前/変更後 of a change application for the reviewer: each changed field of the company, office, billing and plan,
   * and the counts and flags its rows change (rowCounts.ts) — replacing those of an earlier submission.
   */
  private async recordChanges(em: EntityManager, app: Application, office: Office, input: ChangeApplicationInput, today: string): Promise<void> {
    const before = flatten({ companyProfile: office.company.profile, officeProfile: office.profile, billing: office.billing, plan: office.plan });
    const after = flatten({ companyProfile: app.companyProfile, officeProfile: app.officeProfile, billing: app.billing, plan: app.plan });
    const changes = [
      ...diffFlat(before, after).map((change) => ({ item: itemOfField(change.field), ...change })),
      ...(await countChanges(em, office, input, today)),
    ];
    app.changes.removeAll();
    for (const change of changes) app.changes.add(Object.assign(new ApplicationChange(), { application: app, ...change }));
  }

  /** Codes named by a change application must exist and be this office's; seed 003/004 rules. */
  private async checkChangeReferences(office: Office, input: ChangeApplicationInput, em: EntityManager, today: string): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const items = input.changeItems ?? [];
    const owners = new SharedCodeOwners(errors);
    for (const [i, uc] of (input.userCodes ?? []).entries()) {
      if (!uc.userCode) continue;
      const code = await em.findOne(UserCode, { code: uc.userCode.trim().toUpperCase(), ...live(today) }, { populate: ['office'] });
      const mine = code && (await usesUserCode(em, code, office.id, today));
      if (!code || (!mine && !uc.shared)) {
        errors.push({ path: `userCodes.${i}.userCode`, message: `利用者コード ${uc.userCode} はこの事業所 (${office.code}) の契約にありません。` });
        continue;
      }
      if (!mine) owners.add(`userCodes.${i}.userCode`, code);
      const liveIds = await em.find(UserId, { userCode: code, office, ...live(today) });
      const deleting = new Set((uc.userIds ?? []).filter((u) => u.action === RowAction.DELETE).map((u) => u.identNo?.trim().toUpperCase()));
      if (uc.action === RowAction.CHANGE) {
        // A change of the code states what it changes: the 管理統計資料 / 保存サービス it leaves out stay as registered,
        // and the 保存サービス rules are judged with the 業種 its 利用者ID keep and gain.
        uc.statisticsPaid ??= code.statisticsPaid;
        uc.statisticsFree ??= code.statisticsFree;
        uc.bondedRecordService ??= code.bondedRecordService;
        const industries = [
          ...liveIds.filter((x) => !deleting.has(x.identNo)).flatMap((x) => x.industries),
          ...(uc.userIds ?? []).filter((u) => (u.action ?? RowAction.ADD) === RowAction.ADD).flatMap((u) => u.industries ?? []),
        ];
        for (const message of bondedRecordProblems(uc, industries)) errors.push({ path: `userCodes.${i}.bondedRecordService`, message });
      }
      for (const [j, u] of (uc.userIds ?? []).entries()) {
        if (u.action !== RowAction.DELETE || !u.identNo) continue;
        if (!liveIds.some((x) => x.identNo === u.identNo!.trim().toUpperCase())) {
          errors.push({ path: `userCodes.${i}.userIds.${j}.identNo`, message: `識別番号 ${u.identNo} は利用者コード ${code.code} にありません (または廃止済みです)。` });
        }
      }
      if (uc.action === RowAction.DELETE) {
        // Seed 004: abolishing the 利用者コード needs every one of its 識別番号 abolished with it.
        const missing = liveIds.filter((x) => !deleting.has(x.identNo)).map((x) => x.identNo);
        if (missing.length) {
          errors.push({ path: `userCodes.${i}.userIds`, message: `利用者コード ${code.code} を廃止するには、すべての識別番号の廃止が必要です (未申込: ${missing.join(', ')})。` });
        }
      }
    }
    for (const [i, t] of (input.terminals ?? []).entries()) {
      if (!t.terminalName) continue;
      const found = await em.findOne(Terminal, { name: t.terminalName.trim().toUpperCase(), office, ...live(today) });
      if (!found) errors.push({ path: `terminals.${i}.terminalName`, message: `論理端末名 ${t.terminalName} はこの事業所 (${office.code}) の契約にありません。` });
    }
    const addsNet = (input.terminals ?? []).some((t) => (t.action ?? RowAction.ADD) === RowAction.ADD && t.terminalType === TerminalType.NET);
    if (addsNet && !(await em.count(Terminal, { office, type: TerminalType.NET, ...live(today) }))) {
      // Seed 003: an office's first netNACCS terminal needs 識別番号 and 料金プラン in the same application.
      const missing = [ChangeItem.IDENT_NO, ChangeItem.PLAN].filter((x) => !items.includes(x));
      if (missing.length) {
        errors.push({ path: 'changeItems', message: `この事業所で初めて netNACCS端末を申し込む場合は「${missing.map((m) => ITEM_LABEL[m]).join('」「')}」も同時に選択してください。` });
      }
    }
    for (const [i, m] of (input.mailboxes ?? []).entries()) {
      if (!m.mailboxId) continue;
      if (!(await em.count(Mailbox, { mailboxId: m.mailboxId.trim().toUpperCase(), office, ...live(today) }))) {
        errors.push({ path: `mailboxes.${i}.mailboxId`, message: `メールボックスID ${m.mailboxId} はこの事業所 (${office.code}) の契約にありません。` });
      }
    }
    if (movesOffice(office, input) && !items.includes(ChangeItem.GENERAL_LINE) && (await em.count(Line, { office, ...live(today) }))) {
      // Seed 002: "回線を利用している事業所が移転する場合は、「一般NACCS回線の登録情報」も選択し、回線設置場所も変更してください".
      errors.push({ path: 'changeItems', message: '回線を利用している事業所が移転する場合は「一般NACCS回線の登録情報」も選択し、回線設置場所も変更してください。' });
    }
    for (const [i, l] of (input.lines ?? []).entries()) {
      if (!l.existingLineId) continue;
      const ok = /^[0-9a-f-]{36}$/i.test(l.existingLineId) && (await em.count(Line, { id: l.existingLineId, office, ...live(today) }));
      if (!ok) errors.push({ path: `lines.${i}.existingLineId`, message: 'この事業所の契約にない回線が指定されています。' });
    }
    if (input.otherChange === OtherChange.EQUIPMENT_SHARING && input.equipmentSharingOfficeCode) {
      const target = await this.checkOfficeCode(em, errors, 'equipmentSharingOfficeCode', '機器共用先 事業所コード', input.equipmentSharingOfficeCode);
      if (target && target.id === office.id) errors.push({ path: 'equipmentSharingOfficeCode', message: '機器共用先 事業所コードに申込元と同じ事業所は指定できません。' });
      else if (target && !sameCompany(target.company, office.company)) {
        errors.push({ path: 'equipmentSharingOfficeCode', message: `機器共用は同一企業内でのみ可能です。機器共用先 事業所コード ${target.code} は ${office.company.profile.name ?? 'この企業'} の事業所ではありません。` });
      }
    }
    if (input.otherChange === OtherChange.TRANSFER && input.transferTargetOfficeCode) {
      const target = await this.checkOfficeCode(em, errors, 'transferTargetOfficeCode', '付替先事業所コード', input.transferTargetOfficeCode);
      if (target && target.id === office.id) errors.push({ path: 'transferTargetOfficeCode', message: '付替先事業所コードに申込元と同じ事業所は指定できません。' });
    }
    await this.checkBillingReferences(em, errors, input.billing);
    return errors;
  }

  /** Receipt number from the database, search text, SUBMIT history and the 受付完了 mail. */
  private async register(em: EntityManager, app: Application, actor: Actor, companyName?: string, officeCode?: string): Promise<Application> {
    const [{ no }] = (await em.getConnection().execute<{ no: string }[]>('select next_receipt_no(?::timestamptz) as no', [app.receivedAt], 'all', em.getTransactionContext())) as [{ no: string }];
    app.receiptNo = no;
    app.searchText = applicationSearchText(app, officeCode, app.companyProfile, app.officeProfile);
    recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.SUBMIT, to: ApplicationStatus.RECEIVED, message: app.reason });
    this.mailReceived(em, app, companyName);
    await em.flush();
    return app;
  }

  private mailReceived(em: EntityManager, app: Application, companyName?: string): void {
    enqueueMail(em, this.secrets, {
      key: 'application-received', application: app, recipients: applicationRecipients(app),
      variables: { ...applicationVariables(app), companyName: companyName ?? applicationVariables(app).companyName },
    });
  }

  /** 取下げ by the customer from any open status; history and the 取下げ受付 mail in the same transaction. */
  async withdraw(id: string, reason: string, expectedVersion: number, actor: Actor): Promise<Application> {
    if (!reason?.trim()) throw badInput([{ path: 'reason', message: '取下げ理由を入力してください。' }]);
    if ([...reason].length > 240) throw badInput([{ path: 'reason', message: '取下げ理由は240文字以内で入力してください。' }]);
    return this.em.transactional(async (em) => {
      const { app, from, to } = await lockForTransition(em, id, expectedVersion, HistoryAction.WITHDRAW);
      app.status = to;
      app.version += 1;
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.WITHDRAW, from, to, message: reason.trim() });
      addNotice(em, app, NoticeCategory.APPLICATION, NOTICE_TEXT.withdrawn, this.clock.now());
      enqueueMail(em, this.secrets, {
        key: 'application-withdrawn', application: app, recipients: applicationRecipients(app),
        variables: { ...applicationVariables(app), reason: reason.trim() },
      });
      await em.flush();
      return app;
    });
  }

  /** 再申込 after 確認事項: the corrected sections replace the old ones; history lists what changed, field by field. */
  async resubmit(
    id: string,
    input: { newApplication?: NewApplicationInput; changeApplication?: ChangeApplicationInput; customsOfficerApplication?: CustomsOfficerApplicationInput },
    expectedVersion: number,
    actor: Actor,
  ): Promise<Application> {
    const today = todayInJapan(this.clock.now());
    return this.em.transactional(async (em) => {
      const { app, from, to } = await lockForTransition(em, id, expectedVersion, HistoryAction.RESUBMIT);
      await em.populate(app, ['userCodes.userIds', 'terminals', 'lines', 'mailboxes', 'attachments', 'office.company']);
      const before = flatten(snapshot(app));
      if (app.kind === ApplicationKind.NEW) {
        const data = input.newApplication && normalizeNewApplication(input.newApplication);
        if (!data) throw badInput([{ path: 'newApplication', message: '新規申込の再申込には newApplication を指定してください。' }]);
        const errors = [...validateNewApplication({ ...data, connection: data.connection ?? app.connection }, today)];
        if (errors.length) throw badInput(errors);
        const refErrors = await this.checkNewReferences(data, em, today);
        const existing = await this.existingCompany(em, refErrors, data.company);
        if (existing && existing.id !== app.office!.company.id) refErrors.push({ path: 'company.abbreviation', message: '再申込で申込先の企業は変更できません。' });
        if (refErrors.length) throw badInput(refErrors);
        app.companyProfile = toCompanyProfile(data.company, undefined, data.office);
        app.officeProfile = toOfficeProfile(data.office, data.applicant);
        app.billing = toBilling(data.billing);
        const office = app.office!;
        Object.assign(office, { profile: app.officeProfile, billing: app.billing, plan: data.plan });
        // A company already under contract (事業所追加) keeps its data: it changes by a 変更申込.
        if (!office.company.abbreviation) office.company.profile = app.companyProfile!;
        setApplicant(app, data);
        setSections(app, data);
      } else if (app.kind === ApplicationKind.CUSTOMS_OFFICER) {
        const data = input.customsOfficerApplication && normalizeCustomsOfficerApplication(input.customsOfficerApplication);
        if (!data) throw badInput([{ path: 'customsOfficerApplication', message: '変更(通関士)の再申込には customsOfficerApplication を指定してください。' }]);
        const errors = validateCustomsOfficerApplication(data, today);
        if (errors.length) throw badInput(errors);
        const rows = await this.customsOfficerRows(app.office!, data, em, today);
        setApplicant(app, data);
        setSections(app, rows);
      } else {
        const data = input.changeApplication && normalizeChangeApplication(input.changeApplication);
        if (!data) throw badInput([{ path: 'changeApplication', message: '変更申込の再申込には changeApplication を指定してください。' }]);
        const errors = validateChangeApplication(data, today);
        if (errors.length) throw badInput(errors);
        const refErrors = await this.checkChangeReferences(app.office!, data, em, today);
        if (refErrors.length) throw badInput(refErrors);
        const office = app.office!;
        app.changeItems = data.changeItems ?? [];
        app.otherChange = data.otherChange;
        app.transferTargetOfficeCode = data.transferTargetOfficeCode?.trim().toUpperCase() || undefined;
        app.companyProfile = toCompanyProfile(data.company, office.company.profile, data.office);
        app.officeProfile = toOfficeProfile(data.office, data.applicant, office.profile);
        app.billing = toBilling(data.billing, office.billing);
        setApplicant(app, data);
        if (!data.plan) app.plan = office.plan;
        setSections(app, data, movesOffice(office, data) ? data.office!.address : undefined);
        await em.populate(app, ['changes']);
        await this.recordChanges(em, app, office, data, today);
      }
      const changes = diffFlat(before, flatten(snapshot(app)));
      app.status = to;
      app.version += 1;
      app.returnMessage = undefined;
      app.searchText = applicationSearchText(app, app.office?.code, app.companyProfile, app.officeProfile);
      const message = changes.length
        ? `修正された項目 (${changes.length}件):\n${changes.map((c) => `${c.field}: ${c.before ?? '(なし)'} → ${c.after ?? '(なし)'}`).join('\n')}`
        : '修正なしで再申込されました。';
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.RESUBMIT, from, to, message });
      await em.flush();
      return app;
    });
  }
}

/** What the customer entered, as one nested value (for the resubmission diff). */
function snapshot(app: Application): Record<string, unknown> {
  const rows = <T extends object>(items: Iterable<T>, omit: string[]) =>
    [...items].map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !omit.includes(k) && typeof (r as any)[k] !== 'function')));
  const omit = ['id', 'application', 'userCode', 'userIds', '__helper', '__meta', '__platform', '__factory', '__em'];
  return {
    applicant: app.applicant, reason: app.reason, remarks: app.remarks, desiredStartDate: app.desiredStartDate,
    changeItems: app.changeItems, otherChange: app.otherChange, transferTargetOfficeCode: app.transferTargetOfficeCode,
    companyProfile: app.companyProfile, officeProfile: app.officeProfile, billing: app.billing, plan: app.plan,
    noLineRequired: app.noLineRequired, equipmentSharingOfficeCode: app.equipmentSharingOfficeCode,
    constructionContact: app.constructionContact, constructionAttendee: app.constructionAttendee, constructionNotes: app.constructionNotes,
    userCodes: [...app.userCodes].map((u) => ({ ...rows([u], omit)[0], userIds: rows(u.userIds, omit) })),
    terminals: rows(app.terminals, omit), lines: rows(app.lines, omit), mailboxes: rows(app.mailboxes, omit),
  };
}
