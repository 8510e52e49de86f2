// The lists that export as CSV, each the GraphQL list it mirrors: the same operation's authorization (graphql/access.ts),
// the same filter input (its GraphQL input type validates the parameters), the same conditions and order (the list's
// own where/order functions) — so a CSV holds exactly the list's rows, every page, in the list's order.
import { raw, type EntityManager, type QueryBuilder } from '@mikro-orm/postgresql';
import { ApplicationStatus, EmailStatus, OfficeStatus } from '../common/enums.js';
import type { Operation } from '../graphql/access.js';
import type { Context } from '../graphql/context.js';
import type { Statement } from '../graphql/projection.js';
import { Application } from '../applications/Application.js';
import { type ApplicationFilter, type ApplicationSort, ReviewQueue, applicationWhere, listOrder } from '../applications/ApplicationQueries.js';
import { queueContext } from '../applications/ApplicationResolver.js';
import { Office } from '../companies/Office.js';
import { OFFICE_ORDER, type OfficeFilter, officeWhere } from '../companies/OfficeResolver.js';
import { OutboundEmail } from '../notifications/entities.js';
import { OUTBOUND_EMAIL_ORDER, type OutboundEmailFilter, outboundEmailWhere } from '../notifications/NotificationResolver.js';
import { EVENTS } from '../notifications/events.js';
import { STATUS_LABEL } from '../review/workflow.js';
import { AUDIT_ORDER, type AuditFilter, auditWhere } from '../staff/StaffAdminResolver.js';
import { keyOfficeIds, withinKey } from '../staff/keyScope.js';
import { AuditLog } from '../staff/security.js';
import type { CsvColumn } from './csv.js';

/** What a request asks of a list: its filter and, for the application list, its sort (GraphQL's argument shapes). */
export interface ExportArgs {
  filter?: Record<string, unknown>;
  sort?: Record<string, unknown>;
}

export interface ExportList {
  /** The URL's name: GET /exports/{name}.csv. */
  name: string;
  /** The file's Japanese name (Content-Disposition) and the audit log's target. */
  title: string;
  /** The GraphQL list it mirrors: its roles and an API key's scope. */
  operation: Operation;
  /** The GraphQL input type of its filter; each of its fields is a parameter of the same name. */
  filterType: string;
  /** Parameters outside the filter: name → [argument, input type, field] (the application list's sort and order). */
  params?: Record<string, [argument: 'sort', type: string, field: string]>;
  columns: CsvColumn[];
  /** The rows' SELECT, in the list's order (values as the CSV shows them). */
  statement(ctx: Context, args: ExportArgs): Promise<Statement>;
}

/** A timestamp as Japan's wall clock, as the console shows it. */
const jst = (column: string) => `to_char(${column} at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI:SS')`;
/** A value through a label table (an unknown value stays as it is). */
const label = (column: string, labels: Record<string, string>) =>
  `coalesce('${JSON.stringify(labels).replace(/'/g, "''")}'::jsonb ->> ${column}::text, ${column}::text)`;
const KIND_LABEL = { NEW: '新規', CHANGE: '変更', TERMINATION: '解約' };
const OFFICE_STATUS_LABEL: Record<OfficeStatus, string> = { PENDING: '審査中(仮)', ACTIVE: '利用中', CLOSED: '廃止' };
const EMAIL_STATUS_LABEL: Record<EmailStatus, string> = { PENDING: '送信待ち', SENDING: '送信中', SENT: '送信済', DEAD: '送信失敗' };
const PLAN_LABEL = { A: 'A 基本+従量', B: 'B 従量のみ' };
const TEMPLATE_LABEL = Object.fromEntries(Object.entries(EVENTS).map(([key, e]) => [key, e.label]));

/** A QueryBuilder's SELECT of named expressions (`[key, sql]`), as one statement. */
function select<T extends object>(qb: QueryBuilder<T>, columns: ReadonlyArray<readonly [string, string]>): Statement {
  const q = qb.select(columns.map(([key, sql]) => raw(`${sql} as "${key}"`))).toQuery();
  return { sql: q.sql, params: [...q.params] };
}

const columns = (pairs: ReadonlyArray<readonly [string, string, string]>) => ({
  csv: pairs.map(([key, header]) => ({ key, header })),
  sql: pairs.map(([key, , sql]) => [key, sql] as const),
});

const APPLICATION = columns([
  ['receiptNo', '申込受付番号', 'a."receipt_no"'],
  ['kind', '申込種別', label('a."kind"', KIND_LABEL)],
  ['status', '状態', label('a."status"', STATUS_LABEL satisfies Record<ApplicationStatus, string>)],
  // The list's 企業名: the office's company, else the application's, else the applicant's (ApplicationReads companyName).
  ['companyName', '企業名', `coalesce((select xc."name" from "office" xo join "company" xc on xc."id" = xo."company_id" where xo."id" = a."office_id"), a."company_name", a."applicant_company_name")`],
  ['officeCode', '事業所コード', `(select xo."code" from "office" xo where xo."id" = a."office_id")`],
  ['officeName', '事業所名', `coalesce((select xo."name" from "office" xo where xo."id" = a."office_id"), a."office_name")`],
  ['assignee', '審査担当', `(select xs."name" from "staff" xs where xs."id" = a."assignee_id")`],
  ['receivedAt', '申込日時', jst('a."received_at"')],
  ['desiredStartDate', '利用開始希望日', `a."desired_start_date"::text`],
  ['startDate', '利用開始日', `a."start_date"::text`],
]);

const AUDIT = columns([
  ['at', '日時', jst('l."at"')],
  ['action', '操作', 'l."action"'],
  ['staffName', '職員', `(select xs."name" from "staff" xs where xs."id" = l."staff_id")`],
  ['apiKeyName', 'APIキー', `(select xk."name" from "api_key" xk where xk."id" = l."api_key_id")`],
  ['target', '対象', 'l."target"'],
  ['detail', '詳細', 'l."detail"'],
  ['ip', 'IPアドレス', 'l."ip"'],
]);

const EMAIL = columns([
  ['createdAt', '作成日時', jst('m."created_at"')],
  ['recipients', '宛先', `array_to_string(m."recipients", ' ')`],
  ['subject', '件名', 'm."subject"'],
  ['template', '通知', label('m."template_key"', TEMPLATE_LABEL)],
  ['status', '状態', label('m."status"', EMAIL_STATUS_LABEL)],
  ['possibleDuplicate', '重複の可能性', `case when m."possible_duplicate" then '重複の可能性' end`],
  ['attempts', '試行回数', 'm."attempts"'],
  ['lastError', '最後のエラー', 'm."last_error"'],
  ['sentAt', '送信日時', jst('m."sent_at"')],
  ['receiptNo', '申込受付番号', `(select xa."receipt_no" from "application" xa where xa."id" = m."application_id")`],
]);

const OFFICE = columns([
  ['code', '事業所コード', 'o."code"'],
  ['companyName', '企業名', `(select xc."name" from "company" xc where xc."id" = o."company_id")`],
  ['name', '事業所名', 'o."name"'],
  ['status', '状態', label('o."status"', OFFICE_STATUS_LABEL)],
  ['plan', '料金プラン', label('o."plan"', PLAN_LABEL)],
  ['net', 'netNACCS', `case when o."uses_net" then '利用' end`],
  ['general', '一般NACCS', `case when o."uses_general" then '利用' end`],
  ['startDate', '利用開始日', `o."start_date"::text`],
  ['endDate', '利用終了日', `o."end_date"::text`],
]);

const qb = <T extends object>(em: EntityManager, entity: new () => T, alias: string) => em.createQueryBuilder(entity, alias);

export const EXPORT_LISTS: readonly ExportList[] = [
  {
    name: 'applications',
    title: '利用申込一覧',
    operation: 'applications',
    filterType: 'ApplicationFilter',
    params: { sort: ['sort', 'ApplicationSort', 'field'], order: ['sort', 'ApplicationSort', 'order'] },
    columns: APPLICATION.csv,
    async statement(ctx, args) {
      // Exactly the resolver's steps: the queue's horizon and caller, a key held to its offices, the list's WHERE and order.
      const given = args.filter as ApplicationFilter | undefined;
      const queue = await queueContext(ctx, given?.queue === ReviewQueue.DUE_SOON);
      const filter = await withinKey(ctx, given);
      const sort = args.sort ? ({ field: 'RECEIVED_AT', order: 'DESC', ...args.sort } as ApplicationSort) : undefined;
      return select(qb(ctx.em, Application, 'a').where(applicationWhere(filter, queue) as never).orderBy(listOrder(sort)), APPLICATION.sql);
    },
  },
  {
    name: 'audit-log',
    title: '監査ログ',
    operation: 'auditLog',
    filterType: 'AuditFilter',
    columns: AUDIT.csv,
    async statement(ctx, args) {
      return select(qb(ctx.em, AuditLog, 'l').where(auditWhere(args.filter as AuditFilter | undefined) as never).orderBy(AUDIT_ORDER), AUDIT.sql);
    },
  },
  {
    name: 'emails',
    title: '送信ログ',
    operation: 'outboundEmails',
    filterType: 'OutboundEmailFilter',
    columns: EMAIL.csv,
    async statement(ctx, args) {
      const where = outboundEmailWhere(args.filter as OutboundEmailFilter | undefined);
      return select(qb(ctx.em, OutboundEmail, 'm').where(where as never).orderBy(OUTBOUND_EMAIL_ORDER), EMAIL.sql);
    },
  },
  {
    name: 'offices',
    title: '事業所一覧',
    operation: 'offices',
    filterType: 'OfficeFilter',
    columns: OFFICE.csv,
    async statement(ctx, args) {
      const where = officeWhere(args.filter as OfficeFilter | undefined, await keyOfficeIds(ctx));
      return select(qb(ctx.em, Office, 'o').where(where as never).orderBy(OFFICE_ORDER), OFFICE.sql);
    },
  },
];
