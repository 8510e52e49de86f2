import { roles } from '../graphql/access.js';
import DataLoader from 'dataloader';
import { notFound } from '../common/errors.js';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
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
  ReviewQueueCounts, exportApplications, reviewQueueCounts,
  type QueueContext,
} from './ApplicationQueries.js';
import { CalendarService } from '../calendar/CalendarService.js';
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


/** The caller and the 期限が近い horizon for queue views. */
async function queueContext(ctx: Context): Promise<QueueContext> {
  const closures = await new CalendarService(ctx.em).closureSet();
  return { staffId: ctx.staff?.id, dueBy: addBusinessDays(todayInJapan(ctx.services.clock.now()), DUE_SOON_BUSINESS_DAYS, closures) };
}

/** Latest history entry per application, in one query per request (DISTINCT ON). */
function latestHistoryLoader(ctx: Context): DataLoader<string, ApplicationHistory | undefined> {
  return loader(ctx, 'latestHistory', () =>
    new DataLoader<string, ApplicationHistory | undefined>(async (ids) => {
      const rows: Array<{ id: string }> = await ctx.em.getConnection().execute(
        `select distinct on (application_id) id from application_history
          where application_id in (${ids.map(() => '?').join(', ')}) and (not internal or ?)
          order by application_id, id desc`,
        [...ids, !!ctx.staff],
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
  application(
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @Arg('receiptNo', () => String, { nullable: true }) receiptNo: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return new ApplicationQueries(ctx.em).get(id, receiptNo);
  }

  @Authorized(...roles('applications'))
  @Query(() => ApplicationPage, { description: '利用申込の一覧 (items と totalCount を1回で)' })
  async applications(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Arg('sort', () => ApplicationSort, { nullable: true }) sort: ApplicationSort | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<ApplicationPage> {
    return new ApplicationQueries(ctx.em).list(filter, sort, offset, limit, await queueContext(ctx));
  }

  @Authorized(...roles('applicationsExport'))
  @Query(() => ApplicationExportPage, { description: '連携システム向けの書き出し (キーセット・ページング: 受付日時順; after に nextCursor)' })
  applicationsExport(
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<ApplicationExportPage> {
    return exportApplications(ctx.em, after, limit, filter);
  }

  @Authorized(...roles('reviewQueueCounts'))
  @Query(() => ReviewQueueCounts, { description: '審査キュー (未割当・自分の担当・確認事項あり・期限が近い・すべて) の件数。filter は一覧と同じ (queue は無視)' })
  async reviewQueueCounts(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<ReviewQueueCounts> {
    return reviewQueueCounts(ctx.em, await queueContext(ctx), filter);
  }

  @Authorized(...roles('attachmentContent'))
  @Query(() => AttachmentContent, { description: '添付ファイルの内容' })
  async attachmentContent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AttachmentContent> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.em.findOne(Attachment, { id }, { populate: ['content'] }) : null;
    if (!found) throw notFound('指定された添付ファイル');
    return { fileName: found.fileName, contentType: found.contentType, contentBase64: Buffer.from(found.content).toString('base64'), sha256: found.sha256 };
  }

  @FieldResolver(() => Office, { nullable: true })
  office(@Root() app: Application, @Ctx() ctx: Context): Promise<Office | undefined> {
    return related(ctx, Office, app.office);
  }

  @FieldResolver(() => Staff, { nullable: true })
  assignee(@Root() app: Application, @Ctx() ctx: Context): Promise<Staff | undefined> {
    return related(ctx, Staff, app.assignee);
  }

  @FieldResolver(() => String, { nullable: true, description: '表示用の企業名 (事業所の企業 → 申込内容 → 申込担当者の企業名)' })
  async companyName(@Root() app: Application, @Ctx() ctx: Context): Promise<string | undefined> {
    const office = await related(ctx, Office, app.office);
    const company = office ? await related(ctx, Company, office.company) : undefined;
    return company?.profile.name ?? app.companyProfile?.name ?? app.applicantCompanyName;
  }

  @FieldResolver(() => [ApplicationUserCode])
  userCodes(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationUserCode[]> {
    return byParent(ctx, ApplicationUserCode, 'application', { orderBy: { position: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationTerminal])
  terminals(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationTerminal[]> {
    return byParent(ctx, ApplicationTerminal, 'application', { orderBy: { terminalType: 'asc', systemCategory: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationLine])
  lines(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationLine[]> {
    return byParent(ctx, ApplicationLine, 'application', { orderBy: { lineNo: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationMailbox])
  mailboxes(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationMailbox[]> {
    return byParent(ctx, ApplicationMailbox, 'application', { orderBy: { mailboxType: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [ApplicationChange], { description: '変更内容 (変更前/変更後)' })
  changes(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationChange[]> {
    return byParent(ctx, ApplicationChange, 'application', { orderBy: { item: 'asc', field: 'asc' } }).load(app.id);
  }

  @FieldResolver(() => [Attachment])
  attachments(@Root() app: Application, @Ctx() ctx: Context): Promise<Attachment[]> {
    return byParent(ctx, Attachment, 'application', { orderBy: { createdAt: 'asc' }, exclude: ['content'] as never }).load(app.id);
  }

  @FieldResolver(() => [ApplicationHistory], { description: '履歴 (古い順)' })
  async history(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationHistory[]> {
    const entries = await byParent(ctx, ApplicationHistory, 'application', { orderBy: { id: 'asc' } }).load(app.id);
    // 社内メモ never leave the center: integrators (the portal) do not see them.
    return ctx.staff ? entries : entries.filter((h) => !h.internal);
  }

  @FieldResolver(() => ApplicationHistory, { nullable: true, description: '最新の履歴' })
  latestHistory(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationHistory | undefined> {
    return latestHistoryLoader(ctx).load(app.id);
  }
}

@Resolver(() => ApplicationUserCode)
export class ApplicationUserCodeResolver {
  @FieldResolver(() => [ApplicationUserId])
  userIds(@Root() code: ApplicationUserCode, @Ctx() ctx: Context): Promise<ApplicationUserId[]> {
    return byParent(ctx, ApplicationUserId, 'userCode', { orderBy: { position: 'asc' } }).load(code.id);
  }
}

@Resolver(() => ApplicationHistory)
export class ApplicationHistoryResolver {
  @FieldResolver(() => Staff, { nullable: true })
  actor(@Root() entry: ApplicationHistory, @Ctx() ctx: Context): Promise<Staff | undefined> {
    return related(ctx, Staff, entry.actor);
  }
}
