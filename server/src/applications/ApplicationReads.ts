// The hot reads of applications — one by id or 申込受付番号, a page of the list with its totalCount, the export page, the
// queue counts — each in ONE SQL statement that selects only what the request asks and builds the JSON in
// PostgreSQL (graphql/projection.ts). The conditions are the list's own (applicationWhere, queueWhere) through
// MikroORM's QueryBuilder; counts that the tally can answer (status, kind, assignee, queue) never scan the table.
// When a selection cannot be compiled the resolvers keep the entity path (ApplicationQueries), same answer.
import type { EntityManager } from '@mikro-orm/postgresql';
import { raw } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Projection, pageKeys, readPage, type EntityRules, type Selected, type Statement } from '../graphql/projection.js';
import { checkPage } from '../common/paging.js';
import { boundRead } from '../db/prepared.js';
import { notFound } from '../common/errors.js';
import { Application } from './Application.js';
import { ApplicationTally } from './ApplicationTally.js';
import { waitingSinceSql } from './urgency.js';
import {
  EXPORT_ORDER, ReviewQueue, applicationWhere, encodeCursorOf, exportWhere, listOrder, lookupWhere,
  type ApplicationFilter, type ApplicationSort, type QueueContext, type ReviewQueueCounts,
} from './ApplicationQueries.js';

/** A plain application row as the read path returns it (JSON keys are GraphQL field names). */
export type ApplicationRow = Record<string, unknown> & { id: string };

/** How the fields that are not plain columns are read, per entity (the field resolvers' order and rules). */
function rules(staff: boolean): Record<string, EntityRules> {
  // 社内メモ never leave the center: integrators do not see internal history entries.
  const visible = staff ? undefined : (t: string) => `not ${t}."internal"`;
  const toMany = (entity: string, fk: string, orderBy: string, where?: (t: string) => string) =>
    (p: Projection, alias: string, f: Selected) => p.toMany(entity, fk, `${alias}."id"`, orderBy, f.sets, where);
  const toOne = (prop: string, entity: string) => (p: Projection, alias: string, f: Selected) =>
    p.toOne(p.meta(entity).properties[prop]!, alias, f.sets);
  return {
    Application: {
      fields: {
        office: toOne('office', 'Application'),
        assignee: toOne('assignee', 'Application'),
        companyName: (p, a) => {
          const o = p.alias();
          const c = p.alias();
          return `coalesce((select ${p.columnOf('Company', 'profile.name', c)} from "office" ${o} join "company" ${c} on ${c}."id" = ${o}."company_id" where ${o}."id" = ${a}."office_id"), ${p.columnOf('Application', 'companyProfile.name', a)}, ${a}."applicant_company_name")`;
        },
        userCodes: toMany('ApplicationUserCode', 'application', 'position asc'),
        terminals: toMany('ApplicationTerminal', 'application', 'terminalType asc, systemCategory asc, id asc'),
        lines: toMany('ApplicationLine', 'application', 'lineNo asc'),
        mailboxes: toMany('ApplicationMailbox', 'application', 'mailboxType asc, id asc'),
        changes: toMany('ApplicationChange', 'application', 'item asc, field asc'),
        attachments: toMany('Attachment', 'application', 'createdAt asc'),
        history: toMany('ApplicationHistory', 'application', 'id asc', visible),
        // Computed on the row by ApplicationUrgencyResolver (urgency.ts): both read the instant the wait began.
        waitingSince: (p, a) => waitingSinceSql(p, a),
        daysWaiting: (p, a) => waitingSinceSql(p, a),
        // What availableActions reads (review/availableActions.ts), under the field's own name: the resolver computes
        // the actions on the row. Not as `needs`: the assignee's key would clash with a selected assignee { … }.
        availableActions: (p, a) => `json_build_object(${['status', 'kind', 'assignee', 'systemSettingsDeadline', 'systemSettingsRecordedAt']
          .map((prop) => `'${prop === 'assignee' ? 'assigneeId' : prop}', ${p.columnOf('Application', prop, a)}`).join(', ')})`,
        latestHistory: (p, a, f) => {
          const h = p.alias();
          const json = p.object('ApplicationHistory', h, f.sets);
          if (json === undefined) return undefined;
          return `(select ${json} from "application_history" ${h} where ${h}."application_id" = ${a}."id"${visible ? ` and ${visible(h)}` : ''} order by ${h}."id" desc limit 1)`;
        },
      },
      needs: { businessDaysToStart: ['desiredStartDate'] },
    },
    ApplicationUserCode: { fields: { userIds: toMany('ApplicationUserId', 'userCode', 'position asc') } },
    ApplicationHistory: { fields: { actor: toOne('actor', 'ApplicationHistory') } },
    Office: { fields: { company: toOne('company', 'Office') } },
    // Staff.email is masked by its resolver, operations come from the roles: both run on the row.
    Staff: { needs: { email: ['email'], operations: ['roles'] } },
  };
}

/** A filter the tally answers: only status, kind, assignee and the queues defined by them. */
const TALLIED: ReadonlySet<string> = new Set(['queue', 'status', 'kind', 'assigneeId']);
function tallied(filter: ApplicationFilter | undefined): boolean {
  if (!filter) return true;
  return filter.queue !== ReviewQueue.DUE_SOON
    && Object.entries(filter).every(([key, value]) => TALLIED.has(key) || value === undefined || value === null);
}

const RULES = { staff: rules(true), integrator: rules(false) };

export class ApplicationReads {
  private readonly projection: Projection;
  private readonly who: 'staff' | 'integrator';

  constructor(private readonly em: EntityManager, info: GraphQLResolveInfo, staff: boolean) {
    this.who = staff ? 'staff' : 'integrator';
    this.projection = new Projection(em.getMetadata(), info, RULES[this.who]);
  }

  /** JSON of one application for the selection `sets`, or undefined when it cannot be compiled. */
  private json(alias: string, selected: Selected | undefined): string | undefined {
    return this.projection.object('Application', alias, selected?.sets ?? []);
  }

  /** JSON of the page's items (just the key when only totalCount is asked), compiled once per document. */
  private itemsJson(): string | undefined {
    return this.projection.once(`items:${this.who}`, () => {
      const items = this.projection.child('items');
      return items ? this.json('r0', items) : `json_build_object('id', r0."id")`;
    });
  }

  /** One application by id or 申込受付番号; undefined when the selection needs the entity path. */
  async get(id?: string | null, receiptNo?: string | null): Promise<ApplicationRow | undefined> {
    const where = lookupWhere(id, receiptNo) as { id?: string; receiptNo?: string };
    const key = where.id ? 'id' : 'receiptNo';
    const sql = this.projection.once(`get:${this.who}:${key}`, () => {
      const json = this.json('r0', this.projection.own());
      const column = this.projection.columnOf('Application', key, 'r0');
      return json === undefined ? undefined : `select ${json} as "row" from "application" r0 where ${column} = ?`;
    });
    if (sql === undefined) return undefined;
    const [row] = await boundRead<{ row: ApplicationRow }>(this.em, sql, [where[key]]);
    if (!row) throw notFound(receiptNo ? `申込受付番号 ${receiptNo} の申込` : '指定された申込');
    return row.row;
  }

  /** A page of the list with its totalCount (if asked), in one statement; undefined when the entity path must answer. */
  async page(filter: ApplicationFilter | undefined, sort: ApplicationSort | undefined, offset: number, limit: number, queue: QueueContext) {
    checkPage(offset, limit);
    const where = applicationWhere(filter, queue);
    const json = this.itemsJson();
    if (json === undefined) return undefined;
    const ids = this.em.createQueryBuilder(Application, 'a').select('a.id').where(where as never).orderBy(listOrder(sort)).toQuery();
    const count = this.projection.selects('totalCount') ? listCount(this.em, filter, queue) : undefined;
    const { items: rows, total } = await readPage<ApplicationRow>(this.em, 'application', json, pageKeys(ids, offset, limit), count);
    return { items: rows, totalCount: total };
  }

  /** The export's keyset page (receivedAt, id) in one statement; undefined when the entity path must answer. */
  async exportPage(after: string | undefined, limit: number, filter?: ApplicationFilter) {
    checkPage(0, limit);
    const where = exportWhere(after, filter);
    const json = this.itemsJson();
    if (json === undefined) return undefined;
    // The cursor's own key travels with each row (the selection may not ask for receivedAt).
    const keyed = `(${json}::jsonb || jsonb_build_object('__receivedAt', ${this.projection.column(this.em.getMetadata().find(Application)!.properties.receivedAt!, 'r0')}))`;
    const ids = this.em.createQueryBuilder(Application, 'a').select('a.id').where(where as never).orderBy(EXPORT_ORDER).toQuery();
    const { items: rows } = await readPage<ApplicationRow>(this.em, 'application', keyed, pageKeys(ids, 0, limit + 1));
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page, nextCursor: more && last ? encodeCursorOf(new Date(last.__receivedAt as string), last.id) : undefined };
  }
}

/** count(*) of the list's conditions: from the tally when it can answer, else an index plan over the table. */
export function listCount(em: EntityManager, filter: ApplicationFilter | undefined, queue: QueueContext): Statement {
  const where = applicationWhere(filter, queue);
  const q = tallied(filter)
    ? em.createQueryBuilder(ApplicationTally, 't').select(raw('coalesce(sum(t.n), 0)::int')).where(where as never).toQuery()
    : em.createQueryBuilder(Application, 'a').select(raw('count(*)::int')).where(where as never).toQuery();
  return { sql: q.sql, params: [...q.params] };
}

/** The five queue counts under the list's other filters, in one statement (tally where it answers). */
export async function readQueueCounts(em: EntityManager, ctx: QueueContext, filter: ApplicationFilter = {}): Promise<ReviewQueueCounts> {
  const queues = [ReviewQueue.UNASSIGNED, ReviewQueue.MINE, ReviewQueue.RETURNED, ReviewQueue.DUE_SOON, ReviewQueue.ALL];
  const counts = queues.map((queue) => listCount(em, { ...filter, queue }, ctx));
  const [row] = await boundRead<Record<string, number>>(
    em, `select ${counts.map((c, i) => `(${c.sql}) as "c${i}"`).join(', ')}`, counts.flatMap((c) => c.params));
  const [unassigned, mine, returned, dueSoon, all] = queues.map((_, i) => Number(row![`c${i}`]));
  return { unassigned: unassigned!, mine: mine!, returned: returned!, dueSoon: dueSoon!, all: all! };
}
