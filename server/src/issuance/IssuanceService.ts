import { LoadStrategy, type EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import {
  ApplicationKind, CertificateStatus, Connection, OfficeStatus, OtherChange, ProcessingMethod, RowAction, SystemCategory, TerminalType,
} from '../common/enums.js';
import { badInput } from '../common/errors.js';
import { issuePassword, type SecretBox } from '../common/secrets.js';
import { searchText } from '../common/search.js';
import { todayInJapan } from '../common/dates.js';
import type { Application } from '../applications/Application.js';
import { Company } from '../companies/Company.js';
import { Office } from '../companies/Office.js';
import { CalendarService } from '../calendar/CalendarService.js';
import { Certificate } from '../certificates/Certificate.js';
import { Line, Mailbox, Terminal, UserCode, UserCodeShare, UserId } from './contract.js';
import { ContractChange, ContractChangeTarget } from './contractChange.js';
import { columnChanges } from './approvalWrite.js';
import {
  abbreviationCandidates, accessKey, billingCode, identNoCandidates, mailboxId, officeCode, terminalName, userCodeCandidates,
} from './identifiers.js';
import { CLAIM, claim, lockCompany, lockUserCode, type Claim, type PoolClaim } from './allocation.js';

/** The relations issuance reads, loaded with the application (one statement). */
export const ISSUANCE_SECTIONS = ['office.company', 'userCodes.userIds', 'terminals', 'lines', 'mailboxes'] as const;

export interface IssueOptions {
  /** 企業略称 chosen by the reviewer in the approve dialog (new company only). */
  abbreviation?: string;
  ipPool: string;
}

/**
 * Issues, in the approval's transaction, what an application asks for — codes, passwords (sealed), terminals,
 * mailboxes, lines — and records its changes and abolitions of the office's contract, each taking effect on the start
 * date, never at approval: additions start and abolitions end on it (startDate/endDate), changes of the contract's data
 * are ContractChange rows applied on it (contractChange.ts). Identifiers are allocated so that concurrent approvals cannot collide (allocation.ts); the
 * database's UNIQUE constraints remain the last word.
 */

/** What one approval draws from the shared identifier spaces, claimed in one statement. */
interface Claimed {
  abbreviation?: string;
  billingCode?: string;
  ipAddresses: string[];
  generalTerminals: string[];
  netTerminals: string[];
}

/** 企業略称 candidates looked at in one query (the initials and letters first, then random ones). */
const ABBREVIATION_CANDIDATES = 200;
const take = (generator: Generator<string>, n: number) => Array.from({ length: n }, () => generator.next().value as string);

/** Random candidates drawn per claim: names are rarely taken, so a few spares make a second round rare. */
const spare = (n: number) => n * 2 + 8;

/** Distinct values of a random generator. */
function distinct(n: number, generate: () => string): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(generate());
  return [...out];
}

/** A 企業略称 the reviewer chose that another company already has (found before the insert, or by its UNIQUE). */
export const abbreviationTaken = (abbreviation: string) =>
  badInput([{ path: 'abbreviation', message: `企業略称 ${abbreviation.trim().toUpperCase()} は既に使用されています。別の略称を指定してください。` }]);
export class IssuanceService {
  private readonly calendar: CalendarService;

  constructor(private readonly em: EntityManager, private readonly secrets: SecretBox, private readonly clock: Clock, calendar?: CalendarService) {
    this.calendar = calendar ?? new CalendarService(em);
  }

  /** The first free 企業略称 suggested from the company's English/romaji name (a suggestion: the approval claims it). */
  async suggestAbbreviation(nameEn: string | undefined): Promise<string> {
    // The candidates in one query, as the approval's claim reads them (the generator ends in endless random ones).
    const generator = abbreviationCandidates(nameEn);
    for (;;) {
      const candidates = take(generator, ABBREVIATION_CANDIDATES);
      const taken = new Set((await this.em.find(Company, { abbreviation: { $in: candidates } }, { fields: ['abbreviation'] })).map((c) => c.abbreviation));
      const free = candidates.find((c) => !taken.has(c));
      if (free) return free;
    }
  }

  /** The terminals this service issued (their certificates are issued in the same approval). */
  readonly issuedTerminals: Terminal[] = [];

  async issue(app: Application, startDate: string, options: IssueOptions): Promise<void> {
    const em = this.em;
    // What the approval loaded with the application's lock (lockForTransition), else now.
    await em.populate(app, [...ISSUANCE_SECTIONS] as never[], { strategy: LoadStrategy.JOINED });
    const office = app.office!;
    // A company this approval founds has identifier spaces of its own (its 企業略称 is claimed now); an existing
    // company's serials are drawn under its row lock, one approval at a time.
    const founding = app.kind === ApplicationKind.NEW && !office.company.abbreviation;
    if (!founding) await lockCompany(em, office.company.id);
    const readableUntil = await this.calendar.referencePeriodEnd(startDate);
    const claimed = await this.claimIdentifiers(app, founding, options);
    if (app.kind === ApplicationKind.NEW) await this.openOffice(office, startDate, readableUntil, founding, claimed);
    const net = app.kind === ApplicationKind.NEW ? app.connection === Connection.NET : office.usesNet;
    await this.issueUserCodes(app, office, startDate, readableUntil, net, founding);
    const lines = await this.issueLines(app, office, startDate, claimed.ipAddresses);
    await this.issueTerminals(app, office, startDate, lines, claimed);
    await this.issueMailboxes(app, office, startDate, readableUntil, founding);
    if (app.kind !== ApplicationKind.NEW) this.recordProfileChanges(app, office, startDate);
    if (app.otherChange === OtherChange.TERMINATION) await this.closeOffice(office, startDate);
  }

  /** 企業略称, 請求先コード, IP addresses and 論理端末名 of the approval, claimed together (allocation.ts). */
  private async claimIdentifiers(app: Application, founding: boolean, options: IssueOptions): Promise<Claimed> {
    const chosen = options.abbreviation?.trim().toUpperCase() || undefined;
    if (founding && chosen !== undefined && !/^[A-Z]{3}$/.test(chosen)) {
      throw badInput([{ path: 'abbreviation', message: '企業略称は英大文字3桁で指定してください。' }]);
    }
    const lines = app.lines.filter((l) => l.action === RowAction.ADD).length;
    const added = (general: boolean) => app.terminals
      .filter((t) => t.action === RowAction.ADD && (t.terminalType === TerminalType.GENERAL) === general)
      .reduce((n, t) => n + (t.count ?? 0), 0);
    const wanted = { general: added(true), net: added(false) };
    const requests: Record<string, Claim | PoolClaim> = {};
    if (founding) {
      const generator = abbreviationCandidates(app.office!.company.profile.nameEn);
      const candidates = chosen ? [chosen] : take(generator, ABBREVIATION_CANDIDATES);
      requests.abbreviation = { namespace: CLAIM.abbreviation, taken: { table: 'company', column: 'abbreviation' }, count: 1, candidates };
    }
    if (app.kind === ApplicationKind.NEW) {
      requests.billingCode = { namespace: CLAIM.billingCode, taken: { table: 'office', column: 'billing_code' }, count: 1, candidates: distinct(spare(1), billingCode) };
    }
    if (lines) requests.ipAddresses = { namespace: CLAIM.ipAddress, taken: { table: 'line', column: 'ip_address' }, count: lines, pool: options.ipPool };
    const names = (general: boolean, n: number): Claim => ({
      namespace: CLAIM.terminalName, taken: { table: 'terminal', column: 'name' }, count: n, candidates: distinct(spare(n), () => terminalName(general)),
    });
    if (wanted.general) requests.generalTerminals = names(true, wanted.general);
    if (wanted.net) requests.netTerminals = names(false, wanted.net);
    const got = await claim(this.em, requests);
    if (founding && !got.abbreviation?.length) {
      if (chosen) throw abbreviationTaken(chosen); // taken, or being taken by another approval right now
      throw new Error('identifier space exhausted');
    }
    if (lines && (got.ipAddresses?.length ?? 0) < lines) throw new Error('IP address pool exhausted');
    // Random names another approval holds or has: draw again for the rest (rare).
    for (let round = 0; ; round++) {
      const missing = { general: wanted.general - (got.generalTerminals?.length ?? 0), net: wanted.net - (got.netTerminals?.length ?? 0) };
      if (missing.general <= 0 && missing.net <= 0 && (app.kind !== ApplicationKind.NEW || got.billingCode?.length)) break;
      if (round >= 20) throw new Error('identifier space exhausted');
      const more: Record<string, Claim> = {};
      if (missing.general > 0) more.generalTerminals = names(true, missing.general);
      if (missing.net > 0) more.netTerminals = names(false, missing.net);
      if (app.kind === ApplicationKind.NEW && !got.billingCode?.length) {
        more.billingCode = { namespace: CLAIM.billingCode, taken: { table: 'office', column: 'billing_code' }, count: 1, candidates: distinct(spare(1), billingCode) };
      }
      const again = await claim(this.em, more);
      for (const [k, v] of Object.entries(again)) got[k] = [...(got[k] ?? []), ...v];
    }
    return {
      abbreviation: got.abbreviation?.[0], billingCode: got.billingCode?.[0], ipAddresses: got.ipAddresses ?? [],
      generalTerminals: got.generalTerminals ?? [], netTerminals: got.netTerminals ?? [],
    };
  }

  /** 新規: 企業略称, 事業所コード, 事業所パスワード and 請求先コード; the office becomes ACTIVE. */
  private async openOffice(office: Office, startDate: string, readableUntil: string, founding: boolean, claimed: Claimed): Promise<void> {
    const company = office.company;
    let serial = 1;
    if (founding) company.abbreviation = claimed.abbreviation!;
    else {
      // Another office of the company: the next number (under the company's lock).
      const codes = (await this.em.find(Office, { code: { $like: `${company.abbreviation}%` } }, { fields: ['code'] })).map((o) => Number(o.code!.slice(3)));
      serial = Math.max(0, ...codes) + 1;
    }
    office.code = officeCode(company.abbreviation!, serial);
    office.status = OfficeStatus.ACTIVE;
    office.startDate = startDate;
    office.passwordEnc = this.secrets.seal(issuePassword());
    office.passwordReadableUntil = readableUntil;
    office.billingCode = claimed.billingCode!;
    office.searchText = searchText([office.code, company.profile.name, company.profile.nameKana, office.profile.name, office.profile.nameKana]);
  }

  /**
   * A change of the contract's data (`changes`: property → new value) takes effect on the start date: recorded with
   * it, and applied at once only when the start date is today.
   */
  private recordChange(app: Application, office: Office, startDate: string, target: ContractChangeTarget, entity: { id: string }, changes: Record<string, unknown>): void {
    const { after, before } = columnChanges(entity, changes);
    if (!Object.keys(after).length) return;
    const now = this.clock.now();
    const change = Object.assign(new ContractChange(), { office, application: app, effectiveDate: startDate, target, targetId: entity.id, after, createdAt: now });
    if (startDate <= todayInJapan(now)) {
      Object.assign(entity, changes);
      Object.assign(change, { before, appliedAt: now });
    }
    this.em.persist(change);
  }

  /**
   * The services an office takes up (its first 回線: 一般NACCS, its first netNACCS/webNACCS terminal): at once for an
   * office this approval opens, from the start date for one in service (recordProfileChanges).
   */
  private readonly servicesTakenUp: Partial<Record<'usesNet' | 'usesGeneral', true>> = {};

  private takeUpService(app: Application, office: Office, service: 'usesNet' | 'usesGeneral'): void {
    if (app.kind === ApplicationKind.NEW) office[service] = true;
    else if (!office[service]) this.servicesTakenUp[service] = true;
  }

  /** 変更: the new company/office/billing data, plan and services replace the registered ones from the start date. */
  private recordProfileChanges(app: Application, office: Office, startDate: string): void {
    const company = app.companyProfile ?? office.company.profile;
    const profile = app.officeProfile ?? office.profile;
    const names = (c: typeof company, o: typeof profile) => [c.name, c.nameKana, o.name, o.nameKana];
    // Found by its new names from the start date (the search text changes only with a name).
    const renamed = names(company, profile).join('\n') !== names(office.company.profile, office.profile).join('\n');
    if (app.companyProfile) this.recordChange(app, office, startDate, ContractChangeTarget.COMPANY, office.company, { profile: app.companyProfile });
    this.recordChange(app, office, startDate, ContractChangeTarget.OFFICE, office, {
      ...(app.officeProfile ? { profile: app.officeProfile } : {}), ...(app.billing ? { billing: app.billing } : {}), ...(app.plan ? { plan: app.plan } : {}),
      ...this.servicesTakenUp,
      ...(renamed ? { searchText: searchText([office.code, ...names(company, profile)]) } : {}),
    });
  }

  private async issueUserCodes(app: Application, office: Office, startDate: string, readableUntil: string, net: boolean, founding: boolean): Promise<void> {
    const abbreviation = office.company.abbreviation!;
    // The company's 利用者コード (its 企業略称 is in every one; none yet when the approval founds it).
    let codesTaken: Set<string> | undefined;
    const takenCodes = async () => (codesTaken ??= founding ? new Set<string>()
      : new Set((await this.em.find(UserCode, { code: { $like: `__${abbreviation}` } }, { fields: ['code'] })).map((c) => c.code)));
    for (const row of app.userCodes) {
      let code: UserCode | null = null;
      let fresh = false;
      if (row.userCode) code = await this.em.findOne(UserCode, { code: row.userCode });
      if (row.action === RowAction.ADD && !row.shared) {
        const taken = await takenCodes();
        const c = [...userCodeCandidates(abbreviation)].find((x) => !taken.has(x));
        if (!c) throw new Error('identifier space exhausted');
        taken.add(c);
        fresh = true;
        code = Object.assign(new UserCode(), {
          code: c, office, systemCategory: row.systemCategory ?? SystemCategory.SEA, statisticsPaid: row.statisticsPaid,
          statisticsFree: row.statisticsFree, bondedRecordService: row.bondedRecordService, startDate, issuedBy: app,
        });
        this.em.persist(code);
      } else if (row.shared && code && code.office.id !== office.id && row.action !== RowAction.DELETE) {
        await this.share(app, code, office, startDate);
      }
      if (!code) continue;
      if (row.action === RowAction.CHANGE) {
        this.recordChange(app, office, startDate, ContractChangeTarget.USER_CODE, code,
          { statisticsPaid: row.statisticsPaid, statisticsFree: row.statisticsFree, bondedRecordService: row.bondedRecordService });
      }
      const adding = row.userIds.getItems().some((u) => u.action !== RowAction.DELETE && (u.identCount ?? 0) > 0);
      // 識別番号 of an existing code (a shared one may be another company's) are drawn under the code's row lock.
      const taken = fresh || !adding ? new Set<string>() : await lockUserCode(this.em, code.id);
      for (const u of row.userIds) {
        if (u.action === RowAction.DELETE) {
          const id = await this.em.findOne(UserId, { userCode: code, identNo: u.identNo!, office });
          if (id && !id.endDate) id.endDate = startDate;
          continue;
        }
        const smtp = u.processingMethod === ProcessingMethod.SMTP_BIDIRECTIONAL;
        const candidates = identNoCandidates(net, smtp);
        for (let i = 0; i < (u.identCount ?? 0); i++) {
          let identNo = candidates.next().value as string;
          while (taken.has(identNo)) identNo = candidates.next().value as string;
          taken.add(identNo);
          this.em.persist(Object.assign(new UserId(), {
            userCode: code, identNo, office, industries: u.industries, processingMethod: u.processingMethod,
            connection: net ? Connection.NET : Connection.GENERAL, passwordEnc: this.secrets.seal(issuePassword()),
            passwordIssuedAt: this.clock.now(), passwordReadableUntil: readableUntil, startDate, issuedBy: app,
          }));
        }
      }
      if (row.action === RowAction.DELETE) await this.abolishUserCode(code, office, startDate);
    }
  }

  /** 他事業所と共用: the office uses the code from the start date (again, if it had stopped). */
  private async share(app: Application, code: UserCode, office: Office, startDate: string): Promise<void> {
    const share = await this.em.findOne(UserCodeShare, { userCode: code, office });
    if (!share) this.em.persist(Object.assign(new UserCodeShare(), { userCode: code, office, startDate, issuedBy: app }));
    else if (share.endDate) Object.assign(share, { startDate, endDate: undefined, issuedBy: app });
  }

  /**
   * 利用者コードの廃止 (seed 004): "利用者コードを他の事業所と共用している場合は、全ての事業所からお申込みが必要です".
   * The applying office's use ends on the start date (the owner's: ownerEndDate; a sharing office's: its share); the
   * code itself ends only when every office using it has applied, on the latest of their dates.
   */
  private async abolishUserCode(code: UserCode, office: Office, startDate: string): Promise<void> {
    const shares = await this.em.find(UserCodeShare, { userCode: code });
    if (code.office.id === office.id) code.ownerEndDate ??= startDate;
    else {
      const mine = shares.find((s) => s.office.id === office.id);
      if (mine && !mine.endDate) mine.endDate = startDate;
    }
    const ends = [code.ownerEndDate, ...shares.map((s) => s.endDate)];
    if (!code.endDate && ends.every((d) => !!d)) code.endDate = (ends as string[]).sort().at(-1);
  }

  private async issueLines(app: Application, office: Office, startDate: string, addresses: readonly string[]): Promise<Map<number, Line>> {
    const byNo = new Map<number, Line>();
    let next = 0;
    for (const row of app.lines) {
      if (row.action === RowAction.DELETE || row.action === RowAction.CHANGE) {
        const line = row.existingLineId ? await this.em.findOne(Line, { id: row.existingLineId, office }) : null;
        if (line && row.action === RowAction.DELETE) line.endDate ??= startDate;
        if (line && row.action === RowAction.CHANGE) {
          this.recordChange(app, office, startDate, ContractChangeTarget.LINE, line, {
            lineType: row.lineType ?? line.lineType, speed: row.speed ?? line.speed, maintenance: row.maintenance ?? line.maintenance,
            redundancy: row.redundancy ?? line.redundancy, spareRouter: row.spareRouter ?? line.spareRouter, pingMonitoring: row.pingMonitoring ?? line.pingMonitoring });
          byNo.set(row.lineNo, line); // its ルータ番号 in this application: terminals added on the existing line
        }
        continue;
      }
      const ip = addresses[next++]!;
      const line = Object.assign(new Line(), {
        office, systemCategory: row.systemCategory!, connectionMethod: row.connectionMethod!, lineType: row.lineType!, speed: row.speed!,
        indoorWiring: row.indoorWiring, maintenance: row.maintenance!, redundancy: row.redundancy, spareRouter: row.spareRouter,
        pingMonitoring: row.pingMonitoring, place: row.placeSameAsOffice ? office.profile.address : row.place, ipAddress: ip, routerNo: row.lineNo, startDate, issuedBy: app,
      });
      this.em.persist(line);
      byNo.set(row.lineNo, line);
    }
    if (app.lines.getItems().some((l) => l.action === RowAction.ADD)) this.takeUpService(app, office, 'usesGeneral');
    return byNo;
  }

  private async issueTerminals(app: Application, office: Office, startDate: string, lines: Map<number, Line>, claimed: Claimed): Promise<void> {
    const names = { general: [...claimed.generalTerminals], net: [...claimed.netTerminals] };
    for (const row of app.terminals) {
      if (row.action !== RowAction.ADD) {
        const terminal = await this.em.findOne(Terminal, { name: row.terminalName!, office });
        if (terminal && row.action === RowAction.DELETE) terminal.endDate ??= startDate;
        if (terminal && row.action === RowAction.CHANGE && row.newSystemCategory) {
          // 区分の変更 (seed 003): the new システム区分 from the start date.
          this.recordChange(app, office, startDate, ContractChangeTarget.TERMINAL, terminal, { systemCategory: row.newSystemCategory });
        }
        continue;
      }
      const general = row.terminalType === TerminalType.GENERAL;
      for (const name of (general ? names.general : names.net).splice(0, row.count ?? 0)) {
        const terminal = Object.assign(new Terminal(), {
          name, office, type: row.terminalType, systemCategory: row.systemCategory, accessKey: accessKey(),
          line: row.lineNo ? lines.get(row.lineNo) : undefined, startDate, issuedBy: app,
        });
        this.em.persist(terminal);
        this.issuedTerminals.push(terminal);
      }
      if (row.terminalType === TerminalType.NET || row.terminalType === TerminalType.WEB) this.takeUpService(app, office, 'usesNet');
    }
  }

  private async issueMailboxes(app: Application, office: Office, startDate: string, readableUntil: string, founding: boolean): Promise<void> {
    const adding = app.mailboxes.getItems().some((m) => m.action !== RowAction.DELETE && (m.count ?? 0) > 0);
    // The office's next serial (under the company's lock); an office this approval opens has none yet.
    const existing = founding || !adding ? [] : (await this.em.find(Mailbox, { office }, { fields: ['mailboxId'] })).map((m) => Number(m.mailboxId.slice(6)));
    let next = Math.max(0, ...existing) + 1;
    for (const row of app.mailboxes) {
      if (row.action === RowAction.DELETE) {
        const mailbox = await this.em.findOne(Mailbox, { mailboxId: row.mailboxId!, office });
        if (mailbox) mailbox.endDate ??= startDate;
        continue;
      }
      for (let i = 0; i < (row.count ?? 0); i++) {
        this.em.persist(Object.assign(new Mailbox(), {
          mailboxId: mailboxId(office.code!, next++), office, type: row.mailboxType, passwordEnc: this.secrets.seal(issuePassword()),
          passwordReadableUntil: readableUntil, startDate, issuedBy: app,
        }));
      }
    }
  }

  /**
   * キャンセル after approval (the start date has not come): nothing the application issued ever takes effect (each
   * row ends on its own start date, a code it shared is no longer shared, its data changes not yet applied are
   * dropped, certificates not yet acquired stop) and the office it opened closes. Abolitions stay as applied.
   */
  async cancelIssued(app: Application): Promise<void> {
    for (const entity of [UserCode, UserId, Terminal, Mailbox, Line] as const) {
      for (const row of await this.em.find(entity as typeof Terminal, { issuedBy: app, endDate: null })) row.endDate = row.startDate;
    }
    for (const share of await this.em.find(UserCodeShare, { issuedBy: app, endDate: null })) share.endDate = share.startDate ?? app.startDate;
    await this.em.nativeDelete(ContractChange, { application: app, appliedAt: null });
    for (const cert of await this.em.find(Certificate, { application: app, status: CertificateStatus.PENDING })) {
      Object.assign(cert, { status: CertificateStatus.STOPPED, reason: '申込がキャンセルされたため停止しました。' });
    }
    if (app.kind !== ApplicationKind.NEW) return;
    const office = await this.em.findOneOrFail(Office, app.office!.id);
    if (office.status !== OfficeStatus.ACTIVE) return; // not opened by this approval: nothing to close
    office.status = OfficeStatus.CLOSED;
    office.endDate = office.startDate;
  }

  /**
   * 契約解除・事業所廃止: the office and everything it holds end on the start date; the office stays 利用中 until then
   * (closeEndedOffices marks it 廃止 on that day).
   */
  private async closeOffice(office: Office, startDate: string): Promise<void> {
    office.endDate = startDate;
    for (const entity of [UserId, Terminal, Mailbox, Line] as const) {
      for (const row of await this.em.find(entity as typeof Terminal, { office, endDate: null })) row.endDate = startDate;
    }
  }

}
