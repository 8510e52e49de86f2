// The demo's two years, planned as they could have happened: firms open offices with new applications, offices in
// service send change applications, reviewers assign, return and approve, customers resubmit and withdraw,
// supervisors cancel, the jobs cancel an approval whose システム設定申込 never came and close the offices whose
// 契約解除 took effect, terminals pick up their certificates. The planner decides everything (with faker, in time
// order, from its own picture of each office's contract) and puts each step on the timeline as a call of the
// product's services at its instant; the services write the applications, history, notices and mails.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Application } from '../../server/src/applications/Application.js';
import type { ChangeApplicationInput, NewApplicationInput, PersonInput } from '../../server/src/applications/intake/inputs.js';
import { IntakeService } from '../../server/src/applications/intake/IntakeService.js';
import { addDays } from '../../server/src/calendar/businessDays.js';
import { SYSTEM_SETTINGS_BUSINESS_DAYS } from '../../server/src/calendar/CalendarService.js';
import type { CertificateAuthority } from '../../server/src/certificates/authority.js';
import { Certificate } from '../../server/src/certificates/Certificate.js';
import { runCertificateJob } from '../../server/src/certificates/certificateJob.js';
import { ACQUIRE_MONTHS, CertificateService, addMonths } from '../../server/src/certificates/CertificateService.js';
import { terminalRequest } from '../../server/src/certificates/terminalRequest.js';
import { fixedClock } from '../../server/src/common/clock.js';
import {
  CertificateStatus, Connection, Industry, OtherChange, ProcessingMethod, SOLO_INDUSTRIES, SystemCategory, TerminalType,
} from '../../server/src/common/enums.js';
import type { SecretBox } from '../../server/src/common/secrets.js';
import { closeEndedOffices } from '../../server/src/issuance/officeJob.js';
import { cancelOverdueApplications } from '../../server/src/review/deadlineJob.js';
import type { Actor } from '../../server/src/review/history.js';
import { ReviewService } from '../../server/src/review/ReviewService.js';
import {
  billingContactChange, contractSpec, contractorChange, desiredDate, generalTerminalsOnLine, identAbolition, industryAddition,
  mailboxAddition, managerChange, newDraft, paymentMethodChange, planChange, relocation, relocationWithLines, sharedOnlySpec, sharedUserCode,
  statisticsChange, terminalAddition, userCodeAddition, type ChangePart, type ContractSpec, type Registered,
} from './factories/applications.js';
import { billingInput, firm, resolvedBilling, site, type ConsolidatedWith, type Firm } from './factories/companies.js';
import { applicant, staffPerson } from './factories/people.js';
import {
  DAY, HOUR, MINUTE, addBusinessDays, between, chance, int, isBusinessDay, jstDate, jstTime, officeHours, pick, proportioned, rnd,
} from './factories/random.js';
import {
  CANCEL_MESSAGES, IDENT_ABOLITION_REASONS, INTERNAL_NOTES, LINE_RETURN_MESSAGES, REMARKS, RESUBMIT_REMARKS, RETURN_MESSAGES,
  REVOCATION_REASONS, TERMINATION_REASONS, WITHDRAW_MESSAGES,
} from './factories/words.js';
import { OfficeReader, registeredCode, type IdentModel, type OfficeModel, type UserCodeModel } from './offices.js';
import { reviewPath, type ReviewPath, type Status } from './review.js';
import { Timeline, asOf } from './timeline.js';

/** Who acts in the demo: the demo staff and the NSS portal (by its integrator key's name). */
export interface Cast {
  supervisor: Actor;
  reviewers: readonly [Actor, Actor];
  support: Actor;
  portal: Actor;
}

export interface PlanContext {
  em: EntityManager;
  secrets: SecretBox;
  ipPool: string;
  ca?: CertificateAuthority;
  /** The seeding instant: every step is at or before it. */
  now: number;
  cast: Cast;
}

/** What the steps of one application share as they run. */
interface AppExec {
  id?: string;
  version: number;
  input?: NewApplicationInput | ChangeApplicationInput;
  /** 識別番号 its abolition names, freed again when it is withdrawn or cancelled. */
  naming: string[];
  /** A certificate it had acquired (for the revocation). */
  serial?: string;
}

type Category =
  | 'NEW_NET' | 'NEW_GENERAL' | 'NEW_SHARED'
  | 'CHG_MAILBOX' | 'CHG_TERMINAL' | 'CHG_IDENT' | 'CHG_MANAGER' | 'CHG_PLAN' | 'CHG_BILLING' | 'CHG_OTHER'
  | 'TERMINATION' | 'TRANSFER' | 'EQUIPMENT_SHARING';

/** Share of each kind of application, in percent. */
const CATEGORY_WEIGHTS: ReadonlyArray<readonly [Category, number]> = [
  ['NEW_NET', 11], ['NEW_GENERAL', 5], ['NEW_SHARED', 2],
  ['CHG_MAILBOX', 11], ['CHG_TERMINAL', 15], ['CHG_IDENT', 8], ['CHG_MANAGER', 13], ['CHG_PLAN', 6],
  ['CHG_BILLING', 7], ['CHG_OTHER', 13], ['TERMINATION', 3], ['TRANSFER', 3], ['EQUIPMENT_SHARING', 3],
];

const STATUS_WEIGHTS: ReadonlyArray<readonly [Status, number]> = [
  ['APPROVED', 55], ['RECEIVED', 12], ['IN_REVIEW', 12], ['RETURNED', 8], ['WITHDRAWN', 7], ['CANCELLED', 6],
];

/** How long ago (days) applications of each status were received: the open ones are the recent ones. */
const RECEIVED_WINDOW: Record<Status, readonly [number, number]> = {
  RECEIVED: [0.05, 12],
  IN_REVIEW: [1, 35],
  RETURNED: [3, 50],
  APPROVED: [8, 728],
  WITHDRAWN: [4, 728],
  CANCELLED: [15, 728],
};

/** One application to tell. */
interface Story {
  n: number;
  category: Category;
  status: Status;
  receivedAt: number;
  /** A firm new to NACCS: this is its first office. */
  fresh?: Firm;
  /** The firm of an office in service before the two years. */
  firm?: Firm;
  /** Approved lately, starting a few business days from today: its ID通知内容 is readable today. */
  startSoon?: boolean;
  /** Approved, then cancelled by the deadline job (its システム設定申込 never came). */
  deadlineCancel?: boolean;
}

// ───────────────────────────── the planner ─────────────────────────────

export class DemoPlan {
  readonly timeline = new Timeline();
  private readonly today: string;
  private readonly firms: Firm[] = [];
  private readonly usedNames = new Set<string>();
  private readonly offices: OfficeModel[] = [];
  /** Changes of the planner's picture that happen later (approvals, withdrawals, cancellations, closures). */
  private effects: Array<{ at: number; seq: number; apply: () => void }> = [];
  private effectSeq = 0;
  private readonly jobRuns = new Set<number>();
  /** 仮アカウント registrations: argon2 hashing that depends on nothing else, run ahead of the timeline. */
  private readonly registrations: Array<{ n: number; run: () => Promise<{ loginId: string }> }> = [];
  private readonly accounts = new Map<number, Promise<{ loginId: string }>>();
  private revocationPlanned = false;
  private expiredPlanned = false;
  private acquiredPlanned = 0;

  constructor(private readonly ctx: PlanContext) {
    this.today = jstDate(ctx.now);
  }

  /** Plans `total` applications (the openings of the offices in service before the two years included). */
  plan(total: number): number {
    const firmCount = Math.max(12, Math.round((total * 60) / 320));
    for (let i = 0; i < firmCount; i++) this.firms.push(firm(this.usedNames));
    const stories = this.openingsBefore(firmCount);
    stories.push(...this.twoYears(Math.max(1, total - stories.length)));
    // Firms new to NACCS get their first office through a new application of the two years.
    const fresh = this.firms.filter((f) => !stories.some((s) => s.firm === f));
    const newOnes = stories.filter((s) => s.category.startsWith('NEW_') && !s.firm);
    const slots = new Set(this.shuffled(newOnes.length).slice(0, fresh.length));
    newOnes.forEach((s, i) => { if (slots.has(i)) s.fresh = fresh.shift(); });
    stories.sort((a, b) => a.receivedAt - b.receivedAt);
    stories.forEach((s, i) => { s.n = i; });
    for (const s of stories) {
      this.applyEffects(s.receivedAt);
      if (s.category.startsWith('NEW_')) this.newStory(s, s.category);
      else this.changeStory(s);
    }
    this.applyEffects(Infinity);
    // The jobs as the server runs them: on each day something fell due, and now.
    for (const at of [...this.jobRuns].sort((a, b) => a - b)) this.jobs(at);
    this.jobs(this.ctx.now);
    return stories.length;
  }

  /**
   * Registers the 仮アカウント `concurrency` at a time, so that their hashing overlaps the timeline; `stop` ends it
   * early (the timeline failed). Resolves when no registration runs any more.
   */
  startRegistrations(concurrency: number, stop: () => boolean): Promise<void> {
    const queue = [...this.registrations];
    const settle = new Map<number, { resolve: (v: { loginId: string }) => void; reject: (e: unknown) => void }>();
    for (const r of queue) {
      const p = new Promise<{ loginId: string }>((resolve, reject) => settle.set(r.n, { resolve, reject }));
      p.catch(() => undefined); // reported by the submission that awaits it
      this.accounts.set(r.n, p);
    }
    let next = 0;
    const worker = async () => {
      while (next < queue.length && !stop()) {
        const r = queue[next++]!;
        await r.run().then(settle.get(r.n)!.resolve, settle.get(r.n)!.reject);
      }
    };
    return Promise.all(Array.from({ length: concurrency }, worker)).then(() => undefined);
  }

  private shuffled(n: number): number[] {
    const out = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  private later(at: number, apply: () => void): void {
    this.effects.push({ at, seq: this.effectSeq++, apply });
  }

  private applyEffects(until: number): void {
    for (;;) {
      const due = this.effects.filter((e) => e.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) return;
      this.effects = this.effects.filter((e) => e !== due);
      due.apply();
    }
  }

  /** A submission time `minDays`–`maxDays` ago, mostly on business days in office hours (JST). */
  private receivedTime(minDays: number, maxDays: number): number {
    let date = jstDate(this.ctx.now - between(minDays, maxDays) * DAY);
    if (!isBusinessDay(date) && chance(0.8)) date = addBusinessDays(date, -1);
    let t = officeHours(date);
    if (t > this.ctx.now - 10 * MINUTE) t = this.ctx.now - int(10, 240) * MINUTE;
    return t;
  }

  /** Offices in service before the two years: approved new applications of 800–4000 days ago. */
  private openingsBefore(firmCount: number): Story[] {
    const stories: Story[] = [];
    for (const f of this.firms.slice(0, Math.round(firmCount * 0.4))) {
      for (let i = 0, n = chance(0.25) ? 2 : 1; i < n; i++) {
        stories.push({ n: 0, firm: f, status: 'APPROVED', receivedAt: this.receivedTime(800, 4000), category: chance(0.7) ? 'NEW_NET' : 'NEW_GENERAL' });
      }
    }
    return stories;
  }

  /** The two years of applications: kinds and statuses in proportion, the open ones recent. */
  private twoYears(total: number): Story[] {
    const categories = proportioned(CATEGORY_WEIGHTS, total);
    const statuses = proportioned(STATUS_WEIGHTS, total);
    const stories: Story[] = categories.map((category, i) => {
      const status = statuses[i]!;
      return { n: 0, category, status, receivedAt: this.receivedTime(...RECEIVED_WINDOW[status]) };
    });
    // Always in the demo: two approvals of the last days still in their パスワード参照期間, and an approved new
    // application the deadline job cancelled.
    const approvedNew = stories.filter((s) => s.category === 'NEW_NET' && s.status === 'APPROVED');
    for (const s of approvedNew.slice(0, 2)) Object.assign(s, { startSoon: true, receivedAt: this.receivedTime(8, 12) });
    const cancelled = approvedNew[2];
    if (cancelled) Object.assign(cancelled, { status: 'CANCELLED', deadlineCancel: true, receivedAt: this.receivedTime(120, 400) });
    return stories;
  }

  // ── offices ──

  /** Offices an application can name at `at`: in service (started), not ending, no 契約解除 applied for. */
  private inService(at: number, filter: (o: OfficeModel) => boolean = () => true): OfficeModel[] {
    const date = jstDate(at);
    return this.offices.filter((o) => o.status === 'active' && !!o.startDate && o.startDate < date && !o.endDate && !o.terminating && filter(o));
  }

  private ownCodes(o: OfficeModel): UserCodeModel[] {
    return o.userCodes.filter((u) => u.owner === o);
  }

  /** Own 利用者コード with 識別番号 to give up (one kept per code; none with the 保存サービス, whose rows must name a bonded 業種). */
  private abolishable(o: OfficeModel): UserCodeModel[] {
    return this.ownCodes(o).filter((u) => !u.bondedRecordService && this.liveIdents(u, o).length >= 2);
  }

  private liveIdents(u: UserCodeModel, o: OfficeModel): IdentModel[] {
    return u.idents.filter((i) => i.office === o && i.live && !i.pending);
  }

  /** The offices an application names count it as open until it is decided. */
  private holdOpen(offices: OfficeModel[], until: number): void {
    for (const o of offices) o.open++;
    if (until !== Infinity) this.later(until, () => { for (const o of offices) o.open--; });
  }

  // ── new applications ──

  private newStory(s: Story, requested: Category): void {
    const at = s.receivedAt;
    let f = s.firm ?? s.fresh;
    if (!f) {
      const established = this.firms.filter((x) => this.offices.some((o) => o.firm === x && o.status === 'active'));
      f = established.length ? pick(established) : pick(this.firms);
    }
    const firmOf = f;
    let category = requested;
    const sharable = this.inService(at, (o) => o.firm !== firmOf && this.ownCodes(o).length > 0);
    if (category === 'NEW_SHARED' && !sharable.length) category = 'NEW_GENERAL';
    const st = site(f);
    const connection = category === 'NEW_NET' ? Connection.NET : Connection.GENERAL;
    let spec: ContractSpec;
    let shared: UserCodeModel | undefined;
    if (category === 'NEW_SHARED') {
      shared = pick(this.ownCodes(pick(sharable)));
      const uc = shared;
      spec = sharedOnlySpec(f, { code: () => uc.code!, systemCategory: uc.systemCategory });
    } else {
      spec = contractSpec(st, connection);
      // A second office of a firm in service before the two years often shares its first office's 利用者コード.
      const first = s.firm ? this.inService(at, (o) => o.firm === firmOf && this.ownCodes(o).length > 0)[0] : undefined;
      if (first && chance(0.6)) {
        const uc = this.ownCodes(first)[0]!;
        shared = uc;
        spec.userCodes.push(sharedUserCode(f, { code: () => uc.code!, systemCategory: uc.systemCategory }));
      }
    }
    const head = this.inService(at, (o) => o.firm === firmOf)[0];
    const consolidatedWith: ConsolidatedWith | undefined = head && chance(0.4)
      ? (() => {
        const byOfficeCode = chance(0.6);
        return { officeName: head.office.name!, byOfficeCode, code: () => (byOfficeCode ? head.exec.code! : head.exec.billingCode!) };
      })()
      : undefined;
    const billing = billingInput(st, consolidatedWith);
    const receivedDate = jstDate(at);
    const lead = spec.lines.length ? 60 : 10;
    const draft = newDraft(st, spec, {
      receivedDate, lead, billing, consolidatedWith, sharedOnly: category === 'NEW_SHARED',
      desiredStartDate: s.startSoon ? addBusinessDays(this.today, int(5, 15)) : undefined,
    });
    const office: OfficeModel = {
      key: `o${this.offices.length}`, firm: f, site: st, status: 'pending', terminating: false, open: 0,
      office: st.office, billing, consolidatedWith, plan: spec.plan,
      usesNet: connection === Connection.NET, usesGeneral: connection === Connection.GENERAL, netTerminals: 0, lines: 0,
      userCodes: [], exec: { pendingIdents: new Set() },
    };
    this.offices.push(office);
    const refs = [consolidatedWith ? head : undefined, shared?.owner].filter((o): o is OfficeModel => !!o);
    const ex: AppExec = { version: 1, naming: [] };
    const keys = { app: `app:${s.n}`, own: `office:${office.key}`, refs: refs.map((o) => `office:${o.key}`) };

    // 仮アカウント: the applicant registers some minutes to hours before applying.
    const registeredAt = at - int(5, 600) * MINUTE;
    this.registrations.push({
      n: s.n,
      run: () => asOf(registeredAt, () => this.intakeService(registeredAt).registerProvisionalAccount({ companyName: f.name, companyNameKana: f.nameKana, applicant: draft.applicant })),
    });
    this.timeline.add(at, ['receipt', keys.app, keys.own, ...keys.refs], `submit new application ${s.n}`, async () => {
      const account = await this.accounts.get(s.n)!;
      const input = draft.build();
      ex.input = input;
      const created = await this.intakeService(at).submitNew(account.loginId, undefined, input, this.ctx.cast.portal);
      this.took(ex, created);
      office.exec.id = created.office!.id;
    });

    const path = this.review(s, 'NEW', draft.desiredStartDate, lead);
    this.schedule(s, path, ex, { ...keys, kind: 'NEW' });
    let endsAt = path.endsAt;
    if (path.approveAt !== undefined) {
      const approvedAt = path.approveAt;
      const startDate = path.startDate!;
      this.timeline.add(approvedAt, [keys.app, keys.own, ...keys.refs, 'issue-new'], `approve new application ${s.n}`, async () => {
        const approved = await this.reviewService(approvedAt).approve(ex.id!, startDate, ex.version, path.assignee);
        this.took(ex, approved);
        office.exec.code = approved.office!.code;
        office.exec.billingCode = approved.office!.billingCode;
        const codes = await this.issuedCodes(ex.id!);
        this.ownCodes(office).forEach((u, i) => { u.code = codes[i]; });
      });
      // The contract as the approval issues it, in the planner's picture (from the spec).
      this.later(approvedAt, () => {
        office.status = 'active';
        office.startDate = startDate;
        for (const u of spec.userCodes) {
          const code: UserCodeModel = u.shared ? shared! : {
            owner: office, systemCategory: u.systemCategory, statisticsPaid: u.statisticsPaid, statisticsFree: u.statisticsFree,
            bondedRecordService: u.bondedRecordService, idents: [],
          };
          for (const id of u.ids) for (let i = 0; i < id.identCount; i++) code.idents.push({ office, live: true, pending: false });
          office.userCodes.push(code);
        }
        office.netTerminals = spec.terminals.filter((t) => t.type === TerminalType.NET).reduce((a, t) => a + t.count, 0);
        office.lines = spec.lines.length;
      });
      const deadline = addBusinessDays(startDate, -SYSTEM_SETTINGS_BUSINESS_DAYS);
      if (path.systemCancel) {
        // No システム設定申込: the job cancels the approval the day after the deadline and the office closes.
        const jobAt = jstTime(addDays(deadline, 1), 5);
        this.jobRuns.add(jobAt);
        this.later(jobAt, () => {
          office.status = 'closed';
          for (const u of office.userCodes) for (const i of u.idents) if (i.office === office) i.live = false;
        });
        endsAt = jobAt;
      } else {
        // システム設定申込: by the deadline when that has passed; otherwise it may still come.
        const latest = Math.min(jstTime(deadline, 24 * 60 - 1), this.ctx.now - 5 * MINUTE);
        if (latest > approvedAt + HOUR && (deadline < this.today || chance(0.5))) {
          const recordAt = between(approvedAt + HOUR, latest);
          this.timeline.add(recordAt, [keys.app], `system settings ${s.n}`, async () => {
            this.took(ex, await this.reviewService(recordAt).recordSystemSettings(ex.id!, this.ctx.cast.portal));
          });
        }
        const certificates = spec.terminals.some((t) => t.type === TerminalType.NET || t.type === TerminalType.WEB);
        if (certificates) endsAt = Math.max(endsAt, this.certificates(s, approvedAt, startDate, office, ex));
      }
    }
    this.holdOpen(refs, endsAt);
    // The office others bill to (一括請求) stays: its 契約解除 would leave their 請求先 pointing nowhere.
    if (consolidatedWith) this.holdOpen([head!], Infinity);
  }

  // ── change applications ──

  private changeStory(s: Story): void {
    const at = s.receivedAt;
    let category = s.category;
    const need: Partial<Record<Category, (o: OfficeModel) => boolean>> = {
      CHG_MAILBOX: (o) => o.usesGeneral,
      CHG_TERMINAL: (o) => o.netTerminals > 0 || o.lines > 0,
      CHG_IDENT: (o) => this.abolishable(o).length > 0,
      TERMINATION: (o) => o.open === 0,
      TRANSFER: () => this.inService(at).length > 1,
      // 機器共用は同一企業内でのみ可能 (seed 000).
      EQUIPMENT_SHARING: (o) => o.usesGeneral && this.inService(at, (x) => x !== o && x.firm === o.firm && x.usesGeneral).length > 0,
    };
    let candidates = this.inService(at, need[category]);
    if (!candidates.length) {
      category = 'CHG_MANAGER';
      candidates = this.inService(at);
    }
    if (!candidates.length) {
      // Nothing in service yet (a very small demo): a new application instead.
      this.newStory(s, 'NEW_NET');
      return;
    }
    const o = pick(candidates);
    const registered: Registered = { firm: o.firm, site: o.site, office: o.office, billing: o.billing, plan: o.plan };
    const receivedDate = jstDate(at);
    const ex: AppExec = { version: 1, naming: [] };
    const refs: OfficeModel[] = [];
    const change = this.changeOf(category, o, registered, receivedDate, at, ex, refs);
    const person: PersonInput = chance(0.35) && o.office.manager ? o.office.manager : staffPerson({ domain: o.firm.domain, name: o.firm.name }, o.site.loc.area);
    const desiredStartDate = desiredDate(receivedDate, 5);
    const remarks = chance(0.15) ? pick(REMARKS) : undefined;
    const keys = { app: `app:${s.n}`, own: `office:${o.key}`, refs: refs.map((r) => `office:${r.key}`) };
    this.timeline.add(at, ['receipt', keys.app, keys.own, ...keys.refs], `submit change application ${s.n}`, async () => {
      const part = await change.part(new OfficeReader(this.ctx.em));
      const input: ChangeApplicationInput = {
        ...part, applicant: applicant(person), desiredStartDate, remarks: part.remarks ?? remarks,
        billing: part.billing && o.consolidatedWith ? resolvedBilling(part.billing, o.consolidatedWith) : part.billing,
      };
      ex.input = input;
      this.took(ex, await this.intakeService(at).submitChange(o.exec.code!, input, this.ctx.cast.portal));
    });
    const path = this.review(s, 'CHANGE', desiredStartDate, 5);
    this.schedule(s, path, ex, { ...keys, kind: 'CHANGE', release: change.release, office: o });
    let endsAt = path.endsAt;
    if (path.approveAt !== undefined) {
      const approvedAt = path.approveAt;
      const startDate = path.startDate!;
      this.timeline.add(approvedAt, [keys.app, keys.own], `approve change application ${s.n}`, async () => {
        this.took(ex, await this.reviewService(approvedAt).approve(ex.id!, startDate, ex.version, path.assignee));
        ex.naming.forEach((i) => o.exec.pendingIdents.delete(i)); // they end on the start date now
        if (change.newCode) change.newCode.code = (await this.issuedCodes(ex.id!))[0];
      });
      this.later(approvedAt, () => {
        change.effect();
        if (category === 'TERMINATION') {
          o.terminating = false;
          o.endDate = startDate;
          const closesAt = jstTime(startDate, 5);
          if (startDate <= this.today) this.jobRuns.add(closesAt);
          this.later(closesAt, () => { o.status = 'closed'; });
        }
      });
      if (change.certificates) endsAt = Math.max(endsAt, this.certificates(s, approvedAt, startDate, o, ex));
    }
    this.holdOpen([o, ...refs], endsAt);
  }

  /** What a change application of a category asks for (built when it is submitted) and its effect on the picture. */
  private changeOf(category: Category, o: OfficeModel, r: Registered, receivedDate: string, at: number, ex: AppExec, refs: OfficeModel[]): Change {
    const fixed = (part: ChangePart, effect: () => void = () => undefined, more: Partial<Change> = {}): Change => ({ part: () => Promise.resolve(part), effect, ...more });
    switch (category) {
      case 'CHG_MAILBOX':
        return fixed(mailboxAddition(o.usesGeneral).part);
      case 'CHG_TERMINAL': {
        if (o.netTerminals === 0) return this.onLine(o, int(1, 4), '業務量の増加に伴い、一般NACCSの論理端末を追加するため。', receivedDate);
        const { part, terminal } = terminalAddition(TerminalType.NET, (this.ownCodes(o)[0] ?? o.userCodes[0])?.systemCategory ?? o.firm.business.category);
        return fixed(part, () => { o.netTerminals += terminal.count; }, { certificates: true });
      }
      case 'CHG_IDENT':
        return this.identAbolition(o, ex);
      case 'CHG_MANAGER': {
        const { part, manager } = managerChange(r);
        return fixed(part, () => { o.office = { ...o.office, manager }; });
      }
      case 'CHG_PLAN': {
        const { part, plan } = planChange(r);
        return fixed(part, () => { o.plan = plan; });
      }
      case 'CHG_BILLING': {
        const { part, billing } = billingContactChange(r);
        return fixed(part, () => { o.billing = billing; });
      }
      case 'CHG_OTHER':
        return this.otherItemChange(o, r, receivedDate);
      case 'TERMINATION':
        o.terminating = true;
        return fixed({ otherChange: OtherChange.TERMINATION, reason: pick(TERMINATION_REASONS) }, undefined, { release: () => { o.terminating = false; } });
      case 'TRANSFER': {
        const sameFirm = this.inService(at, (x) => x.firm === o.firm && x !== o);
        const target = sameFirm.length ? pick(sameFirm) : pick(this.inService(at, (x) => x !== o));
        refs.push(target);
        return {
          part: () => Promise.resolve({
            otherChange: OtherChange.TRANSFER, transferTargetOfficeCode: target.exec.code!,
            reason: `組織変更に伴い、論理端末および利用者IDを事業所コード${target.exec.code!}へ付け替えるため。`,
          }),
          effect: () => undefined,
        };
      }
      default: {
        const partner = pick(this.inService(at, (x) => x !== o && x.firm === o.firm && x.usesGeneral));
        refs.push(partner);
        return {
          part: () => Promise.resolve({
            otherChange: OtherChange.EQUIPMENT_SHARING, equipmentSharingOfficeCode: partner.exec.code!,
            reason: '同一建物内の関連会社と一般NACCSの回線・機器を共用するため。',
          }),
          effect: () => undefined,
        };
      }
    }
  }

  /** 識別番号の廃止: which ones is read from the office's contract at submission (the planner knows how many). */
  private identAbolition(o: OfficeModel, ex: AppExec): Change {
    const uc = pick(this.abolishable(o));
    const live = this.liveIdents(uc, o);
    const targets = live.length >= 3 && chance(0.3) ? live.slice(0, 2) : live.slice(0, 1);
    targets.forEach((t) => { t.pending = true; });
    const fractions = targets.map(() => rnd());
    const reason = pick(IDENT_ABOLITION_REASONS);
    // The registered contract decides: when it has fewer 識別番号 left than the plan thought (some already ending on a
    // later date), fewer are abolished; when none, the customer changes the 料金プラン instead.
    let plan: OfficeModel['plan'] | undefined;
    return {
      part: async (db) => {
        const rows = (await db.liveIdents(uc.code!, o.exec.id!)).filter((x) => !o.exec.pendingIdents.has(x.identNo));
        const chosen = fractions.map((f) => (rows.length ? rows.splice(Math.floor(f * rows.length), 1)[0] : undefined)).filter((c) => c !== undefined);
        if (!chosen.length) {
          targets.forEach((t) => { t.pending = false; });
          const change = planChange({ firm: o.firm, site: o.site, office: o.office, billing: o.billing, plan: o.plan });
          plan = change.plan;
          return change.part;
        }
        ex.naming = chosen.map((c) => c.identNo);
        ex.naming.forEach((i) => o.exec.pendingIdents.add(i));
        return identAbolition(registeredCode(uc), chosen, reason);
      },
      effect: () => {
        if (plan) o.plan = plan;
        else targets.forEach((t) => { t.live = false; t.pending = false; });
      },
      release: () => targets.forEach((t) => { t.pending = false; }),
    };
  }

  /** The remaining checkbox items: office data, contractor, payment, user codes, industries, statistics, … */
  private otherItemChange(o: OfficeModel, r: Registered, receivedDate: string): Change {
    const fixed = (part: ChangePart, effect: () => void, more: Partial<Change> = {}): Change => ({ part: () => Promise.resolve(part), effect, ...more });
    const options = ['COMPANY_OFFICE', 'CONTRACTOR', 'PAYMENT_METHOD', 'INDUSTRY', 'STATISTICS', 'MANAGER_AND_BILLING'];
    // A 利用者コード of the other システム区分 (an office with both has what it needs).
    const categories = new Set(this.ownCodes(o).map((u) => u.systemCategory));
    if (!categories.has(SystemCategory.SEA) || !categories.has(SystemCategory.AIR)) options.push('USER_CODE');
    if (o.usesNet) options.push('WEB_CERTIFICATE', 'WEB_CERTIFICATE');
    if (o.lines > 0) options.push('GENERAL_TERMINAL');
    const own = this.ownCodes(o).filter((u) => !u.bondedRecordService);
    switch (pick(options)) {
      case 'COMPANY_OFFICE': {
        const { part, office } = relocation(r);
        if (o.lines > 0) {
          // Its lines move with it (read from the contract at submission).
          const constructionDate = addBusinessDays(receivedDate, 10);
          return {
            part: async (db) => relocationWithLines(part, await db.liveLines(o.exec.id!), constructionDate),
            effect: () => { o.office = { ...o.office, ...office }; },
          };
        }
        return fixed(part, () => { o.office = { ...o.office, ...office }; });
      }
      case 'CONTRACTOR': {
        const { part, contractor } = contractorChange(r);
        return fixed({ ...part, remarks: '登記事項証明書の写しを別途郵送いたします。' }, () => { o.office = { ...o.office, contractor }; });
      }
      case 'PAYMENT_METHOD': {
        const { part, billing } = paymentMethodChange(r);
        return fixed(part, () => { o.billing = billing; });
      }
      case 'USER_CODE': {
        const systemCategory = categories.has(SystemCategory.SEA) ? SystemCategory.AIR : SystemCategory.SEA;
        const id = { industries: [pick(o.firm.business.industries)], processingMethod: ProcessingMethod.INTERACTIVE, identCount: int(1, 3) };
        const uc: UserCodeModel = { owner: o, systemCategory, statisticsPaid: false, statisticsFree: true, bondedRecordService: false, idents: [] };
        return fixed(userCodeAddition(systemCategory, id), () => {
          for (let i = 0; i < id.identCount; i++) uc.idents.push({ office: o, live: true, pending: false });
          o.userCodes.push(uc);
        }, { newCode: uc });
      }
      case 'INDUSTRY': {
        const uc = own[0];
        if (!uc) break;
        const industry = pick(o.firm.business.industries.filter((i) => !SOLO_INDUSTRIES.includes(i)).concat(Industry.CUSTOMS_BROKER));
        return {
          part: () => Promise.resolve(industryAddition(registeredCode(uc), industry)),
          effect: () => { uc.idents.push({ office: o, live: true, pending: false }); },
        };
      }
      case 'STATISTICS': {
        const uc = own.find((u) => !u.statisticsPaid);
        if (!uc) break;
        return { part: () => Promise.resolve(statisticsChange(registeredCode(uc))), effect: () => { uc.statisticsPaid = true; } };
      }
      case 'WEB_CERTIFICATE':
        return fixed(terminalAddition(TerminalType.WEB, o.userCodes[0]?.systemCategory ?? SystemCategory.SEA).part, () => undefined, { certificates: true });
      case 'GENERAL_TERMINAL':
        return this.onLine(o, int(1, 3), '端末の増設に伴い、一般NACCSの論理端末を追加するため。', receivedDate);
      default: {
        // The manager and the billing contact change together (a reorganisation).
        const m = managerChange(r);
        const b = billingContactChange(r);
        return fixed({
          changeItems: [...m.part.changeItems!, ...b.part.changeItems!], office: m.part.office, billing: b.part.billing,
          reason: '担当部署の再編に伴い、管理責任者および請求担当者を変更するため。',
        }, () => { o.office = { ...o.office, manager: m.manager }; o.billing = b.billing; });
      }
    }
    const { part, manager } = managerChange(r);
    return fixed(part, () => { o.office = { ...o.office, manager }; });
  }

  /** 一般NACCS terminals on one of the office's lines (which one is read from its contract at submission). */
  private onLine(o: OfficeModel, count: number, reason: string, receivedDate: string): Change {
    const f = rnd();
    const constructionDate = addBusinessDays(receivedDate, int(5, 15));
    return {
      part: async (db) => {
        const lines = await db.liveLines(o.exec.id!);
        return generalTerminalsOnLine(lines[Math.floor(f * lines.length)]!, count, constructionDate, reason);
      },
      effect: () => undefined,
    };
  }

  private review(s: Story, kind: 'NEW' | 'CHANGE', desired: string, lead: number): ReviewPath {
    return reviewPath(s, kind, desired, lead, { now: this.ctx.now, today: this.today, reviewers: this.ctx.cast.reviewers });
  }

  /** Puts the review steps (all but the approval) of an application on the timeline. */
  private schedule(
    s: Story, path: ReviewPath, ex: AppExec,
    o: { app: string; own: string; refs: string[]; kind: 'NEW' | 'CHANGE'; release?: () => void; office?: OfficeModel },
  ): void {
    const cast = this.ctx.cast;
    const bySupervisor = chance(0.5);
    const returnMessages = path.steps.filter((x) => x.kind === 'return').map(() => pick(s.category === 'NEW_GENERAL' && chance(0.5) ? LINE_RETURN_MESSAGES : RETURN_MESSAGES));
    // Freed when the application ends without approval: the planner's picture then, the office's list as it runs.
    const free = () => ex.naming.forEach((i) => o.office?.exec.pendingIdents.delete(i));
    for (const step of path.steps) {
      const at = step.at;
      switch (step.kind) {
        case 'assign':
          this.timeline.add(at, [o.app], `assign ${s.n}`, async () => {
            const by = bySupervisor ? cast.supervisor : path.assignee;
            this.took(ex, await this.reviewService(at).assign(ex.id!, ex.version, by, bySupervisor ? path.assignee.staff!.id : undefined));
          });
          break;
        case 'note': {
          const note = pick(INTERNAL_NOTES);
          const by = chance(0.7) ? path.assignee : cast.support;
          this.timeline.add(at, [o.app], `internal note ${s.n}`, async () => { await this.reviewService(at).addInternalNote(ex.id!, note, by); });
          break;
        }
        case 'return': {
          const message = returnMessages.shift()!;
          this.timeline.add(at, [o.app], `return ${s.n}`, async () => {
            this.took(ex, await this.reviewService(at).returnForCorrection(ex.id!, message, ex.version, path.assignee));
          });
          break;
        }
        case 'resubmit': {
          const remarks = pick(RESUBMIT_REMARKS);
          const desiredStartDate = path.desiredStartDate;
          const constructionDate = addBusinessDays(jstDate(at), int(20, 40));
          this.timeline.add(at, [o.app, o.own, ...o.refs], `resubmit ${s.n}`, async () => {
            const before = ex.input!;
            const today = jstDate(at);
            const input = {
              ...before, remarks,
              desiredStartDate: before.desiredStartDate! > desiredStartDate ? before.desiredStartDate : desiredStartDate,
              lines: before.lines?.map((l) => (l.constructionDate && l.constructionDate <= today ? { ...l, constructionDate } : l)),
            };
            ex.input = input;
            const data = o.kind === 'NEW' ? { newApplication: input as NewApplicationInput } : { changeApplication: input as ChangeApplicationInput };
            this.took(ex, await this.intakeService(at).resubmit(ex.id!, data, ex.version, cast.portal));
          });
          break;
        }
        case 'withdraw': {
          const reason = pick(WITHDRAW_MESSAGES);
          this.timeline.add(at, [o.app, o.own], `withdraw ${s.n}`, async () => {
            this.took(ex, await this.intakeService(at).withdraw(ex.id!, reason, ex.version, cast.portal));
            free();
          });
          if (o.release) this.later(at, o.release);
          break;
        }
        case 'cancel': {
          const reason = pick(CANCEL_MESSAGES);
          this.timeline.add(at, [o.app, o.own], `cancel ${s.n}`, async () => {
            this.took(ex, await this.reviewService(at).cancel(ex.id!, reason, ex.version, cast.supervisor));
            free();
          });
          if (o.release) this.later(at, o.release);
          break;
        }
        default:
          break;
      }
    }
  }

  // ── certificates ──

  /**
   * The approval issued デジタル証明書 for its netNACCS/webNACCS terminals. After the start date terminals pick
   * theirs up (the ones acquired more than a year ago have expired since); the others are stopped by the job when
   * their acquisition deadline passes. One acquired certificate is revoked later (a lost PC). Every status is in
   * the demo whatever the instant: an old acquisition (expired), recent ones (acquired), a revocation. Returns the
   * instant of the last of these steps.
   */
  private certificates(s: Story, approvedAt: number, startDate: string, o: OfficeModel, ex: AppExec): number {
    const ca = this.ctx.ca;
    if (!ca) return approvedAt;
    const old = startDate < addDays(this.today, -400);
    const recent = startDate >= addDays(this.today, -330);
    const needed = (old && !this.expiredPlanned) || (recent && this.acquiredPlanned < 2);
    if (!needed && !chance(recent ? 0.6 : old ? 0.15 : 0.3)) return approvedAt;
    const day = addBusinessDays(startDate, int(0, 12));
    const at = officeHours(day);
    if (day > addMonths(startDate, ACQUIRE_MONTHS) || at >= this.ctx.now - HOUR || at <= approvedAt) return approvedAt;
    if (old) this.expiredPlanned = true;
    if (recent) this.acquiredPlanned++;
    // Each enrollment is work for the database and the CA: some of the terminals of each approval pick theirs up.
    const count = old ? 1 : int(1, recent ? 3 : 2);
    this.timeline.add(at, [`app:${s.n}`, `office:${o.key}`], `certificates ${s.n}`, async () => {
      const today = jstDate(at);
      const waiting = await this.ctx.em.fork().find(Certificate, {
        application: ex.id!, status: CertificateStatus.PENDING, acquireBy: { $gte: today },
        terminal: { $or: [{ endDate: null }, { endDate: { $gt: today } }] },
      }, { populate: ['terminal'], orderBy: { terminal: { name: 'asc' } }, limit: count });
      for (const [i, c] of waiting.entries()) {
        const result = await new CertificateService(this.ctx.em.fork(), this.ctx.secrets, fixedClock(at + i * MINUTE)).enroll({
          terminalName: c.terminal.name, authCode1: c.authCode1, authCode2: this.ctx.secrets.open(c.authCode2Enc),
          authCode3: this.ctx.secrets.open(c.authCode3Enc), csr: await terminalRequest(c.terminal.name),
        }, ca);
        if (!result.ok) throw new Error(`enrollment of ${c.terminal.name} refused: ${result.message}`);
        ex.serial ??= result.certificate.serial;
      }
    });
    const revokeAt = at + int(10, 30) * DAY;
    if (this.revocationPlanned || !recent || revokeAt >= this.ctx.now - HOUR) return at;
    this.revocationPlanned = true;
    const reason = pick(REVOCATION_REASONS);
    this.timeline.add(revokeAt, [`app:${s.n}`, `office:${o.key}`], `revoke certificate ${s.n}`, async () => {
      await new CertificateService(this.ctx.em.fork(), this.ctx.secrets, fixedClock(revokeAt)).revoke(ex.serial!, reason, this.ctx.cast.supervisor);
    });
    return revokeAt;
  }

  // ── jobs ──

  /** The server's jobs as of `at`: deadline cancellations, offices whose 契約解除 took effect, certificate rules. */
  private jobs(at: number): void {
    this.timeline.barrier(at, 'jobs', async () => {
      const clock = fixedClock(at);
      await cancelOverdueApplications(this.ctx.em, this.ctx.secrets, clock);
      await closeEndedOffices(this.ctx.em, clock);
      await runCertificateJob(this.ctx.em, clock);
    });
  }

  // ── the services, at an instant ──

  private intakeService(at: number): IntakeService {
    return new IntakeService(this.ctx.em.fork(), this.ctx.secrets, fixedClock(at));
  }

  private reviewService(at: number): ReviewService {
    return new ReviewService(this.ctx.em.fork(), this.ctx.secrets, fixedClock(at), this.ctx.ipPool);
  }

  private took(ex: AppExec, app: Application): void {
    ex.id = app.id;
    ex.version = app.version;
  }

  /** The 利用者コード an approval issued, in the order of its rows. */
  private async issuedCodes(applicationId: string): Promise<string[]> {
    const rows = await this.ctx.em.getConnection().execute<Array<{ code: string }>>(
      'select code from user_code where issued_by_id = ? order by code', [applicationId],
    );
    return rows.map((r) => r.code);
  }
}

/** A change application: its sections (built at submission), its effect on the picture, what it holds back. */
interface Change {
  part: (db: OfficeReader) => Promise<ChangePart>;
  effect: () => void;
  /** Undoes what the application held back (an abolition's 識別番号, a 契約解除) when it ends unapproved. */
  release?: () => void;
  /** A 利用者コード the approval issues (its code is read back). */
  newCode?: UserCodeModel;
  /** The approval issues デジタル証明書. */
  certificates?: boolean;
}

