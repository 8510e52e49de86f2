import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationKind, RowAction } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import type { Application } from '../applications/Application.js';
import { ClosureDay } from './ClosureDay.js';
import {
  addBusinessDays, addDays, businessDaysBetween, closedReason, isBusinessDay, subtractBusinessDays, type ClosureSet,
} from './businessDays.js';

/** Standard lead times in business days (SPEC.md defaults; LEAD_TIME_* override). */
export interface LeadTimes {
  newLine: number;
  newOther: number;
  change: number;
}

export const DEFAULT_LEAD_TIMES: LeadTimes = { newLine: 60, newOther: 10, change: 5 };

// The process's lead times: the configured ones (LEAD_TIME_*, validated by config.ts), installed by main.ts at start.
let processLeadTimes: LeadTimes = DEFAULT_LEAD_TIMES;

export function installLeadTimes(leadTimes: LeadTimes): void {
  processLeadTimes = leadTimes;
}

/** システム設定申込締切日 = start date − 4 business days (システム利用規程 第15条). */
export const SYSTEM_SETTINGS_BUSINESS_DAYS = 4;

/** システム設定申込締切日 of a start date: SYSTEM_SETTINGS_BUSINESS_DAYS business days before it. */
export const systemSettingsDeadlineOf = (startDate: string, closures: ClosureSet): string =>
  subtractBusinessDays(startDate, SYSTEM_SETTINGS_BUSINESS_DAYS, closures);
/** Passwords are readable until start date + 2 business days. */
export const REFERENCE_PERIOD_BUSINESS_DAYS = 2;

export interface StartDateAdvice {
  leadTimeBusinessDays: number;
  earliestStartDate: string;
  /** The NSS warning: 申込日と利用開始希望日の間隔が標準日数より短い. */
  desiredDateTooSoon: boolean;
}

/** How long a process may show the queue horizon (期限が近い) from closure days it read earlier. */
const HORIZON_CLOSURES_MS = 30_000;
let horizon: { at: number; closures: Promise<ClosureSet> } | undefined;

/**
 * Closure days for the queue's 期限が近い horizon only: read at most every 30 s per process (a list page costs no
 * calendar query); this process forgets them when an admin changes one (forgetHorizonClosures). Decisions — start
 * dates, deadlines — always read the calendar afresh (CalendarService).
 */
export function horizonClosures(em: EntityManager, now: number): Promise<ClosureSet> {
  if (!horizon || now - horizon.at > HORIZON_CLOSURES_MS || now < horizon.at) {
    const closures = em.find(ClosureDay, {}).then((rows) => new Map(rows.map((c) => [c.date, c.reason])) as ClosureSet);
    horizon = { at: now, closures };
    closures.catch(() => (horizon = undefined));
  }
  return horizon.closures;
}

export function forgetHorizonClosures(): void {
  horizon = undefined;
}

/** The business-day calendar with the admin's extra closure days, loaded once per service. */
export class CalendarService {
  private closures?: Promise<ClosureSet>;

  constructor(private readonly em: EntityManager, private readonly leadTimes: LeadTimes = processLeadTimes) {}

  /** Closure days, read once per service (the promise is shared, so concurrent callers make one query). */
  closureSet(): Promise<ClosureSet> {
    this.closures ??= this.em.find(ClosureDay, {}).then((rows) => new Map(rows.map((c) => [c.date, c.reason])));
    return this.closures;
  }

  /**
   * Lead time: 60 for a 専用線/BB光 line to be laid — by a new application, or added or moved by a change application
   * (seeds 001/002: the line needs its construction either way) — 10 for other new, 5 for other change/abolition.
   */
  leadTime(app: Pick<Application, 'kind'>, hasNewLine: boolean): number {
    if (hasNewLine) return this.leadTimes.newLine;
    return app.kind === ApplicationKind.NEW ? this.leadTimes.newOther : this.leadTimes.change;
  }

  async advise(app: Application, hasNewLine: boolean): Promise<StartDateAdvice> {
    const closures = await this.closureSet();
    const lead = this.leadTime(app, hasNewLine);
    const earliest = addBusinessDays(todayInJapan(app.receivedAt), lead, closures);
    return {
      leadTimeBusinessDays: lead,
      earliestStartDate: earliest,
      desiredDateTooSoon: !!app.desiredStartDate && app.desiredStartDate < earliest,
    };
  }

  async systemSettingsDeadline(startDate: string): Promise<string> {
    return systemSettingsDeadlineOf(startDate, await this.closureSet());
  }

  async referencePeriodEnd(startDate: string): Promise<string> {
    return addBusinessDays(startDate, REFERENCE_PERIOD_BUSINESS_DAYS, await this.closureSet());
  }

  /** Why a date cannot be a start date, or undefined. */
  async startDateProblem(startDate: string, today: string): Promise<string | undefined> {
    if (startDate < today) return `利用開始日は本日 (${today}) 以降の日付を指定してください。`;
    const reason = closedReason(startDate, await this.closureSet());
    return reason ? `利用開始日 ${startDate} は営業日ではありません (${reason})。営業日を指定してください。` : undefined;
  }

  async days(from: string, to: string): Promise<Array<{ date: string; businessDay: boolean; reason?: string }>> {
    const closures = await this.closureSet();
    const out = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, businessDay: isBusinessDay(d, closures), reason: closedReason(d, closures) });
    return out;
  }

  async businessDaysBetween(from: string, to: string): Promise<number> {
    return businessDaysBetween(from, to, await this.closureSet());
  }
}

/**
 * Whether an application asks for a line to be laid (the 60-business-day lead time): a line added, or an existing line
 * given a 設置場所 (moved; an office's 移転 moves the lines that stand at its address — the intake records their new place).
 */
export const asksForNewLine = (lines: Array<{ action: RowAction; place?: unknown }>): boolean =>
  lines.some((l) => l.action === RowAction.ADD || (l.action === RowAction.CHANGE && !!l.place));
