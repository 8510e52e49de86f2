import { Authorized, Ctx, FieldResolver, Info, Query, Resolver } from 'type-graphql';
import { Kind, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { roles } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { forbidden } from '../../common/errors.js';
import { todayInJapan } from '../../common/dates.js';
import { Application } from '../../applications/Application.js';
import { ApplicationReads, readQueueCounts, type ApplicationRow } from '../../applications/ApplicationReads.js';
import { ApplicationQueries, ApplicationSort, ApplicationSortField, ReviewQueue } from '../../applications/ApplicationQueries.js';
import { queueContext } from '../../applications/ApplicationResolver.js';
import { horizonClosures } from '../../calendar/CalendarService.js';
import { SortOrder } from '../../common/paging.js';
import { keyOfficeIds } from '../../staff/keyScope.js';
import { ReviewService } from '../ReviewService.js';
import { OLDEST_UNASSIGNED, openFigures, peopleFigures } from './DashboardService.js';
import { ReviewDashboard } from './types.js';

/** The list's page selection for a field that returns the applications themselves: `items { <its selection> }`. */
const asPage = new WeakMap<FieldNode, FieldNode>();
function pageInfo(info: GraphQLResolveInfo): GraphQLResolveInfo | undefined {
  if (info.fieldNodes.length !== 1) return undefined;
  const node = info.fieldNodes[0]!;
  let page = asPage.get(node);
  if (!page) {
    // Memoised per parsed document, so the read path compiles the projection once per query text.
    const items: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'items' }, selectionSet: node.selectionSet };
    page = { ...node, selectionSet: { kind: Kind.SELECTION_SET, selections: [items] } };
    asPage.set(node, page);
  }
  return { ...info, fieldNodes: [page] };
}

const OLDEST_FIRST = Object.assign(new ApplicationSort(), { field: ApplicationSortField.RECEIVED_AT, order: SortOrder.ASC });

@Resolver(() => ReviewDashboard)
export class DashboardResolver {
  @Authorized(...roles('reviewDashboard'))
  @Query(() => ReviewDashboard, { description: '審査ダッシュボード (コンソールのホーム): キューの件数、経過日数、サービス水準の超過、担当者ごとの作業量、週ごとの審査終了、未割当の古い申込' })
  async reviewDashboard(@Ctx() ctx: Context): Promise<Omit<ReviewDashboard, 'oldestUnassigned'>> {
    // The center's whole workload and its staff: not for a key held to some companies' offices.
    if (await keyOfficeIds(ctx)) throw forbidden('企業・事業所を限定したAPIキーでは審査ダッシュボードを参照できません。');
    const now = ctx.services.clock.now();
    const today = todayInJapan(now);
    const review = new ReviewService(ctx.em, ctx.services.secrets, ctx.services.clock, ctx.services.config.ipPool);
    const [queueCounts, open, people] = await Promise.all([
      queueContext(ctx).then((queue) => readQueueCounts(ctx.em, queue)),
      horizonClosures(ctx.em, now.getTime()).then((closures) => openFigures(ctx.em, review, today, closures)),
      peopleFigures(ctx.em, today),
    ]);
    return { asOf: now, today, queueCounts, ...open, ...people };
  }

  /** The oldest of the 未割当 queue, read as the list reads a page (only the selected fields, one statement). */
  @FieldResolver(() => [Application])
  async oldestUnassigned(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Array<Application | ApplicationRow>> {
    const filter = { queue: ReviewQueue.UNASSIGNED };
    const queue = await queueContext(ctx, false);
    const asList = pageInfo(info);
    const page = asList && await new ApplicationReads(ctx.em, asList, !!ctx.staffId).page(filter, OLDEST_FIRST, 0, OLDEST_UNASSIGNED, queue);
    return (page ?? await new ApplicationQueries(ctx.em).list(filter, OLDEST_FIRST, 0, OLDEST_UNASSIGNED, queue)).items as Array<Application | ApplicationRow>;
  }
}
