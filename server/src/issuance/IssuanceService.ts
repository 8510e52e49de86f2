import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import {
  ApplicationKind, CertificateStatus, Connection, OfficeStatus, OtherChange, ProcessingMethod, RowAction, SystemCategory, TerminalType,
} from '../common/enums.js';
import { badInput } from '../common/errors.js';
import { issuePassword, type SecretBox } from '../common/secrets.js';
import { searchText } from '../common/search.js';
import type { Application } from '../applications/Application.js';
import { Company } from '../companies/Company.js';
import { Office } from '../companies/Office.js';
import { CalendarService } from '../calendar/CalendarService.js';
import { Certificate } from '../certificates/Certificate.js';
import { Line, Mailbox, Terminal, UserCode, UserId } from './contract.js';
import {
  abbreviationCandidates, accessKey, billingCode, identNoCandidates, mailboxId, officeCode, poolAddresses, terminalName,
  userCodeCandidates,
} from './identifiers.js';

export interface IssueOptions {
  /** 企業略称 chosen by the reviewer in the approve dialog (new company only). */
  abbreviation?: string;
  ipPool: string;
}

/**
 * Issues, in the approval's transaction, what an application asks for — codes, passwords (sealed), terminals,
 * mailboxes, lines — and applies its changes and abolitions to the office's contract (abolitions take effect on the
 * start date: endDate). Identifiers are checked against the database before use; its UNIQUE constraints settle races.
 */

/** A 企業略称 the reviewer chose that another company already has (found before the insert, or by its UNIQUE). */
export const abbreviationTaken = (abbreviation: string) =>
  badInput([{ path: 'abbreviation', message: `企業略称 ${abbreviation.trim().toUpperCase()} は既に使用されています。別の略称を指定してください。` }]);
export class IssuanceService {
  private readonly calendar: CalendarService;

  constructor(private readonly em: EntityManager, private readonly secrets: SecretBox, private readonly clock: Clock) {
    this.calendar = new CalendarService(em);
  }

  /** The first free 企業略称 suggested from the company's English/romaji name. */
  async suggestAbbreviation(nameEn: string | undefined): Promise<string> {
    for (const candidate of abbreviationCandidates(nameEn)) {
      if (!(await this.em.count(Company, { abbreviation: candidate }))) return candidate;
    }
    throw new Error('unreachable');
  }

  async issue(app: Application, startDate: string, options: IssueOptions): Promise<void> {
    const em = this.em;
    await em.populate(app, ['office.company', 'userCodes.userIds', 'terminals', 'lines', 'mailboxes']);
    const office = app.office!;
    const readableUntil = await this.calendar.referencePeriodEnd(startDate);
    if (app.kind === ApplicationKind.NEW) await this.openOffice(app, office, startDate, readableUntil, options);
    else this.applyProfileChanges(app, office);
    const net = app.kind === ApplicationKind.NEW ? app.connection === Connection.NET : office.usesNet;
    await this.issueUserCodes(app, office, startDate, readableUntil, net);
    const lines = await this.issueLines(app, office, startDate, options.ipPool);
    await this.issueTerminals(app, office, startDate, lines);
    await this.issueMailboxes(app, office, startDate, readableUntil);
    if (app.otherChange === OtherChange.TERMINATION) await this.closeOffice(office, startDate);
  }

  /** 新規: 企業略称, 事業所コード, 事業所パスワード and 請求先コード; the office becomes ACTIVE. */
  private async openOffice(app: Application, office: Office, startDate: string, readableUntil: string, options: IssueOptions): Promise<void> {
    const company = office.company;
    if (!company.abbreviation) {
      const chosen = options.abbreviation?.trim().toUpperCase();
      if (chosen !== undefined && chosen !== '') {
        if (!/^[A-Z]{3}$/.test(chosen)) throw badInput([{ path: 'abbreviation', message: '企業略称は英大文字3桁で指定してください。' }]);
        if (await this.em.count(Company, { abbreviation: chosen })) {
          throw abbreviationTaken(chosen);
        }
        company.abbreviation = chosen;
      } else {
        company.abbreviation = await this.suggestAbbreviation(company.profile.nameEn);
      }
    }
    const codes = (await this.em.find(Office, { code: { $like: `${company.abbreviation}%` } })).map((o) => Number(o.code!.slice(3)));
    office.code = officeCode(company.abbreviation, Math.max(0, ...codes) + 1);
    office.status = OfficeStatus.ACTIVE;
    office.startDate = startDate;
    office.passwordEnc = this.secrets.seal(issuePassword());
    office.passwordReadableUntil = readableUntil;
    office.billingCode = await this.free(billingCode, (c) => this.em.count(Office, { billingCode: c }));
    office.searchText = searchText([office.code, company.profile.name, company.profile.nameKana, office.profile.name, office.profile.nameKana]);
  }

  /** 変更: the new company/office/billing data and plan replace the registered ones. */
  private applyProfileChanges(app: Application, office: Office): void {
    if (app.companyProfile) office.company.profile = app.companyProfile;
    if (app.officeProfile) office.profile = app.officeProfile;
    if (app.billing) office.billing = app.billing;
    if (app.plan) office.plan = app.plan;
    office.searchText = searchText([office.code, office.company.profile.name, office.company.profile.nameKana, office.profile.name, office.profile.nameKana]);
  }

  private async issueUserCodes(app: Application, office: Office, startDate: string, readableUntil: string, net: boolean): Promise<void> {
    const abbreviation = office.company.abbreviation!;
    for (const row of app.userCodes) {
      let code: UserCode | null = null;
      if (row.userCode) code = await this.em.findOne(UserCode, { code: row.userCode }, { populate: ['sharedWith'] });
      if (row.action === RowAction.ADD && !row.shared) {
        const c = await this.freeFrom(userCodeCandidates(abbreviation), (x) => this.em.count(UserCode, { code: x }));
        code = Object.assign(new UserCode(), {
          code: c, office, systemCategory: row.systemCategory ?? SystemCategory.SEA, statisticsPaid: row.statisticsPaid,
          statisticsFree: row.statisticsFree, bondedRecordService: row.bondedRecordService, startDate, issuedBy: app,
        });
        this.em.persist(code);
      } else if (row.shared && code && code.office.id !== office.id && !code.sharedWith.contains(office)) {
        code.sharedWith.add(office);
      }
      if (!code) continue;
      if (row.action === RowAction.CHANGE || row.action === RowAction.ADD) {
        if (row.action === RowAction.CHANGE) Object.assign(code, { statisticsPaid: row.statisticsPaid, statisticsFree: row.statisticsFree, bondedRecordService: row.bondedRecordService });
      }
      const taken = new Set((await this.em.find(UserId, { userCode: code })).map((u) => u.identNo));
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
      if (row.action === RowAction.DELETE && code.office.id === office.id && !code.endDate) code.endDate = startDate;
      if (row.action === RowAction.DELETE && code.office.id !== office.id) code.sharedWith.remove(office);
    }
  }

  private async issueLines(app: Application, office: Office, startDate: string, pool: string): Promise<Map<number, Line>> {
    const byNo = new Map<number, Line>();
    const used = new Set((await this.em.find(Line, { ipAddress: { $ne: null } }, { fields: ['ipAddress'] })).map((l) => l.ipAddress));
    const addresses = poolAddresses(pool);
    for (const row of app.lines) {
      if (row.action === RowAction.DELETE || row.action === RowAction.CHANGE) {
        const line = row.existingLineId ? await this.em.findOne(Line, { id: row.existingLineId, office }) : null;
        if (line && row.action === RowAction.DELETE) line.endDate ??= startDate;
        if (line && row.action === RowAction.CHANGE) {
          Object.assign(line, { lineType: row.lineType ?? line.lineType, speed: row.speed ?? line.speed, maintenance: row.maintenance ?? line.maintenance,
            redundancy: row.redundancy ?? line.redundancy, spareRouter: row.spareRouter ?? line.spareRouter, pingMonitoring: row.pingMonitoring ?? line.pingMonitoring });
          byNo.set(row.lineNo, line); // its ルータ番号 in this application: terminals added on the existing line
        }
        continue;
      }
      let ip = addresses.next().value as string;
      while (used.has(ip)) ip = addresses.next().value as string;
      used.add(ip);
      const line = Object.assign(new Line(), {
        office, systemCategory: row.systemCategory!, connectionMethod: row.connectionMethod!, lineType: row.lineType!, speed: row.speed!,
        indoorWiring: row.indoorWiring, maintenance: row.maintenance!, redundancy: row.redundancy, spareRouter: row.spareRouter,
        pingMonitoring: row.pingMonitoring, place: row.placeSameAsOffice ? office.profile.address : row.place, ipAddress: ip, startDate, issuedBy: app,
      });
      this.em.persist(line);
      byNo.set(row.lineNo, line);
    }
    if (app.lines.length) office.usesGeneral = true;
    return byNo;
  }

  private async issueTerminals(app: Application, office: Office, startDate: string, lines: Map<number, Line>): Promise<void> {
    const fresh = new Set<string>();
    for (const row of app.terminals) {
      if (row.action !== RowAction.ADD) {
        const terminal = await this.em.findOne(Terminal, { name: row.terminalName!, office });
        if (terminal && row.action === RowAction.DELETE) terminal.endDate ??= startDate;
        if (terminal && row.action === RowAction.CHANGE && row.newSystemCategory) terminal.systemCategory = row.newSystemCategory;
        continue;
      }
      const general = row.terminalType === TerminalType.GENERAL;
      for (const name of await this.freeTerminalNames(row.count ?? 0, () => terminalName(general), fresh)) {
        fresh.add(name);
        this.em.persist(Object.assign(new Terminal(), {
          name, office, type: row.terminalType, systemCategory: row.systemCategory, accessKey: accessKey(),
          line: row.lineNo ? lines.get(row.lineNo) : undefined, startDate, issuedBy: app,
        }));
      }
      if (row.terminalType === TerminalType.NET || row.terminalType === TerminalType.WEB) office.usesNet = true;
    }
  }

  private async issueMailboxes(app: Application, office: Office, startDate: string, readableUntil: string): Promise<void> {
    const existing = (await this.em.find(Mailbox, { office })).map((m) => Number(m.mailboxId.slice(6)));
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
   * row ends on its own start date, certificates not yet acquired stop) and the office it opened closes. Abolitions
   * and data changes stay as applied.
   */
  async cancelIssued(app: Application): Promise<void> {
    for (const entity of [UserCode, UserId, Terminal, Mailbox, Line] as const) {
      for (const row of await this.em.find(entity as typeof Terminal, { issuedBy: app, endDate: null })) row.endDate = row.startDate;
    }
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

  /** `n` 論理端末名 not taken yet: random names rarely collide, so one query per round (a row may ask for 999). */
  private async freeTerminalNames(n: number, generate: () => string, fresh: ReadonlySet<string>): Promise<string[]> {
    const names = new Set<string>();
    for (let round = 0; names.size < n; round++) {
      if (round >= 50) throw new Error('identifier space exhausted');
      const candidates = new Set<string>();
      while (candidates.size < n - names.size) {
        const c = generate();
        if (!fresh.has(c) && !names.has(c)) candidates.add(c);
      }
      const rows = await this.em.createQueryBuilder(Terminal).select('name').where({ name: { $in: [...candidates] } }).execute<{ name: string }[]>('all');
      const taken = new Set(rows.map((r) => r.name));
      for (const c of candidates) if (!taken.has(c)) names.add(c);
    }
    return [...names];
  }

  private async free(generate: () => string, count: (c: string) => Promise<number>): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const c = generate();
      if (!(await count(c))) return c;
    }
    throw new Error('identifier space exhausted');
  }

  private async freeFrom(candidates: Generator<string>, count: (c: string) => Promise<number>): Promise<string> {
    for (const c of candidates) if (!(await count(c))) return c;
    throw new Error('identifier space exhausted');
  }
}
