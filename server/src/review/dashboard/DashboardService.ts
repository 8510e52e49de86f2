// The reviewers' dashboard (issue 19 ①): the figures of the console's home in few statements, each bounded by the open
// applications (a small part of the table) or by a window of time (today, this week, 12 weeks), never by the whole
// table or history. SQL only groups and counts; every date rule (business days, the lead-time minimum, the システム設定
// 申込締切日) is the project's own function applied to the groups in code.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Application } from '../../applications/Application.js';
import { businessDaysUntil, daysSince } from '../../applications/urgency.js';
import { asksForNewLine, systemSettingsDeadlineOf } from '../../calendar/CalendarService.js';
import { addDays, type ClosureSet } from '../../calendar/businessDays.js';
import { ApplicationKind, ApplicationStatus, HistoryAction, Role, RowAction } from '../../common/enums.js';
import { boundRead } from '../../db/prepared.js';
import type { ReviewService } from '../ReviewService.js';
import { OPEN } from '../workflow.js';
import type { AgeBucket, ReviewerWorkload, ServiceLevelBreaches, WeeklyThroughput } from './types.js';

/**
 * 確認事項あり waiting on the customer for more than this many calendar days is a breach: two business weeks — a
 * customer who has not answered a question by then has usually stalled, and the reviewer should phone (the portal
 * shows the question from the first day, so anything shorter would flag ordinary answers still on their way).
 */
export const RETURNED_WAITING_DAYS = 10;

/** A システム設定申込締切日 within this many business days (or past) is a breach: time to call the customer. */
export const DEADLINE_WARNING_BUSINESS_DAYS = 2;

/** Weeks of throughput on the chart, the current week last. */
export const THROUGHPUT_WEEKS = 12;

/** How many of the oldest unassigned applications the dashboard lists. */
export const OLDEST_UNASSIGNED = 10;

/** A bucket's bounds (both included; undefined: open-ended) and its Japanese label. */
interface Bounds { label: string; from?: number; to?: number }

/** Calendar days since 受付. */
export const RECEIVED_AGE: readonly Bounds[] = [
  { label: '0〜2日', from: 0, to: 2 },
  { label: '3〜5日', from: 3, to: 5 },
  { label: '6〜10日', from: 6, to: 10 },
  { label: '11〜20日', from: 11, to: 20 },
  { label: '21日以上', from: 21 },
];

/** Business days until the desired start date (negative: the date has passed). */
export const START_AGE: readonly Bounds[] = [
  { label: '期限超過', to: -1 },
  { label: '0〜5営業日', from: 0, to: 5 },
  { label: '6〜10営業日', from: 6, to: 10 },
  { label: '11〜20営業日', from: 11, to: 20 },
  { label: '21営業日以上', from: 21 },
];

const inside = (b: Bounds, n: number) => (b.from === undefined || n >= b.from) && (b.to === undefined || n <= b.to);

function tally(bounds: readonly Bounds[], counts: Iterable<[number, number]>): AgeBucket[] {
  const out = bounds.map((b) => ({ label: b.label, from: b.from, to: b.to, count: 0 }));
  for (const [value, n] of counts) {
    const i = bounds.findIndex((b) => inside(b, value));
    if (i >= 0) out[i]!.count += n;
  }
  return out;
}

/** The instant a Japanese calendar day begins. */
const dayStart = (iso: string) => new Date(`${iso}T00:00:00+09:00`);

/** The Monday (Japan) of the week of `iso`. */
export function weekStartOf(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((dow + 6) % 7));
}

/** One group of open applications with the same facts the rules read. */
interface OpenGroup {
  status: ApplicationStatus;
  kind: ApplicationKind;
  received_day: string;
  desired: string | null;
  /** The distinct (action, has a 設置場所) of its lines: what asksForNewLine reads. */
  lines: Array<{ action: RowAction; place: boolean }>;
  /** 確認事項あり: the day of the latest 差戻し (Japan). */
  returned_day: string | null;
  n: number;
}

const OPEN_SQL = `
  select a."status", a."kind",
         to_char(a."received_at" at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as "received_day",
         to_char(a."desired_start_date", 'YYYY-MM-DD') as "desired",
         (select coalesce(jsonb_agg(distinct jsonb_build_object('action', l."action", 'place',
                   coalesce(l."place_postal_code", l."place_prefecture", l."place_address", l."place_address_kana") is not null)), '[]'::jsonb)
            from "application_line" l where l."application_id" = a."id") as "lines",
         case when a."status" = 'RETURNED' then
           (select to_char(max(h."at") at time zone 'Asia/Tokyo', 'YYYY-MM-DD') from "application_history" h
             where h."application_id" = a."id" and h."action" = '${HistoryAction.RETURN}') end as "returned_day",
         count(*)::int as "n"
    from "application" a
   where a."status" in (${OPEN.map((s) => `'${s}'`).join(', ')})
   group by 1, 2, 3, 4, 5, 6`;
// Plan: the open rows come from application_open_due_idx / application_status_received_idx (partial / leading on the
// open statuses), so the work is proportional to the open set; each row probes its lines by
// application_line_application_id_index and, if 確認事項あり, its history by application_history_application_id_index.
// The groups are at most the open rows, and far fewer (same day, kind and desired date). Measured on 211,000
// applications (4,140 open, 1,000,000 history rows): 287 groups, every row by index, 60 ms on a loaded 2-core machine.
// Its estimated cost (two probes per open row) is above PostgreSQL's jit_above_cost, so with JIT on (the default)
// compiling adds 70–90 ms: the read path is better off with jit = off on its connections (see the report).

const REVIEWER_ROLES = [Role.REVIEWER, Role.SUPERVISOR];

// Plan (no comments inside: db/prepared.ts numbers the ? outside quotes, and an apostrophe would open one). open_by:
// the tally kept by triggers answers per assignee without reading applications. assigned: today's 割当 entries only
// (application_history_assign_at_idx), each looking up by primary key whoever holds its application now. approvals:
// 12 weeks of 審査終了 (application_history_approve_at_idx), each looking up its application's kind by primary key,
// read once for the workload's week and the chart. The lookups are scalar subqueries on purpose, and the statement is
// planned for its own dates (values inlined, not a cached generic plan): a generic plan cannot see how few entries the
// window holds, and at 200,000 applications / 1,000,000 history rows it hash-joined the whole application table
// (750 ms) or, shaped as now, cost enough to be JIT-compiled (500 ms); planned for its dates it runs in a few ms.
const PEOPLE_SQL = `
  with reviewers as (
    select s."id", s."name" from "staff" s where s."active" and s."roles" && array[${REVIEWER_ROLES.map((r) => `'${r}'`).join(', ')}]::text[]
  ), open_by as (
    select t."assignee_id" as "id", sum(t."n")::int as "n" from "application_tally" t
     where t."status" in (${OPEN.map((s) => `'${s}'`).join(', ')}) and t."assignee_id" is not null group by 1
  ), assigned as (
    select x."assignee_id" as "id", count(distinct x."application_id")::int as "n" from (
      select h."application_id", (select a."assignee_id" from "application" a where a."id" = h."application_id") as "assignee_id"
        from "application_history" h where h."action" = '${HistoryAction.ASSIGN}' and h."at" >= ?) x
     where x."assignee_id" is not null group by 1
  ), approvals as (
    select h."actor_id", h."at", (select a."kind" from "application" a where a."id" = h."application_id") as "kind"
      from "application_history" h where h."action" = '${HistoryAction.APPROVE}' and h."at" >= ?
  ), approved as (
    select p."actor_id" as "id", count(*)::int as "n" from approvals p where p."at" >= ? and p."actor_id" is not null group by 1
  )
  select (select coalesce(json_agg(json_build_object('staffId', r."id", 'name', r."name", 'open', coalesce(o."n", 0),
                 'assignedToday', coalesce(x."n", 0), 'approvedThisWeek', coalesce(p."n", 0))
                 order by coalesce(o."n", 0) desc, r."name", r."id"), '[]'::json)
            from reviewers r left join open_by o on o."id" = r."id" left join assigned x on x."id" = r."id"
            left join approved p on p."id" = r."id") as "workload",
         (select coalesce(json_agg(w), '[]'::json) from (
            select to_char(date_trunc('week', p."at" at time zone 'Asia/Tokyo'), 'YYYY-MM-DD') as "week", p."kind", count(*)::int as "n"
              from approvals p group by 1, 2) w) as "throughput"`;

/** The week's column of the chart: 変更(通関士) is a change. */
const THROUGHPUT_COLUMN: Record<ApplicationKind, 'new' | 'change' | 'termination'> = {
  [ApplicationKind.NEW]: 'new',
  [ApplicationKind.CHANGE]: 'change',
  [ApplicationKind.CUSTOMS_OFFICER]: 'change',
  [ApplicationKind.TERMINATION]: 'termination',
};

/** A function of one key, computed once per key. */
function memo<V>(f: (key: string) => V): (key: string) => V {
  const seen = new Map<string, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, f(key));
    return seen.get(key)!;
  };
}

export interface OpenFigures {
  receivedAge: AgeBucket[];
  startAge: AgeBucket[];
  breaches: ServiceLevelBreaches;
}

/**
 * The figures of the open applications, in one statement: ages since 受付 and to the desired start date, and the
 * service-level breaches. `closures` is the queue's calendar (horizonClosures), so the buckets agree with the
 * businessDaysToStart the queue shows; the lead-time minimum is ReviewService.minimumStartDate, the approval guard's.
 */
export async function openFigures(em: EntityManager, review: ReviewService, today: string, closures: ClosureSet): Promise<OpenFigures> {
  const groups = await boundRead<OpenGroup>(em, OPEN_SQL, []);
  const received = new Map<number, number>();
  const start = new Map<number, number>();
  const add = (m: Map<number, number>, k: number, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  // The minimum depends on kind, 受付 day and whether a line is laid: computed once per such key.
  const minimums = new Map<string, Promise<string>>();
  const minimumOf = (g: OpenGroup) => {
    const lines = g.lines.map((l) => ({ action: l.action, place: l.place || undefined }));
    const key = `${g.kind}|${g.received_day}|${asksForNewLine(lines)}`;
    let m = minimums.get(key);
    if (!m) {
      // The guard reads only the kind and the 受付 instant of the application (CalendarService.advise).
      const app = Object.assign(Object.create(Application.prototype) as Application, { kind: g.kind, receivedAt: dayStart(g.received_day) });
      minimums.set(key, (m = review.minimumStartDate(app, lines, today)));
    }
    return m;
  };
  // Calendar arithmetic walks day by day: once per distinct date (a few hundred), not per group (thousands at 1M).
  const ageOf = memo((day: string) => daysSince(today, dayStart(day)));
  const toStart = memo((desired: string) => businessDaysUntil(today, desired, closures));
  // The システム設定申込締切日 of the desired date, as CalendarService.systemSettingsDeadline computes it.
  const deadlineNear = memo((desired: string) =>
    businessDaysUntil(today, systemSettingsDeadlineOf(desired, closures), closures) <= DEADLINE_WARNING_BUSINESS_DAYS);
  let insideLeadTime = 0;
  let deadline = 0;
  let returnedWaiting = 0;
  for (const g of groups) {
    add(received, ageOf(g.received_day), g.n);
    if (g.status === ApplicationStatus.RETURNED && ageOf(g.returned_day ?? g.received_day) > RETURNED_WAITING_DAYS) returnedWaiting += g.n;
    if (!g.desired) continue;
    // A desired date already past is 期限超過 even when no business day lies between (a Friday seen on Saturday).
    add(start, g.desired < today ? -1 : toStart(g.desired), g.n);
    if (g.desired < await minimumOf(g)) insideLeadTime += g.n;
    // New applications only.
    if (g.kind === ApplicationKind.NEW && deadlineNear(g.desired)) deadline += g.n;
  }
  return {
    receivedAge: tally(RECEIVED_AGE, received),
    startAge: tally(START_AGE, start),
    breaches: { insideLeadTime, systemSettingsDeadline: deadline, returnedWaiting, returnedWaitingDays: RETURNED_WAITING_DAYS },
  };
}

export interface PeopleFigures {
  workload: ReviewerWorkload[];
  throughput: WeeklyThroughput[];
}

/** Workload per reviewer and the weekly throughput, in one statement (both read the 12 weeks of 審査終了). */
export async function peopleFigures(em: EntityManager, today: string): Promise<PeopleFigures> {
  const thisWeek = weekStartOf(today);
  const firstWeek = addDays(thisWeek, -7 * (THROUGHPUT_WEEKS - 1));
  const [row] = await em.getConnection().execute<Array<{ workload: ReviewerWorkload[]; throughput: Array<{ week: string; kind: ApplicationKind; n: number }> }>>(
    PEOPLE_SQL, [dayStart(today), dayStart(firstWeek), dayStart(thisWeek)]);
  const weeks = Array.from({ length: THROUGHPUT_WEEKS }, (_, i): WeeklyThroughput => ({ weekStart: addDays(firstWeek, 7 * i), new: 0, change: 0, termination: 0 }));
  const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
  for (const t of row!.throughput) {
    const week = byWeek.get(t.week);
    if (week) week[THROUGHPUT_COLUMN[t.kind]] += t.n;
  }
  return { workload: row!.workload, throughput: weeks };
}
