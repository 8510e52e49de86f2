import { roles } from '../graphql/access.js';
import DataLoader from 'dataloader';
import { notFound } from '../common/errors.js';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { isReadRow, type ReadRow } from '../graphql/projection.js';
import { ApplicationReads, readQueueCounts, type ApplicationRow } from './ApplicationReads.js';
import { DEFAULT_PAGE_SIZE } from '../common/paging.js';
import { loader, type Context } from '../graphql/context.js';
import { byParent, related } from '../graphql/loaders.js';
import { Office } from '../companies/Office.js';
import { Company } from '../companies/Company.js';
import { Staff } from '../staff/Staff.js';
import { ApplicationHistory } from '../review/ApplicationHistory.js';
import { Application } from './Application.js';
import {
  ApplicationExportPage, ApplicationFilter, ApplicationPage, ApplicationQueries, ApplicationSort, DUE_SOON_BUSINESS_DAYS,
  ReviewQueue, ReviewQueueCounts, exportApplications,
  type QueueContext,
} from './ApplicationQueries.js';
import { horizonClosures } from '../calendar/CalendarService.js';
import { withinKey } from '../staff/keyScope.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { todayInJapan } from '../common/dates.js';
import {
  ApplicationChange, ApplicationLine, ApplicationMailbox, ApplicationTerminal, ApplicationUserCode, ApplicationUserId,
  Attachment,
} from './sections.js';

@ObjectType({ description: '添付ファイルの内容 (ダウンロード用)' })
export class AttachmentContent {
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String, { description: '内容 (base64)' }) contentBase64!: string;
  @Field(() => String) sha256!: string;
}


/** The caller and the 期限が近い horizon for queue views (the calendar is read only when a view needs the horizon). */
export async function queueContext(ctx: Context, dueSoon = true): Promise<QueueContext> {
  if (!dueSoon) return { staffId: ctx.staffId, dueBy: '0000-01-01' };
  const now = ctx.services.clock.now();
  const closures = await horizonClosures(ctx.em, now.getTime());
  return { staffId: ctx.staffId, dueBy: addBusinessDays(todayInJapan(now), DUE_SOON_BUSINESS_DAYS, closures) };
}

/** The value a read-path row already holds for a field (undefined: resolve it from the entity). */
const held = <T>(root: object, field: string): { value: T } | undefined =>
  (isReadRow(root) ? { value: ((root as Record<string, unknown>)[field] ?? undefined) as T } : undefined);

/** Latest history entry per application, in one query per request (DISTINCT ON). */
function latestHistoryLoader(ctx: Context): DataLoader<string, ApplicationHistory | undefined> {
  return loader(ctx, 'latestHistory', () =>
    new DataLoader<string, ApplicationHistory | undefined>(async (ids) => {
      const rows: Array<{ id: string }> = await ctx.em.getConnection().execute(
        `select distinct on (application_id) id from application_history
          where application_id in (${ids.map(() => '?').join(', ')}) and (not internal or ?)
          order by application_id, id desc`,
        [...ids, !!ctx.staffId],
      );
      const entries = await ctx.em.find(ApplicationHistory, { id: { $in: rows.map((r) => String(r.id)) } });
      const map = new Map(entries.map((h) => [h.application.id, h]));
      return ids.map((id) => map.get(id));
    }),
  );
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized(...roles('application'))
  @Query(() => Application, { description: '利用申込 (id または申込受付番号で指定)' })
  async application(
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @Arg('receiptNo', () => String, { nullable: true }) receiptNo: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Application | ApplicationRow> {
    return (await new ApplicationReads(ctx.em, info, !!ctx.staffId).get(id, receiptNo)) ?? new ApplicationQueries(ctx.em).get(id, receiptNo);
  }

  @Authorized(...roles('applications'))
  @Query(() => ApplicationPage, { description: '利用申込の一覧 (items と totalCount を1回で)' })
  async applications(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Arg('sort', () => ApplicationSort, { nullable: true }) sort: ApplicationSort | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) limit: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ApplicationPage> {
    // `filter: null` / `sort: null` mean none, as absent ones do.
    [filter, sort] = [filter ?? undefined, sort ?? undefined];
    const queue = await queueContext(ctx, filter?.queue === ReviewQueue.DUE_SOON);
    filter = await withinKey(ctx, filter);
    const page = await new ApplicationReads(ctx.em, info, !!ctx.staffId).page(filter, sort, offset, limit, queue);
    return (page as ApplicationPage | undefined) ?? new ApplicationQueries(ctx.em).list(filter, sort, offset, limit, queue);
  }

  @Authorized(...roles('applicationsExport'))
  @Query(() => ApplicationExportPage, { description: '連携システム向けの書き出し (キーセット・ページング: 受付日時順; after に nextCursor)' })
  async applicationsExport(
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ApplicationExportPage> {
    filter ??= undefined;
    filter = await withinKey(ctx, filter);
    const page = await new ApplicationReads(ctx.em, info, !!ctx.staffId).exportPage(after, limit, filter);
    return (page as ApplicationExportPage | undefined) ?? exportApplications(ctx.em, after, limit, filter);
  }

  @Authorized(...roles('reviewQueueCounts'))
  @Query(() => ReviewQueueCounts, { description: '審査キュー (未割当・自分の担当・確認事項あり・期限が近い・すべて) の件数。filter は一覧と同じ (queue は無視)' })
  async reviewQueueCounts(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<ReviewQueueCounts> {
    return readQueueCounts(ctx.em, await queueContext(ctx), await withinKey(ctx, filter ?? undefined));
  }

  @Authorized(...roles('attachmentContent'))
  @Query(() => AttachmentContent, { description: '添付ファイルの内容' })
  async attachmentContent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AttachmentContent> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.em.findOne(Attachment, { id }, { populate: ['content'] }) : null;
    if (!found) throw notFound('指定された添付ファイル');
    return { fileName: found.fileName, contentType: found.contentType, contentBase64: Buffer.from(found.content).toString('base64'), sha256: found.sha256 };
  }

  @FieldResolver(() => Office, { nullable: true })
  async office(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<Office | undefined> {
    const app = root as Application;
    return (held<Office>(root, 'office') ?? { value: await related(ctx, Office, app.office) }).value;
  }

  @FieldResolver(() => Staff, { nullable: true })
  async assignee(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<Staff | undefined> {
    const app = root as Application;
    return (held<Staff>(root, 'assignee') ?? { value: await related(ctx, Staff, app.assignee) }).value;
  }

  @FieldResolver(() => String, { nullable: true, description: '表示用の企業名 (事業所の企業 → 申込内容 → 申込担当者の企業名)' })
  async companyName(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<string | undefined> {
    const app = root as Application;
    const row = held<string>(root, 'companyName');
    if (row) return row.value;
    const office = await related(ctx, Office, app.office);
    const company = office ? await related(ctx, Company, office.company) : undefined;
    return company?.profile.name ?? app.companyProfile?.name ?? app.applicantCompanyName;
  }

  @FieldResolver(() => [ApplicationUserCode])
  async userCodes(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<ApplicationUserCode[]> {
    const app = root as Application;
    return held<ApplicationUserCode[]>(root, 'userCodes')?.value ?? byParent(ctx, ApplicationUserCode, 'application', { orderBy: { position: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationTerminal])
  async terminals(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<ApplicationTerminal[]> {
    const app = root as Application;
    return held<ApplicationTerminal[]>(root, 'terminals')?.value ?? byParent(ctx, ApplicationTerminal, 'application', { orderBy: { terminalType: 'asc', systemCategory: 'asc', id: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationLine])
  async lines(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<ApplicationLine[]> {
    const app = root as Application;
    return held<ApplicationLine[]>(root, 'lines')?.value ?? byParent(ctx, ApplicationLine, 'application', { orderBy: { lineNo: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationMailbox])
  async mailboxes(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<ApplicationMailbox[]> {
    const app = root as Application;
    return held<ApplicationMailbox[]>(root, 'mailboxes')?.value ?? byParent(ctx, ApplicationMailbox, 'application', { orderBy: { mailboxType: 'asc', id: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationChange], { description: '変更内容 (変更前/変更後)' })
  async changes(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<ApplicationChange[]> {
    const app = root as Application;
    return held<ApplicationChange[]>(root, 'changes')?.value ?? byParent(ctx, ApplicationChange, 'application', { orderBy: { item: 'asc', field: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [Attachment])
  async attachments(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<Attachment[]> {
    const app = root as Application;
    return held<Attachment[]>(root, 'attachments')?.value ?? byParent(ctx, Attachment, 'application', { orderBy: { createdAt: 'asc' }, exclude: ['content'] as never }).load(app.id);
  }

  @FieldResolver(() => [ApplicationHistory], { description: '履歴 (古い順)' })
  async history(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<ApplicationHistory[]> {
    const app = root as Application;
    const row = held<ApplicationHistory[]>(root, 'history');
    if (row) return row.value; // internal entries already left out for integrators
    const entries = await byParent(ctx, ApplicationHistory, 'application', { orderBy: { id: 'asc' } }).load(app.id);
    // 社内メモ never leave the center: integrators (the portal) do not see them.
    return ctx.staffId ? entries : entries.filter((h) => !h.internal);
  }

  @FieldResolver(() => ApplicationHistory, { nullable: true, description: '最新の履歴' })
  async latestHistory(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<ApplicationHistory | undefined> {
    const app = root as Application;
    return (held<ApplicationHistory>(root, 'latestHistory') ?? { value: await latestHistoryLoader(ctx).load(app.id) }).value;
  }
}

@Resolver(() => ApplicationUserCode)
export class ApplicationUserCodeResolver {
  @FieldResolver(() => [ApplicationUserId])
  async userIds(@Root() root: ApplicationUserCode | ReadRow, @Ctx() ctx: Context): Promise<ApplicationUserId[]> {
    const code = root as ApplicationUserCode;
    return held<ApplicationUserId[]>(root, 'userIds')?.value ?? byParent(ctx, ApplicationUserId, 'userCode', { orderBy: { position: 'asc' } }).load(code.id);
  }
}

@Resolver(() => ApplicationHistory)
export class ApplicationHistoryResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async actor(@Root() root: ApplicationHistory | ReadRow, @Ctx() ctx: Context): Promise<Staff | undefined> {
    const entry = root as ApplicationHistory;
    return (held<Staff>(root, 'actor') ?? { value: await related(ctx, Staff, entry.actor) }).value;
  }
}
