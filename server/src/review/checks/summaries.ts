// The checks' outcome per open application, kept in application_check_summary for the list's filter (checkSeverity):
// the checks read other applications, shared 利用者コード and today's date, so the list cannot run them for the whole
// queue per request. A job keeps the rows current; the findings themselves always come from CHECKS (runChecks), the
// same functions Application.checks runs — there is no second copy of any check here.
//
// When a row is due:
// - no row yet (a new application) or its version is not the application's (submitted again, assigned, returned …);
// - computed for an earlier date in Japan (lead time and システム設定申込締切日 move with the date);
// - another application of the same company was listed or closed (the sibling check, OTHER_OPEN_APPLICATION): the
//   sweep that lists or removes that application marks the company's other rows due (version null) in the same
//   statement. Other inputs that live outside the application (a shared 利用者コード issued or ended, an abolition of
//   its owner's office, the calendar's closure days — and a sibling submitted and closed between two runs) are picked
//   up by the next day's recomputation.
// So the filter is at most one job interval behind an application's own change and its siblings, and at most a day
// behind changes elsewhere.
import { performance } from 'node:perf_hooks';
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Application } from '../../applications/Application.js';
import { ApplicationLine } from '../../applications/sections.js';
import { CalendarService } from '../../calendar/CalendarService.js';
import type { Clock } from '../../common/clock.js';
import { todayInJapan } from '../../common/dates.js';
import { OPEN } from '../workflow.js';
import { loadCheckInputs, runChecks, summarize } from './index.js';
import type { CheckSeverity } from './types.js';

/** Applications refreshed per claim (one transaction). */
export const SUMMARY_BATCH = 200;
/** A run stops claiming batches after this long; what is left is for the next run. */
export const SUMMARY_BUDGET_MS = 20_000;

const OPEN_SQL = OPEN.map((s) => `'${s}'`).join(', ');

/**
 * Computes the checks of these applications as of `today` and writes their rows (one upsert): loads the applications
 * and their lines (2 statements), the checks' inputs (loadCheckInputs: the calendar once per service, then 5), then
 * the upsert — 8 statements for a batch of any size. Each row keeps the version the application had when it was read,
 * so a change committed meanwhile leaves the row due. Returns how many rows were written.
 */
export async function refreshCheckSummaries(
  em: EntityManager, ids: readonly string[], today: string, computedAt: Date, calendar: CalendarService = new CalendarService(em),
): Promise<number> {
  if (!ids.length) return 0;
  // Not managed: the transaction that claimed these rows must never flush an application row.
  const apps = await em.find(Application, { id: { $in: [...ids] } }, { disableIdentityMap: true });
  if (!apps.length) return 0;
  const lines = await em.find(ApplicationLine, { application: { $in: apps.map((a) => a.id) } }, { disableIdentityMap: true });
  const linesOf = new Map<string, ApplicationLine[]>();
  for (const l of lines) linesOf.set(l.application.id, [...(linesOf.get(l.application.id) ?? []), l]);
  const inputs = await loadCheckInputs(em, apps, today, calendar, async (a) => linesOf.get(a.id) ?? []);
  const rows = inputs.map(({ app }, i) => {
    const checks = runChecks(inputs[i]!);
    const { blocker, warning, info } = summarize(checks);
    // runChecks orders the findings heaviest first.
    return { id: app.id, severity: checks[0]?.severity ?? null, blocker, warning, info, version: apps[i]!.version };
  });
  await em.execute(
    `insert into application_check_summary (application_id, severity, blocker, warning, info, version, as_of, computed_at)
     select r.id, r.severity, r.blocker, r.warning, r.info, r.version, ?::date, ?::timestamptz
       from json_to_recordset(?::json) as r(id uuid, severity text, blocker int, warning int, info int, version int)
     on conflict (application_id) do update set severity = excluded.severity, blocker = excluded.blocker, warning = excluded.warning,
       info = excluded.info, version = excluded.version, as_of = excluded.as_of, computed_at = excluded.computed_at`,
    [today, computedAt, JSON.stringify(rows)],
  );
  return rows.length;
}

/** Marks due (version null) the other open applications' rows of the companies in `companies` (a CTE of company_id). */
const markCompaniesDue = (companies: string) => `
  update application_check_summary s set version = null
    from application a join office o on o.id = a.office_id
   where a.id = s.application_id and a.status in (${OPEN_SQL}) and s.version is not null
     and o.company_id in (select company_id from ${companies})`;

/**
 * Lists every open application without a row (a row due at once) and removes the rows of closed applications; either
 * marks the same company's other rows due (their sibling finding changes). One process at a time (a transaction-level
 * advisory lock; the next waits a moment and finds nothing left), so two sweeps never lock each other's rows.
 */
async function sweepSummaries(root: EntityManager): Promise<{ listed: number; removed: number }> {
  return root.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('application_check_summary'))`);
    const [listed] = await em.execute<Array<{ n: number }>>(`
      with listed as (
        insert into application_check_summary (application_id)
        select a.id from application a
         where a.status in (${OPEN_SQL}) and not exists (select 1 from application_check_summary s where s.application_id = a.id)
        on conflict do nothing returning application_id
      ), companies as (
        select distinct o.company_id from listed l join application a on a.id = l.application_id join office o on o.id = a.office_id
      ), marked as (${markCompaniesDue('companies')} returning 1)
      select (select count(*) from listed)::int as n`);
    // A closed application's row is removed (the filter is for the queue; the condition also asks for an open status).
    const [removed] = await em.execute<Array<{ n: number }>>(`
      with removed as (
        delete from application_check_summary s
         where not exists (select 1 from application a where a.id = s.application_id and a.status in (${OPEN_SQL}))
        returning s.application_id
      ), companies as (
        select distinct o.company_id from removed r join application a on a.id = r.application_id join office o on o.id = a.office_id
      ), marked as (${markCompaniesDue('companies')} returning 1)
      select (select count(*) from removed)::int as n`);
    return { listed: listed!.n, removed: removed!.n };
  });
}

export interface SummaryRunOptions {
  batch?: number;
  budgetMs?: number;
  signal?: AbortSignal;
}

/**
 * One run of the check-summary job: the sweep, then batches of due rows of open applications, each claimed FOR UPDATE
 * SKIP LOCKED in its own transaction (only summary rows are locked, never an application), refreshed and written there;
 * a row committed fresh by another process meanwhile is re-checked by the claim and left out. Repeats while batches
 * come back full and the budget lasts. Safe with every server process running it: each due row is refreshed once.
 */
export async function refreshDueCheckSummaries(root: EntityManager, clock: Clock, options: SummaryRunOptions = {}): Promise<{ refreshed: number; removed: number }> {
  const batch = options.batch ?? SUMMARY_BATCH;
  const started = performance.now();
  const today = todayInJapan(clock.now());
  const { removed } = await sweepSummaries(root);
  // One calendar for the run: the closure days are read once.
  const calendar = new CalendarService(root.fork());
  let refreshed = 0;
  for (;;) {
    const claimed = await root.fork().transactional(async (em) => {
      // Changed and new applications first, then those only of an earlier date. The order makes the plan read the open
      // set (its partial index) and the summary rows whole — tens of milliseconds at tens of thousands open — instead
      // of a LIMIT-driven scan of the whole application table for a few open rows.
      const rows = await em.execute<Array<{ id: string }>>(
        `select s.application_id as id from application_check_summary s join application a on a.id = s.application_id
          where a.status in (${OPEN_SQL}) and (s.version is null or s.version <> a.version or s.as_of < ?::date)
          order by s.version is not null and s.version = a.version, s.application_id
          limit ${batch} for update of s skip locked`, [today]);
      await refreshCheckSummaries(em, rows.map((r) => r.id), today, clock.now(), calendar);
      return rows.length;
    });
    refreshed += claimed;
    if (claimed < batch || options.signal?.aborted || performance.now() - started > (options.budgetMs ?? SUMMARY_BUDGET_MS)) return { refreshed, removed };
  }
}

/**
 * The list's condition for ApplicationFilter.checkSeverity: open applications whose heaviest finding, as last
 * computed, is one of `severities` (the summary rows are for the queue; a closed application is never listed by it).
 */
export function checkSeverityWhere(severities: readonly CheckSeverity[]): FilterQuery<Application> {
  // One placeholder per value: the same text runs with values inlined (the ORM) and bound (the hot reads, db/prepared.ts).
  const values = [...new Set(severities)];
  return {
    status: { $in: OPEN },
    id: { $in: raw(`select application_id from application_check_summary where severity in (${values.map(() => '?').join(', ')})`, values) },
  } as FilterQuery<Application>;
}
