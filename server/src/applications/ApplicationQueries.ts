import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ApplicationKind, ApplicationStatus } from '../common/enums.js';
import { badInput, notFound, type FieldError } from '../common/errors.js';
import { SortOrder, checkPage, isIsoDate } from '../common/paging.js';
import { escapeLike, foldForSearch } from '../common/search.js';
import { Application } from './Application.js';
import { CheckSeverity } from '../review/checks/types.js';
import { checkSeverityWhere } from '../review/checks/summaries.js';

export enum ApplicationSortField {
  RECEIVED_AT = 'RECEIVED_AT',
  RECEIPT_NO = 'RECEIPT_NO',
  DESIRED_START_DATE = 'DESIRED_START_DATE',
  STATUS = 'STATUS',
}
registerEnumType(ApplicationSortField, { name: 'ApplicationSortField' });

const SORT_COLUMN: Record<ApplicationSortField, keyof Application> = {
  RECEIVED_AT: 'receivedAt',
  RECEIPT_NO: 'receiptNo',
  DESIRED_START_DATE: 'desiredStartDate',
  STATUS: 'status',
};

/** The reviewers' queue views. */
export enum ReviewQueue {
  UNASSIGNED = 'UNASSIGNED', // 未割当
  MINE = 'MINE', // 自分の担当
  RETURNED = 'RETURNED', // 確認事項あり
  DUE_SOON = 'DUE_SOON', // 期限が近い
  ALL = 'ALL', // すべて
}
registerEnumType(ReviewQueue, { name: 'ReviewQueue' });

/** 期限が近い: an open application whose desired start date is within this many business days. */
export const DUE_SOON_BUSINESS_DAYS = 5;

/** What a queue view needs to know about the caller and today. */
export interface QueueContext {
  staffId?: string;
  dueBy: string;
}

const OPEN_STATUSES = [ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW, ApplicationStatus.RETURNED];

export function queueWhere(queue: ReviewQueue, ctx: QueueContext): FilterQuery<Application> {
  switch (queue) {
    case ReviewQueue.UNASSIGNED:
      return { status: { $in: [ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW] }, assignee: null };
    case ReviewQueue.MINE:
      return { status: { $in: OPEN_STATUSES }, assignee: ctx.staffId ?? '00000000-0000-0000-0000-000000000000' };
    case ReviewQueue.RETURNED:
      return { status: ApplicationStatus.RETURNED };
    case ReviewQueue.DUE_SOON:
      return { status: { $in: OPEN_STATUSES }, desiredStartDate: { $lte: ctx.dueBy } };
    default:
      return {};
  }
}

@InputType({ description: '利用申込の絞り込み' })
export class ApplicationFilter {
  @Field(() => ReviewQueue, { nullable: true, description: '審査キュー (未割当・自分の担当・確認事項あり・期限が近い・すべて)' })
  queue?: ReviewQueue;

  @Field(() => [ApplicationStatus], { nullable: true })
  status?: ApplicationStatus[];

  @Field(() => [ApplicationKind], { nullable: true })
  kind?: ApplicationKind[];

  @Field(() => String, {
    nullable: true,
    description: '申込受付番号の前方一致、事業所コード、企業名・カナ (全角/半角・ひらがな/カタカナを区別しない)',
  })
  q?: string;

  @Field(() => ID, { nullable: true, description: '審査担当者' })
  assigneeId?: string;

  @Field(() => String, { nullable: true, description: '申込日 (この日から, YYYY-MM-DD)' })
  receivedFrom?: string;

  @Field(() => String, { nullable: true, description: '申込日 (この日まで, YYYY-MM-DD)' })
  receivedTo?: string;

  @Field(() => String, { nullable: true, description: '事業所コード' })
  officeCode?: string;

  @Field(() => String, { nullable: true, description: '利用開始希望日 (この日から, YYYY-MM-DD)' })
  desiredStartFrom?: string;

  @Field(() => String, { nullable: true, description: '利用開始希望日 (この日まで, YYYY-MM-DD)' })
  desiredStartTo?: string;

  @Field(() => [CheckSeverity], {
    nullable: true,
    description: '自動チェックの重さ (最も重い指摘): BLOCKER 承認不可 / WARNING 要確認 / INFO 参考。受付・審査中・確認事項ありの申込のうち、最も重い指摘がいずれかのもの (定期的に計算した結果による)',
  })
  checkSeverity?: CheckSeverity[];

  @Field(() => [ID], { nullable: true, description: '申込のID (一覧の1ページ分まで; 例: 表示中の行の自動チェックの件数を読む)' })
  ids?: string[];

  /** The offices an API key is limited to (staff/keyScope.ts); set by the server, not a GraphQL field. */
  officeIds?: string[];
}

@InputType()
export class ApplicationSort {
  @Field(() => ApplicationSortField)
  field: ApplicationSortField = ApplicationSortField.RECEIVED_AT;

  @Field(() => SortOrder)
  order: SortOrder = SortOrder.DESC;
}

@ObjectType({ description: '利用申込の一覧 (1ページ分と総件数)' })
export class ApplicationPage {
  @Field(() => [Application])
  items!: Application[];

  @Field(() => Int)
  totalCount!: number;
}

/** The most application ids one filter names (a page of the list). */
const MAX_IDS = 100;

/** Start of a Japan-time day as an instant (申込日 is a Japanese calendar day). */
const jstDayStart = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+09:00`);

/** Builds the WHERE of the application list from the filter; bad dates are BAD_USER_INPUT. */
export function applicationWhere(filter: ApplicationFilter = {}, queue: QueueContext = { dueBy: '9999-12-31' }): FilterQuery<Application> {
  const errors: FieldError[] = [];
  const and: FilterQuery<Application>[] = [];
  if (filter.queue) and.push(queueWhere(filter.queue, queue));
  if (filter.status?.length) and.push({ status: { $in: filter.status } });
  if (filter.kind?.length) and.push({ kind: { $in: filter.kind } });
  if (filter.assigneeId) and.push({ assignee: filter.assigneeId });
  if (filter.officeCode) and.push({ office: { code: filter.officeCode.normalize('NFKC').trim().toUpperCase() } });
  if (filter.officeIds) and.push({ office: { $in: filter.officeIds } });
  // As the check-summary job last computed it (review/checks/summaries.ts); never answered by the tally.
  if (filter.checkSeverity?.length) and.push(checkSeverityWhere(filter.checkSeverity));
  if (filter.ids) {
    if (filter.ids.length > MAX_IDS) errors.push({ path: 'filter.ids', message: `申込のIDは${MAX_IDS}件までで指定してください。` });
    else and.push({ id: { $in: filter.ids } });
  }
  for (const [path, value, op] of [
    ['filter.receivedFrom', filter.receivedFrom, '$gte'],
    ['filter.receivedTo', filter.receivedTo, '$lt'],
  ] as const) {
    if (!value) continue;
    if (!isIsoDate(value)) {
      errors.push({ path, message: `${path === 'filter.receivedFrom' ? '申込日(開始)' : '申込日(終了)'}は YYYY-MM-DD 形式の日付で指定してください。` });
      continue;
    }
    const day = jstDayStart(value);
    // receivedTo includes the whole day: compare with the start of the next day.
    and.push({ receivedAt: { [op]: op === '$lt' ? new Date(day.getTime() + 86_400_000) : day } });
  }
  // 利用開始希望日 is a calendar date (no time zone); an application without one is outside any range.
  for (const [path, value, op, label] of [
    ['filter.desiredStartFrom', filter.desiredStartFrom, '$gte', '利用開始希望日(開始)'],
    ['filter.desiredStartTo', filter.desiredStartTo, '$lte', '利用開始希望日(終了)'],
  ] as const) {
    if (!value) continue;
    if (!isIsoDate(value)) errors.push({ path, message: `${label}は YYYY-MM-DD 形式の日付で指定してください。` });
    else and.push({ desiredStartDate: { [op]: value } });
  }
  const q = filter.q?.trim();
  if (q) {
    const code = escapeLike(q.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
    // The search column holds the office code too: one table, two indexes (receipt prefix, trigram).
    and.push({ $or: [{ receiptNo: { $like: `${code}%` } }, { searchText: { $like: `%${escapeLike(foldForSearch(q))}%` } }] });
  }
  if (errors.length) throw badInput(errors);
  return and.length ? { $and: and } : {};
}

/** The list's order: the chosen key, then the receipt number (a total order, so pages never overlap). */
export function listOrder(sort: ApplicationSort | undefined): QueryOrderMap<Application>[] {
  const s = sort ?? new ApplicationSort();
  const dir = s.order === SortOrder.ASC ? 'asc' : 'desc';
  // Only the desired start date can be empty: empty ones go last; the other keys are NOT NULL and use their indexes.
  const first = s.field === ApplicationSortField.DESIRED_START_DATE ? `${dir} nulls last` : dir;
  return [{ [SORT_COLUMN[s.field]]: first }, { receiptNo: dir }] as QueryOrderMap<Application>[];
}

/** The condition of a lookup by id or 申込受付番号 (full-width and lower case are fine); a malformed id finds nothing. */
export function lookupWhere(id?: string | null, receiptNo?: string | null): FilterQuery<Application> {
  if (!id && !receiptNo) {
    throw badInput([{ path: 'id', message: 'id または receiptNo (申込受付番号) のどちらかを指定してください。' }]);
  }
  if (id && !/^[0-9a-f-]{36}$/i.test(id)) throw notFound('指定された申込');
  return id ? { id } : { receiptNo: receiptNo!.normalize('NFKC').trim().toUpperCase() };
}

/** Reads applications for the console, the support desk and integrators. */
export class ApplicationQueries {
  constructor(private readonly em: EntityManager) {}

  async get(id?: string | null, receiptNo?: string | null): Promise<Application> {
    const app = await this.em.findOne(Application, lookupWhere(id, receiptNo), { populate: ['office.company', 'assignee'] });
    if (!app) throw notFound(receiptNo ? `申込受付番号 ${receiptNo} の申込` : '指定された申込');
    return app;
  }

  async list(filter: ApplicationFilter | undefined, sort: ApplicationSort | undefined, offset: number, limit: number, queue?: QueueContext) {
    checkPage(offset, limit);
    const [items, totalCount] = await this.em.findAndCount(Application, applicationWhere(filter, queue), {
      populate: ['office.company', 'assignee'],
      orderBy: listOrder(sort),
      offset,
      limit,
    });
    return { items, totalCount };
  }
}

@ObjectType({ description: '審査キューの件数' })
export class ReviewQueueCounts {
  @Field(() => Int, { description: '未割当' }) unassigned!: number;
  @Field(() => Int, { description: '自分の担当' }) mine!: number;
  @Field(() => Int, { description: '確認事項あり' }) returned!: number;
  @Field(() => Int, { description: '期限が近い' }) dueSoon!: number;
  @Field(() => Int, { description: 'すべて' }) all!: number;
}

@ObjectType({ description: '利用申込の書き出し (キーセット・ページング)' })
export class ApplicationExportPage {
  @Field(() => [Application])
  items!: Application[];

  @Field(() => String, { nullable: true, description: '次のページの after に渡すカーソル (最後のページは null)' })
  nextCursor?: string;
}

export const encodeCursorOf = (receivedAt: Date, id: string) => Buffer.from(JSON.stringify([receivedAt.toISOString(), id])).toString('base64url');

/** The export cursor (receivedAt, id) of the last row of the previous page; a malformed one is BAD_USER_INPUT on after. */
function decodeCursor(after: string): { at: Date; id: string } {
  let decoded: [string, string];
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || Number.isNaN(Date.parse(decoded[0])) || !/^[0-9a-f-]{36}$/i.test(decoded[1])) throw new Error();
  } catch {
    throw badInput([{ path: 'after', message: 'after (カーソル) が正しくありません。前のページの nextCursor を指定してください。' }]);
  }
  return { at: new Date(decoded[0]), id: decoded[1] };
}

/** The export's rows after the cursor (receivedAt, id) under the list's filter; a malformed cursor is BAD_USER_INPUT. */
export function exportWhere(after: string | undefined, filter?: ApplicationFilter): FilterQuery<Application> {
  const and: FilterQuery<Application>[] = [applicationWhere(filter)];
  if (after) {
    const cursor = decodeCursor(after);
    and.push({ $or: [{ receivedAt: { $gt: cursor.at } }, { receivedAt: cursor.at, id: { $gt: cursor.id } }] });
  }
  return { $and: and };
}

/** The export's order (its keyset, application_export_order_idx). */
export const EXPORT_ORDER: QueryOrderMap<Application>[] = [{ receivedAt: 'asc' }, { id: 'asc' }];

/**
 * Keyset pagination for integrators exporting large lists: ordered by (receivedAt, id), each page starts after the
 * cursor — stable under concurrent inserts and as fast on page 1,000 as on page 1.
 */
export async function exportApplications(em: EntityManager, after: string | undefined, limit: number, filter?: ApplicationFilter) {
  checkPage(0, limit);
  const items = await em.find(Application, exportWhere(after, filter), { populate: ['office.company', 'assignee'], orderBy: EXPORT_ORDER, limit: limit + 1 });
  const more = items.length > limit;
  const page = items.slice(0, limit);
  return { items: page, nextCursor: more ? encodeCursorOf(page.at(-1)!.receivedAt, page.at(-1)!.id) : undefined };
}
