// The raw floor: the least a server can do for each hot read — one prepared SQL statement that builds the whole
// `{"data": …}` document in PostgreSQL (json_build_object/json_agg), its text passed through untouched, on a pg Pool of
// 10. Run as a child process by run.ts (RAW_PORT, RAW_DATABASE_URL, RAW_CONFIG); it answers the same POST bodies as
// the product, so the two are measured alike and compared field by field.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { APPLICATIONS, APPLICATION_BY_RECEIPT, EXPORT, OFFICES, OUTBOUND_EMAILS, QUEUE } from './reads.js';

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

/** What the floor is told at start: the 期限が近い horizon and which token is which staff member. */
export interface RawConfig {
  dueBy: string;
  staffByToken: Record<string, string>;
}

type Vars = Record<string, any>;
type Route = (v: Vars, staffId: string) => { name: keyof typeof SQL; values: unknown[] };

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
  ]);
}

async function serve(): Promise<void> {
  const config = JSON.parse(process.env.RAW_CONFIG!) as RawConfig;
  const pool = new pg.Pool({ connectionString: process.env.RAW_DATABASE_URL, max: 10 });
  const known = routes(config);
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
      pool.query<{ j: string }>({ name, text: SQL[name], values }).then(
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
