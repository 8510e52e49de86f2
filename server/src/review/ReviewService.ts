import { DeadlockException, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import { ApplicationKind, ApplicationStatus, HistoryAction, NoticeCategory, Role } from '../common/enums.js';
import { DomainError, ErrorCode, badInput, forbidden, notFound } from '../common/errors.js';
import { isIsoDate } from '../common/paging.js';
import { japaneseDate, todayInJapan } from '../common/dates.js';
import type { SecretBox } from '../common/secrets.js';
import { Application } from '../applications/Application.js';
import { CalendarService, asksForNewLine } from '../calendar/CalendarService.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { enqueueMail, type MailKey } from '../notifications/outbox.js';
import { NOTICE_TEXT, addNotice, reviewNotice } from '../notifications/notices.js';
import { noticeDirectDebitForm } from '../notifications/directDebit.js';
import { applicationRecipients, applicationVariables } from '../notifications/variables.js';
import { Staff } from '../staff/Staff.js';
import { ISSUANCE_SECTIONS, IssuanceService, abbreviationTaken } from '../issuance/IssuanceService.js';
import { writeApproval } from '../issuance/approvalWrite.js';
import { DEFAULT_IP_POOL } from '../config.js';
import { CertificateService } from '../certificates/CertificateService.js';
import { recordHistory, type Actor } from './history.js';
import { MESSAGE_MAX, STATUS_LABEL, lockForTransition } from './workflow.js';
import { awaitsSystemSettings, mayActOn } from './availableActions.js';
import { logger } from '../common/logger.js';

/** How many times an approval is tried when a generated identifier collides with another process's (UNIQUE). */
const APPROVAL_ATTEMPTS = 8;

const isSupervisor = (actor: Actor) => !!actor.staff?.roles.includes(Role.SUPERVISOR);
/** The actor as the ownership rule (mayActOn) sees them. */
const ownerOf = (actor: Actor) => ({ roles: actor.staff?.roles ?? [], staffId: actor.staff?.id });

/** The dates an approval with a given start date would fix (ApprovalPreview in the schema). */
export interface ApprovalPreview {
  startDate: string;
  startDateProblem?: string;
  systemSettingsDeadline?: string;
  passwordReadableUntil: string;
  /** The earliest start date an approval today may fix without an override (minimumStartDate). */
  minimumStartDate: string;
  /** Why the date needs the reviewer's override (before the minimum, or its システム設定申込締切日 past), or undefined. */
  overrideNeeded?: string;
}

/** The approval's lead-time guard, with the reviewer's override reason if they gave one. */
interface LeadTimeGuard {
  overrideReason?: string;
}

/** A reviewer's explicit decision to approve a start date the lead-time guard refuses, with the reason. */
export interface StartDateOverride {
  reason: string;
}

/** The 審査終了 entry of an application's history. */
export const approvalMessage = (startDate: string): string => `利用開始日 ${startDate}`;

/** The internal history entry of an approval the reviewer made against the lead-time guard. */
export const startDateOverrideMessage = (startDate: string, minimum: string, reason: string): string =>
  `最短の利用開始日 ${minimum} より前 (${startDate}) またはシステム設定申込締切日経過を承知で承認: ${reason}`;

/** The reviewers' work: assignment, return with a question, approval with a start date, cancellation, notes. */
export class ReviewService {
  private readonly calendar: CalendarService;

  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly ipPool = DEFAULT_IP_POOL,
  ) {
    this.calendar = new CalendarService(em);
  }

  /** Reviewers act on their own applications (or unassigned ones they take); supervisors on any (mayActOn, the rule availableActions serves). */
  private checkOwner(app: Application, actor: Actor): void {
    if (!mayActOn(app.assignee?.id, ownerOf(actor))) {
      throw forbidden(`申込受付番号 ${app.receiptNo} は他の審査担当者の担当です。担当を変更するには監督者に依頼してください。`);
    }
  }

  private mail(em: EntityManager, app: Application, key: MailKey, variables: Record<string, unknown>): void {
    enqueueMail(em, this.secrets, { key, application: app, recipients: applicationRecipients(app), variables: { ...applicationVariables(app), ...variables } });
  }

  /** Takes an application (to self, or — supervisors — to another reviewer); a 受付 application enters 審査中. */
  async assign(id: string, expectedVersion: number, actor: Actor, assigneeId?: string): Promise<Application> {
    return this.em.transactional(async (em) => {
      const targetId = assigneeId ?? actor.staff?.id;
      if (!targetId) throw badInput([{ path: 'assigneeId', message: '担当者を指定してください。' }]);
      if (targetId !== actor.staff?.id && !isSupervisor(actor)) throw forbidden('他の審査担当者への割当は監督者のみ行えます。');
      const assignee = /^[0-9a-f-]{36}$/i.test(targetId) ? await em.findOne(Staff, { id: targetId, active: true }) : null;
      if (!assignee || !assignee.roles.some((r) => r === Role.REVIEWER || r === Role.SUPERVISOR)) {
        throw badInput([{ path: 'assigneeId', message: '指定された職員は審査担当者ではありません。' }]);
      }
      const { app } = await lockForTransition(em, id, expectedVersion, HistoryAction.ASSIGN);
      if (!mayActOn(app.assignee?.id, ownerOf(actor))) {
        throw new DomainError(ErrorCode.CONFLICT, `申込受付番号 ${app.receiptNo} は既に他の審査担当者が担当しています。`);
      }
      const from = app.status;
      app.assignee = assignee;
      if (app.status === ApplicationStatus.RECEIVED) app.status = ApplicationStatus.IN_REVIEW;
      app.version += 1;
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.ASSIGN, from, to: app.status, message: `${assignee.name} に割り当て` });
      await em.flush();
      return app;
    });
  }

  async unassign(id: string, expectedVersion: number, actor: Actor): Promise<Application> {
    return this.em.transactional(async (em) => {
      const { app } = await lockForTransition(em, id, expectedVersion, HistoryAction.UNASSIGN);
      this.checkOwner(app, actor);
      if (!app.assignee) throw new DomainError(ErrorCode.INVALID_TRANSITION, `申込受付番号 ${app.receiptNo} には担当者がいません。`);
      const name = (await em.findOneOrFail(Staff, app.assignee.id)).name;
      app.assignee = undefined;
      app.version += 1;
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.UNASSIGN, from: app.status, to: app.status, message: `${name} の担当を解除` });
      await em.flush();
      return app;
    });
  }

  /** 確認事項あり: back to the customer with a question (message required; the database refuses it empty too). */
  async returnForCorrection(id: string, message: string, expectedVersion: number, actor: Actor): Promise<Application> {
    const text = message?.trim() ?? '';
    if (!text) throw badInput([{ path: 'message', message: '確認事項 (お客様へのメッセージ) を入力してください。' }]);
    if ([...text].length > MESSAGE_MAX) throw badInput([{ path: 'message', message: `確認事項は${MESSAGE_MAX}文字以内で入力してください。` }]);
    return this.em.transactional(async (em) => {
      const { app, from, to } = await lockForTransition(em, id, expectedVersion, HistoryAction.RETURN);
      this.checkOwner(app, actor);
      app.status = to;
      app.returnMessage = text;
      app.version += 1;
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.RETURN, from, to, message: text });
      addNotice(em, app, NoticeCategory.APPLICATION, reviewNotice(app, 'returned'), this.clock.now());
      this.mail(em, app, 'application-returned', { message: text });
      await em.flush();
      return app;
    });
  }

  /**
   * 審査終了: fixes 利用開始日 (a business day, not before today) and the システム設定申込締切日, and issues what the
   * application asks for in the same transaction. A generated identifier that another process took first (UNIQUE)
   * makes the whole approval retry, a bounded number of times; then the reviewer gets a CONFLICT to press again,
   * never an internal error. A 企業略称 the reviewer chose that another approval took meanwhile is their input's error.
   */
  async approve(id: string, startDate: string, expectedVersion: number, actor: Actor, abbreviation?: string): Promise<Application> {
    return this.approveRetrying(id, startDate, expectedVersion, actor, abbreviation, undefined);
  }

  /**
   * The reviewers' 審査終了 (approveApplication): as approve, and a start date before the minimum (minimumStartDate)
   * or whose システム設定申込締切日 is past is refused (BAD_USER_INPUT on startDate naming the minimum) unless the
   * reviewer overrides it with a reason, which the history records in the same transaction. `approve` alone is for
   * replaying decisions already taken (demo seeding, test builders), which the guard would judge by today's rules.
   */
  async approveGuarded(id: string, startDate: string, expectedVersion: number, actor: Actor, abbreviation?: string, override?: StartDateOverride): Promise<Application> {
    const reason = override?.reason?.trim();
    if (override && !reason) throw badInput([{ path: 'overrideReason', message: '最短の利用開始日より前で承認する理由を入力してください。' }]);
    if (reason && [...reason].length > MESSAGE_MAX) throw badInput([{ path: 'overrideReason', message: `理由は${MESSAGE_MAX}文字以内で入力してください。` }]);
    return this.approveRetrying(id, startDate, expectedVersion, actor, abbreviation, { overrideReason: reason });
  }

  private async approveRetrying(id: string, startDate: string, expectedVersion: number, actor: Actor, abbreviation: string | undefined, guard: LeadTimeGuard | undefined): Promise<Application> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.approveOnce(id, startDate, expectedVersion, actor, abbreviation, guard);
      } catch (e) {
        // A collision on an identifier, or a deadlock PostgreSQL broke between two approvals: both are worth again.
        if (!(e instanceof UniqueConstraintViolationException || e instanceof DeadlockException)) throw e;
        if (abbreviation && e instanceof UniqueConstraintViolationException && /company_abbreviation_unique/.test(e.message)) {
          throw abbreviationTaken(abbreviation);
        }
        if (attempt >= APPROVAL_ATTEMPTS) {
          logger.warn({ applicationId: id, attempts: attempt, constraint: e.message.match(/constraint "([^"]+)"/)?.[1], deadlock: e instanceof DeadlockException }, 'approval: identifiers kept colliding');
          throw new DomainError(ErrorCode.CONFLICT, '他の承認と同時に識別番号等を採番したため、審査終了を完了できませんでした。もう一度「審査終了」を押してください。');
        }
      }
    }
  }

  /**
   * What approving with `startDate` would fix, for the approve dialog: why the date cannot be the start date (if so),
   * the システム設定申込締切日 and the end of the パスワード参照期間 — the same rules the approval applies.
   */
  async approvalPreview(app: Application, startDate: string): Promise<ApprovalPreview> {
    if (!isIsoDate(startDate ?? '')) throw badInput([{ path: 'startDate', message: '利用開始日は YYYY-MM-DD 形式の正しい日付で指定してください。' }]);
    const today = todayInJapan(this.clock.now());
    const minimum = await this.minimumStartDate(app, (await app.lines.loadItems()), today);
    return {
      startDate,
      startDateProblem: await this.calendar.startDateProblem(startDate, today),
      systemSettingsDeadline: await this.systemSettingsDeadline(app, startDate),
      passwordReadableUntil: await this.calendar.referencePeriodEnd(startDate),
      minimumStartDate: minimum,
      overrideNeeded: await this.overrideNeeded(app, startDate, minimum, today),
    };
  }

  /**
   * The earliest start date an approval on `today` may fix without an override: the standard lead time counted from
   * 受付 (CalendarService.advise — the same rule as the desired-date warning), not before today, and for a new
   * application one whose システム設定申込締切日 (start − 4 business days) is not past: the 4th business day after the
   * first business day from today.
   */
  async minimumStartDate(app: Application, lines: Parameters<typeof asksForNewLine>[0], today: string): Promise<string> {
    const advice = await this.calendar.advise(app, asksForNewLine(lines));
    const closures = await this.calendar.closureSet();
    const firstOpen = addBusinessDays(today, 0, closures);
    const candidates = [advice.earliestStartDate, firstOpen];
    if (app.kind === ApplicationKind.NEW) candidates.push(addBusinessDays(firstOpen, 4, closures));
    return candidates.reduce((a, b) => (a > b ? a : b));
  }

  /** Why approving `startDate` needs the reviewer's override (the message names the minimum), or undefined. */
  private async overrideNeeded(app: Application, startDate: string, minimum: string, today: string): Promise<string | undefined> {
    const deadline = await this.systemSettingsDeadline(app, startDate);
    if (deadline && deadline < today) {
      return `利用開始日 ${startDate} ではシステム設定申込締切日 (${deadline}) が既に過ぎています。${minimum} 以降の利用開始日を指定するか、理由を入力して承認してください。`;
    }
    if (startDate < minimum) {
      return `利用開始日は標準日数から求めた最短の日付 ${minimum} 以降を指定してください (それより前で承認するには理由を入力してください)。`;
    }
    return undefined;
  }

  /** Only a new application is followed by a システム設定申込 with its deadline. */
  private systemSettingsDeadline(app: Application, startDate: string): Promise<string | undefined> {
    return app.kind === ApplicationKind.NEW ? this.calendar.systemSettingsDeadline(startDate) : Promise.resolve(undefined);
  }

  private async approveOnce(id: string, startDate: string, expectedVersion: number, actor: Actor, abbreviation: string | undefined, guard: LeadTimeGuard | undefined): Promise<Application> {
    if (!isIsoDate(startDate ?? '')) throw badInput([{ path: 'startDate', message: '利用開始日は YYYY-MM-DD 形式の正しい日付で指定してください。' }]);
    const today = todayInJapan(this.clock.now());
    const problem = await this.calendar.startDateProblem(startDate, today);
    if (problem) throw badInput([{ path: 'startDate', message: problem }]);
    return this.em.transactional(async (em) => {
      const { app, from, to } = await lockForTransition(em, id, expectedVersion, HistoryAction.APPROVE, ISSUANCE_SECTIONS);
      this.checkOwner(app, actor);
      // The lead-time guard: refused before any issuance unless the reviewer overrides it with a reason.
      const minimum = guard && await this.minimumStartDate(app, app.lines.getItems(), today);
      const refusal = minimum && await this.overrideNeeded(app, startDate, minimum, today);
      if (refusal && !guard?.overrideReason) throw badInput([{ path: 'startDate', message: refusal }]);
      app.status = to;
      app.startDate = startDate;
      app.reviewedAt = this.clock.now();
      app.systemSettingsDeadline = await this.systemSettingsDeadline(app, startDate);
      app.version += 1;
      // One calendar for the whole approval (the closure days are read once).
      const issuance = new IssuanceService(em, this.secrets, this.clock, this.calendar);
      await issuance.issue(app, startDate, { abbreviation, ipPool: this.ipPool });
      await new CertificateService(em, this.secrets, this.clock, this.calendar).issueForApplication(app, startDate, issuance.issuedTerminals);
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.APPROVE, from, to, message: approvalMessage(startDate) });
      if (refusal && minimum && guard?.overrideReason) {
        recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.INTERNAL_NOTE, internal: true, message: startDateOverrideMessage(startDate, minimum, guard.overrideReason) });
      }
      addNotice(em, app, NoticeCategory.APPLICATION, reviewNotice(app, 'approved'), this.clock.now());
      this.mail(em, app, 'application-approved', {
        startDate: japaneseDate(new Date(`${startDate}T00:00:00+09:00`)),
        systemSettingsDeadline: app.systemSettingsDeadline ? japaneseDate(new Date(`${app.systemSettingsDeadline}T00:00:00+09:00`)) : undefined,
      });
      noticeDirectDebitForm(em, this.secrets, app, this.clock.now());
      // What the approval adds (one insert per table) and its changes to the application, office and company, in one
      // statement; the flush writes what is left (a change application's changes to other rows it loaded).
      await writeApproval(em, [app, app.office, app.office?.company].filter((e) => !!e));
      await em.flush();
      return app;
    });
  }

  /** キャンセル (supervisor): from any open status, or after approval. */
  async cancel(id: string, reason: string, expectedVersion: number, actor: Actor): Promise<Application> {
    const text = reason?.trim() ?? '';
    if (!text) throw badInput([{ path: 'reason', message: 'キャンセル理由を入力してください。' }]);
    return this.em.transactional(async (em) => {
      const { app, from, to } = await lockForTransition(em, id, expectedVersion, HistoryAction.CANCEL);
      await this.cancelLocked(em, app, from, to, text, actor, NOTICE_TEXT.cancelled, NoticeCategory.APPLICATION);
      await em.flush();
      return app;
    });
  }

  async cancelLocked(em: EntityManager, app: Application, from: ApplicationStatus, to: ApplicationStatus, reason: string, actor: Actor, notice: string, category: NoticeCategory): Promise<void> {
    if (from === ApplicationStatus.APPROVED) await new IssuanceService(em, this.secrets, this.clock).cancelIssued(app);
    app.status = to;
    app.version += 1;
    recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.CANCEL, from, to, message: reason });
    addNotice(em, app, category, notice, this.clock.now());
    this.mail(em, app, 'application-cancelled', { reason });
  }

  /** 社内メモ: an internal note the customer never sees (history only; the version does not change). */
  async addInternalNote(id: string, message: string, actor: Actor): Promise<Application> {
    const text = message?.trim() ?? '';
    if (!text) throw badInput([{ path: 'message', message: '社内メモを入力してください。' }]);
    if ([...text].length > MESSAGE_MAX) throw badInput([{ path: 'message', message: `社内メモは${MESSAGE_MAX}文字以内で入力してください。` }]);
    const app = /^[0-9a-f-]{36}$/i.test(id) ? await this.em.findOne(Application, { id }) : null;
    if (!app) throw notFound('指定された申込');
    recordHistory(this.em, app, actor, { at: this.clock.now(), action: HistoryAction.INTERNAL_NOTE, message: text, internal: true });
    await this.em.flush();
    return app;
  }

  /** システム設定申込 received (it arrives separately): stops the deadline cancellation. */
  async recordSystemSettings(id: string, actor: Actor): Promise<Application> {
    return this.em.transactional(async (em) => {
      const app = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(Application, { id }) : null;
      if (!app) throw notFound('指定された申込');
      if (!awaitsSystemSettings(app)) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `申込受付番号 ${app.receiptNo} は「${STATUS_LABEL[app.status]}」のためシステム設定申込を記録できません (審査終了した新規申込のみ)。`);
      }
      if (app.systemSettingsRecordedAt) return app;
      app.systemSettingsRecordedAt = this.clock.now();
      app.version += 1;
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.SYSTEM_SETTINGS, from: app.status, to: app.status, message: 'システム設定申込を受け付けました。' });
      addNotice(em, app, NoticeCategory.SYSTEM_SETTINGS, NOTICE_TEXT.systemSettings, this.clock.now());
      await em.flush();
      return app;
    });
  }

}

