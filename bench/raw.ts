// The raw floor: the least a server can do for each hot read — one prepared SQL statement that builds the whole
// `{"data": …}` document in PostgreSQL (json_build_object/json_agg), its text passed through untouched, on a pg Pool of
// 10. Run as a child process by run.ts (RAW_PORT, RAW_DATABASE_URL, RAW_CONFIG); it answers the same POST bodies as
// the product, so the two are measured alike and compared field by field.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { APPLICATIONS, APPLICATION_BY_RECEIPT, EXPORT, OFFICES, OUTBOUND_EMAILS, QUEUE, REVIEW_DASHBOARD } from './reads.js';

/** Timestamps as the product's DateTimeISO prints them (Date.toISOString: UTC, milliseconds, Z). */
const ts = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const OPEN = `('RECEIVED', 'IN_REVIEW', 'RETURNED')`;

/** ApplicationListFields of `a` (office `o`, its company `c`, assignee `s`). */
const LIST_ITEM = `json_build_object(
  'id', a.id, 'receiptNo', a.receipt_no, 'kind', a.kind, 'connection', a.connection, 'status', a.status, 'version', a.version,
  'companyName', coalesce(c.name, a.company_name, a.applicant_company_name),
  'applicantCompanyName', a.applicant_company_name,
  'companyProfile', case when num_nonnulls(a.company_name, a.company_name_kana, a.company_name_en, a.company_head_office_postal_code,
      a.company_head_office_prefecture, a.company_head_office_address, a.company_head_office_address_kana, a.company_head_office_phone,
      a.company_head_office_fax) = 0 then null else json_build_object('name', a.company_name) end,
  'office', case when o.id is null then null else json_build_object('id', o.id, 'code', o.code,
      'company', json_build_object('id', c.id, 'profile', json_build_object('name', c.name))) end,
  'assignee', case when s.id is null then null else json_build_object('id', s.id, 'name', s.name) end,
  'otherChange', a.other_change,
  'receivedAt', ${ts('a.received_at')}, 'desiredStartDate', a.desired_start_date, 'startDate', a.start_date,
  'updatedAt', ${ts('a.updated_at')})`;

/** LIST_ITEM and the console's urgency columns (urgency.ts), given the calendar row `cd` of the desired date, `t` and `w.since`. */
const LIST_ITEM_URGENCY = `(${LIST_ITEM}::jsonb || jsonb_build_object(
  'businessDaysToStart', cd.k - t.k_today,
  'daysWaiting', greatest(0, t.today - (w.since at time zone 'Asia/Tokyo')::date),
  'waitingSince', ${ts('w.since')}))`;

/** One page of the list: `where` on application `a` (placeholders from $3), newest first, plus its total. */
const listPage = (where: string) => `
  select json_build_object('data', json_build_object('applications', json_build_object(
    'items', coalesce((
      select json_agg(${LIST_ITEM} order by a.received_at desc, a.receipt_no desc)
        from (select * from application a where ${where} order by a.received_at desc, a.receipt_no desc limit $1 offset $2) a
        left join office o on o.id = a.office_id left join company c on c.id = o.company_id left join staff s on s.id = a.assignee_id
    ), '[]'::json),
    'totalCount', (select count(*) from application a where ${where}))))::text as j`;

export const SQL = {
  list: listPage('true'),
  listByStatusAndOffice: listPage('a.status = any($3::text[]) and a.office_id in (select id from office where code = $4)'),
  lookup: `
    select json_build_object('data', json_build_object('application', (
      select json_build_object(
        'id', a.id, 'receiptNo', a.receipt_no, 'kind', a.kind, 'connection', a.connection, 'status', a.status, 'version', a.version,
        'applicantCompanyName', a.applicant_company_name, 'reason', a.reason, 'remarks', a.remarks,
        'receivedAt', ${ts('a.received_at')}, 'desiredStartDate', a.desired_start_date, 'startDate', a.start_date,
        'reviewedAt', ${ts('a.reviewed_at')}, 'returnMessage', a.return_message, 'updatedAt', ${ts('a.updated_at')},
        'companyName', coalesce(c.name, a.company_name, a.applicant_company_name),
        'office', case when o.id is null then null else json_build_object('code', o.code) end,
        'history', coalesce((
          select json_agg(json_build_object('at', ${ts('h.at')}, 'actorName', h.actor_name, 'action', h.action,
              'fromStatus', h.from_status, 'toStatus', h.to_status, 'message', h.message) order by h.id)
            from application_history h where h.application_id = a.id), '[]'::json))
        from application a left join office o on o.id = a.office_id left join company c on c.id = o.company_id
       where a.receipt_no = $1)))::text as j`,
  // $1 the caller's staff id, $2 the 期限が近い horizon (run.ts computes it with the product's calendar).
  queue: `
    select json_build_object('data', json_build_object(
      'reviewQueueCounts', json_build_object(
        'unassigned', (select count(*) from application where status in ('RECEIVED', 'IN_REVIEW') and assignee_id is null),
        'mine', (select count(*) from application where status in ${OPEN} and assignee_id = $1::uuid),
        'returned', (select count(*) from application where status = 'RETURNED'),
        'dueSoon', (select count(*) from application where status in ${OPEN} and desired_start_date <= $2::date),
        'all', (select count(*) from application)),
      'applications', json_build_object(
        'totalCount', (select count(*) from application where status in ('RECEIVED', 'IN_REVIEW') and assignee_id is null),
        'items', coalesce((
          select json_agg(json_build_object('id', a.id, 'receiptNo', a.receipt_no, 'status', a.status) order by a.received_at desc, a.receipt_no desc)
            from (select * from application where status in ('RECEIVED', 'IN_REVIEW') and assignee_id is null
                   order by received_at desc, receipt_no desc limit 25) a), '[]'::json))))::text as j`,
  offices: `
    select json_build_object('data', json_build_object('offices', json_build_object(
      'items', coalesce((
        select json_agg(json_build_object(
            'id', o.id, 'code', o.code, 'status', o.status,
            'company', json_build_object('id', c.id, 'abbreviation', c.abbreviation, 'profile', json_build_object('name', c.name, 'nameKana', c.name_kana)),
            'profile', json_build_object('name', o.name, 'nameKana', o.name_kana),
            'usesNet', o.uses_net, 'usesGeneral', o.uses_general, 'plan', o.plan, 'billingCode', o.billing_code,
            'startDate', o.start_date, 'endDate', o.end_date) order by o.code asc nulls last, o.created_at asc)
          from (select * from office order by code asc nulls last, created_at asc limit $1 offset $2) o join company c on c.id = o.company_id
      ), '[]'::json),
      'totalCount', (select count(*) from office))))::text as j`,
  // Secrets stay masked as the product's view masks them ([[secret:name]] → ********; an empty html is none). There
  // is no index on created_at: the newest 25 are found by their ids alone, so that the scan sorts no wide rows.
  emails: `
    select json_build_object('data', json_build_object('outboundEmails', json_build_object(
      'items', coalesce((
        select json_agg(json_build_object(
            'id', m.id, 'templateKey', m.template_key, 'templateVersion', m.template_version, 'receiptNo', a.receipt_no,
            'recipients', m.recipients, 'subject', m.subject,
            'text', regexp_replace(m.text, '\\[\\[secret:[A-Za-z0-9_]+\\]\\]', '********', 'g'),
            'html', case when m.html <> '' then regexp_replace(m.html, '\\[\\[secret:[A-Za-z0-9_]+\\]\\]', '********', 'g') end,
            'status', m.status, 'attempts', m.attempts, 'lastError', m.last_error, 'messageId', m.message_id,
            'createdAt', ${ts('m.created_at')}, 'sentAt', ${ts('m.sent_at')}, 'nextAttemptAt', ${ts('m.next_attempt_at')})
            order by m.created_at desc)
          from (select id from outbound_email order by created_at desc limit $1 offset $2) k
          join outbound_email m on m.id = k.id left join application a on a.id = m.application_id
      ), '[]'::json),
      'totalCount', (select count(*) from outbound_email))))::text as j`,
  // Keyset export, first page: one row more than asked tells whether there is a next page; the cursor is the
  // product's base64url(JSON [receivedAt, id]) of the last row.
  export: `
    select json_build_object('data', json_build_object('applicationsExport', json_build_object(
      'items', coalesce(json_agg(json_build_object(
          'id', p.id, 'receiptNo', p.receipt_no, 'kind', p.kind, 'connection', p.connection, 'status', p.status, 'version', p.version,
          'applicantCompanyName', p.applicant_company_name, 'receivedAt', ${ts('p.received_at')}, 'desiredStartDate', p.desired_start_date,
          'startDate', p.start_date, 'reviewedAt', ${ts('p.reviewed_at')}, 'updatedAt', ${ts('p.updated_at')})
          order by p.n) filter (where p.n <= $1), '[]'::json),
      'nextCursor', translate(encode(convert_to(max(case when p.n = $1 and p.more then '["' || ${ts('p.received_at')} || '","' || p.id || '"]' end), 'UTF8'), 'base64'), E'+/=\\n', '-_'))))::text as j
      from (select a.*, row_number() over (order by a.received_at, a.id) as n, count(*) over () > $1 as more
              from (select * from application order by received_at asc, id asc limit $1 + 1) a) p`,
} as const;

/** A dashboard bucket: its label and bounds (both included; null: open-ended), as DashboardService's RECEIVED_AGE / START_AGE. */
const bucketRows = (rows: Array<[string, number | null, number | null]>) =>
  rows.map(([label, from, to], i) => `(${i}, '${label}', ${from ?? 'null'}::int, ${to ?? 'null'}::int)`).join(', ');

/**
 * The reviewers' dashboard (server/src/review/dashboard) in one statement. $1 the caller's staff id; $2 the product's
 * clock offset in ms (its NOW less the wall clock: asOf and today follow it, as the product's ticking clock does).
 * Every date rule is SQL over a calendar of the days the open applications reach: 営業日 = Monday–Friday, not
 * 12/29–1/3, not a closure_day, not a national holiday. The national holidays are the one piece not in the database
 * (the product reads @holiday-jp/holiday_jp): run.ts lists them with the product's own closedReason and they are
 * written into the statement's text at start, as the product holds them in its process; the lead times likewise
 * (the product's LEAD_TIME_* defaults). k is the running count of business days, so with b a business day:
 * businessDaysBetween(x, y) = k(y) − k(x); addBusinessDays(x, n > 0) = the b with k(x) + n; addBusinessDays(x, 0) = the
 * b with k(x − 1) + 1; subtractBusinessDays(x, n) = the b with k(x − 1) − n + 1.
 */
export function dashboardSql(config: RawConfig): string {
  const { newLine, newOther, change } = config.leadTimes;
  // How far past the open applications' latest date the calendar must reach: the longest lead time in business days
  // takes less than twice as many calendar days (two days off in seven, and 年末年始 or Golden Week on top).
  const ahead = 2 * Math.max(newLine, newOther, change) + 30;
  // The product's constants, as literals: the システム設定申込締切日 is 4 business days before the start
  // (SYSTEM_SETTINGS_BUSINESS_DAYS), a breach within 2 (DEADLINE_WARNING_BUSINESS_DAYS); 確認事項あり waits 10 calendar
  // days (RETURNED_WAITING_DAYS); 12 weeks of throughput (THROUGHPUT_WEEKS); the 10 oldest unassigned (OLDEST_UNASSIGNED).
  return `
  with clock as (
    select now() + $2::bigint * interval '1 millisecond' as as_of
  ), day as (
    select c.as_of, (c.as_of at time zone 'Asia/Tokyo')::date as today from clock c
  ), open_apps as materialized (
    select a.id, a.status, a.kind, a.assignee_id, a.desired_start_date as desired, a.received_at, a.receipt_no,
           (a.received_at at time zone 'Asia/Tokyo')::date as received_day,
           exists (select 1 from application_line l where l.application_id = a.id
                    and (l.action = 'ADD' or l.action = 'CHANGE'
                         and coalesce(l.place_postal_code, l.place_prefecture, l.place_address, l.place_address_kana) is not null)) as new_line,
           case when a.status = 'RETURNED' then (select (max(h.at) at time zone 'Asia/Tokyo')::date from application_history h
                                                  where h.application_id = a.id and h.action = 'RETURN') end as returned_day
      from application a where a.status in ${OPEN}
  ), span as (
    select least(min(o.received_day), min(o.desired), d.today) - 30 as lo,
           greatest(max(o.received_day), max(o.desired), d.today) + ${ahead} as hi
      from day d left join open_apps o on true group by d.today
  ), cal as materialized (
    select x.d, x.b, sum(x.b::int) over (order by x.d) as k from (
      select s.lo + i as d,
             extract(isodow from s.lo + i) < 6 and to_char(s.lo + i, 'MM-DD') between '01-04' and '12-28'
             and (s.lo + i) not in (select unnest('{${config.holidays.join(',')}}'::date[]))
             and not exists (select 1 from closure_day z where z.date = s.lo + i) as b
        from span s, generate_series(0, s.hi - s.lo) i) x
  ), bday as materialized (
    select c.k, c.d from cal c where c.b
  ), t as (
    select d.as_of, d.today, c.k as k_today,
           (select b.d from bday b where b.k = c.k + case when c.b then 0 else 1 end) as first_open,
           (select b.d from bday b where b.k = c.k + case when c.b then 0 else 1 end + 4) as first_open_4,
           (select b.d from bday b where b.k = c.k + 5) as due_by,
           (d.today::timestamp at time zone 'Asia/Tokyo') as today_start,
           date_trunc('week', d.today::timestamp)::date as this_week
      from day d join cal c on c.d = d.today
  ), figs as materialized (
    select o.status,
           greatest(0, t.today - o.received_day) as received_age,
           case when o.desired < t.today then -1 else cd.k - t.k_today end as start_age,
           o.desired < greatest(m.d, t.first_open, case when o.kind = 'NEW' then t.first_open_4 end) as inside_lead,
           o.kind = 'NEW' and (s.d < t.today or s.k - t.k_today <= 2) as deadline,
           o.status = 'RETURNED' and greatest(0, t.today - coalesce(o.returned_day, o.received_day)) > 10 as waiting
      from open_apps o cross join t
      join cal cr on cr.d = o.received_day
      left join cal cd on cd.d = o.desired
      left join cal cd1 on cd1.d = o.desired - 1
      cross join lateral (select case when o.new_line then ${newLine} when o.kind = 'NEW' then ${newOther} else ${change} end as lead) l
      left join bday m on m.k = cr.k + l.lead + (l.lead = 0 and not cr.b)::int
      left join bday s on s.k = cd1.k - 4 + 1
  ), received_bounds(i, label, lo, hi) as (
    values ${bucketRows([['0〜2日', 0, 2], ['3〜5日', 3, 5], ['6〜10日', 6, 10], ['11〜20日', 11, 20], ['21日以上', 21, null]])}
  ), start_bounds(i, label, lo, hi) as (
    values ${bucketRows([['期限超過', null, -1], ['0〜5営業日', 0, 5], ['6〜10営業日', 6, 10], ['11〜20営業日', 11, 20], ['21営業日以上', 21, null]])}
  ), approvals as materialized (
    select h.actor_id, h.at, (select a.kind from application a where a.id = h.application_id) as kind
      from application_history h
     where h.action = 'APPROVE' and h.at >= (select (t.this_week - ${7 * 11})::timestamp at time zone 'Asia/Tokyo' from t)
  ), assigned as (
    select x.assignee_id as id, count(distinct x.application_id) as n from (
      select h.application_id, (select a.assignee_id from application a where a.id = h.application_id) as assignee_id
        from application_history h where h.action = 'ASSIGN' and h.at >= (select t.today_start from t)) x
     where x.assignee_id is not null group by 1
  ), approved as (
    select p.actor_id as id, count(*) as n from approvals p
     where p.at >= (select t.this_week::timestamp at time zone 'Asia/Tokyo' from t) and p.actor_id is not null group by 1
  ), open_by as (
    select o.assignee_id as id, count(*) as n from open_apps o where o.assignee_id is not null group by 1
  ), weeks as (
    select t.this_week - 7 * i as week from t, generate_series(0, 11) i
  ), oldest as (
    select a.* from application a where a.id in (
      select o.id from open_apps o where o.status in ('RECEIVED', 'IN_REVIEW') and o.assignee_id is null
       order by o.received_at asc, o.receipt_no asc limit 10)
  )
  select json_build_object('data', json_build_object('reviewDashboard', json_build_object(
    'asOf', (select ${ts('t.as_of')} from t),
    'today', (select t.today from t),
    'queueCounts', (select json_build_object(
        'unassigned', count(*) filter (where o.status in ('RECEIVED', 'IN_REVIEW') and o.assignee_id is null),
        'mine', count(*) filter (where o.assignee_id = $1::uuid),
        'returned', count(*) filter (where o.status = 'RETURNED'),
        'dueSoon', count(*) filter (where o.desired <= t.due_by),
        'all', (select count(*) from application))
      from t left join open_apps o on true group by t.due_by),
    'receivedAge', (select json_agg(json_build_object('label', b.label, 'from', b.lo, 'to', b.hi, 'count', b.n) order by b.i)
        from (select b.i, b.label, b.lo, b.hi, count(f.received_age) as n from received_bounds b
                left join figs f on f.received_age between coalesce(b.lo, -2147483648) and coalesce(b.hi, 2147483647)
               group by b.i, b.label, b.lo, b.hi) b),
    'startAge', (select json_agg(json_build_object('label', b.label, 'from', b.lo, 'to', b.hi, 'count', b.n) order by b.i)
        from (select b.i, b.label, b.lo, b.hi, count(f.start_age) as n from start_bounds b
                left join figs f on f.start_age between coalesce(b.lo, -2147483648) and coalesce(b.hi, 2147483647)
               group by b.i, b.label, b.lo, b.hi) b),
    'breaches', (select json_build_object(
        'insideLeadTime', count(*) filter (where f.inside_lead),
        'systemSettingsDeadline', count(*) filter (where f.deadline),
        'returnedWaiting', count(*) filter (where f.waiting),
        'returnedWaitingDays', 10) from figs f),
    'workload', (select coalesce(json_agg(json_build_object('staffId', r.id, 'name', r.name, 'open', coalesce(o.n, 0),
          'assignedToday', coalesce(x.n, 0), 'approvedThisWeek', coalesce(p.n, 0))
          order by coalesce(o.n, 0) desc, r.name, r.id), '[]'::json)
        from staff r left join open_by o on o.id = r.id left join assigned x on x.id = r.id left join approved p on p.id = r.id
       where r.active and r.roles && array['REVIEWER', 'SUPERVISOR']::text[]),
    'throughput', (select json_agg(json_build_object('weekStart', y.week, 'new', y.n_new, 'change', y.n_change, 'termination', y.n_termination)
          order by y.week)
        from (select w.week, count(p.at) filter (where p.kind = 'NEW') as n_new,
                     count(p.at) filter (where p.kind in ('CHANGE', 'CUSTOMS_OFFICER')) as n_change,
                     count(p.at) filter (where p.kind = 'TERMINATION') as n_termination
                from weeks w left join approvals p on date_trunc('week', p.at at time zone 'Asia/Tokyo')::date = w.week group by w.week) y),
    'oldestUnassigned', (select coalesce(json_agg(${LIST_ITEM_URGENCY} order by a.received_at asc, a.receipt_no asc), '[]'::json)
        from oldest a left join office o on o.id = a.office_id left join company c on c.id = o.company_id left join staff s on s.id = a.assignee_id
        left join cal cd on cd.d = a.desired_start_date cross join t
        cross join lateral (select coalesce((select max(h.at) from application_history h where h.application_id = a.id and h.action = 'RESUBMIT'),
                                            a.received_at) as since) w)
  )))::text as j`;
}

/** What the floor is told at start: the 期限が近い horizon, which token is which staff member, and the calendar's and lead times' process data. */
export interface RawConfig {
  dueBy: string;
  staffByToken: Record<string, string>;
  /** The product's clock (NOW) less this wall clock, in ms. */
  clockOffsetMs: number;
  /** National holidays (YYYY-MM-DD) around the data, from the product's own calendar (businessDays.closedReason). */
  holidays: string[];
  /** The product's standard lead times in business days (CalendarService DEFAULT_LEAD_TIMES unless LEAD_TIME_* is set). */
  leadTimes: { newLine: number; newOther: number; change: number };
}

type Vars = Record<string, any>;
type Route = (v: Vars, staffId: string) => { name: keyof typeof SQL | 'dashboard'; values: unknown[] };

/** The documents the floor answers, by their exact text (as reads.ts sends them). */
export function routes(config: RawConfig): Map<string, Route> {
  return new Map<string, Route>([
    [APPLICATIONS, (v) => v.filter?.officeCode
      ? { name: 'listByStatusAndOffice', values: [v.limit ?? 25, v.offset ?? 0, v.filter.status ?? [], v.filter.officeCode] }
      : { name: 'list', values: [v.limit ?? 25, v.offset ?? 0] }],
    [APPLICATION_BY_RECEIPT, (v) => ({ name: 'lookup', values: [v.r] })],
    [QUEUE, (_v, staffId) => ({ name: 'queue', values: [staffId, config.dueBy] })],
    [OFFICES, (v) => ({ name: 'offices', values: [v.limit ?? 25, v.offset ?? 0] })],
    [OUTBOUND_EMAILS, (v) => ({ name: 'emails', values: [v.limit, v.offset] })],
    [EXPORT, (v) => ({ name: 'export', values: [v.limit ?? 100] })],
    [REVIEW_DASHBOARD, (_v, staffId) => ({ name: 'dashboard', values: [staffId, config.clockOffsetMs] })],
  ]);
}

async function serve(): Promise<void> {
  const config = JSON.parse(process.env.RAW_CONFIG!) as RawConfig;
  const pool = new pg.Pool({ connectionString: process.env.RAW_DATABASE_URL, max: 10 });
  const known = routes(config);
  const texts = { ...SQL, dashboard: dashboardSql(config) };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fail = (status: number, message: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message }] }));
      };
      // The least a server must do: know the caller (a map, standing for a verified token) and the document.
      const staffId = config.staffByToken[(req.headers.authorization ?? '').replace(/^Bearer /, '')];
      if (!staffId) return fail(401, 'unauthenticated');
      let parsed: { query?: string; variables?: Vars };
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return fail(400, 'bad json');
      }
      const route = known.get(parsed.query ?? '');
      if (!route) return fail(400, 'unknown document');
      const { name, values } = route(parsed.variables ?? {}, staffId);
      pool.query<{ j: string }>({ name, text: texts[name], values }).then(
        (r) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(r.rows[0]!.j);
        },
        (e: Error) => fail(500, e.message),
      );
    });
  });
  server.listen(Number(process.env.RAW_PORT), '127.0.0.1', () => console.log('raw floor listening'));
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve();
