import { roles } from '../graphql/access.js';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../common/errors.js';
import { actorOf, loader, type Context } from '../graphql/context.js';
import { Application } from '../applications/Application.js';
import { ReviewService, type ApprovalPreview as Preview } from './ReviewService.js';
import { CalendarService, asksForNewLine } from '../calendar/CalendarService.js';
import { ApplicationLine } from '../applications/sections.js';
import { byParent } from '../graphql/loaders.js';
import DataLoader from 'dataloader';
import { todayInJapan } from '../common/dates.js';
import { ApplicationCheck, CheckSummary, loadCheckInputs, runChecks, summarize } from './checks/index.js';
import { isReadRow, type ReadRow } from '../graphql/projection.js';
import { ApplicationAction, availableActions, type ActionSubject } from './availableActions.js';


@ObjectType({ description: '利用開始日の目安 (標準日数と希望日の判定)' })
export class StartDateAdvice {
  @Field(() => Int, { description: '標準日数 (営業日)' }) leadTimeBusinessDays!: number;
  @Field(() => String, { description: '標準日数から求めた最短の利用開始日' }) earliestStartDate!: string;
  @Field(() => Boolean, { description: '申込日と利用開始希望日の間隔が標準日数より短い' }) desiredDateTooSoon!: boolean;
}

@ObjectType({ description: '審査終了の前に: 利用開始日から決まる日付 (承認と同じ規則)' })
export class ApprovalPreview implements Preview {
  @Field(() => String, { description: '利用開始日' }) startDate!: string;
  @Field(() => String, { nullable: true, description: '利用開始日に指定できない理由 (過去日・休業日)' }) startDateProblem?: string;
  @Field(() => String, { nullable: true, description: 'システム設定申込締切日 (新規申込のみ): 利用開始日の4営業日前' }) systemSettingsDeadline?: string;
  @Field(() => String, { description: 'パスワード参照期間の終わり: 利用開始日の2営業日後' }) passwordReadableUntil!: string;
  @Field(() => String, { description: '本日承認するときの最短の利用開始日 (標準日数・システム設定申込締切日から; これより前は理由を付した承認のみ)' }) minimumStartDate!: string;
  @Field(() => String, { nullable: true, description: 'この利用開始日で承認するには理由 (override) が必要な理由' }) overrideNeeded?: string;
}

@Resolver(() => Application)
export class ReviewResolver {
  private service(ctx: Context): ReviewService {
    return new ReviewService(ctx.em, ctx.services.secrets, ctx.services.clock, ctx.services.config.ipPool);
  }

  @Authorized(...roles('assignApplication'))
  @Mutation(() => Application, { description: '担当を割り当てる (自分に; 監督者は他の審査担当者にも)。受付の申込は審査中になる' })
  assignApplication(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('assigneeId', () => ID, { nullable: true }) assigneeId: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).assign(id, expectedVersion, actorOf(ctx), assigneeId);
  }

  @Authorized(...roles('unassignApplication'))
  @Mutation(() => Application, { description: '担当を解除する' })
  unassignApplication(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).unassign(id, expectedVersion, actorOf(ctx));
  }

  @Authorized(...roles('returnApplication'))
  @Mutation(() => Application, { description: '確認事項を送って差し戻す (確認事項あり)' })
  returnApplication(
    @Arg('id', () => ID) id: string,
    @Arg('message', () => String) message: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).returnForCorrection(id, message, expectedVersion, actorOf(ctx));
  }

  @Authorized(...roles('approveApplication'))
  @Mutation(() => Application, { description: '審査終了 (承認): 利用開始日を確定する' })
  approveApplication(
    @Arg('id', () => ID) id: string,
    @Arg('startDate', () => String, { description: '利用開始日 (YYYY-MM-DD, 本日以降の営業日)' }) startDate: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('abbreviation', () => String, { nullable: true, description: '企業略称 (新規の企業のみ; 省略時は英文名から提案)' }) abbreviation: string | undefined,
    @Arg('override', () => Boolean, { nullable: true, description: '最短の利用開始日より前・システム設定申込締切日経過の日付を承知で承認する (overrideReason 必須)' }) override: boolean | undefined,
    @Arg('overrideReason', () => String, { nullable: true, description: 'override の理由 (履歴に記録)' }) overrideReason: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).approveGuarded(id, startDate, expectedVersion, actorOf(ctx), abbreviation, override ? { reason: overrideReason ?? '' } : undefined);
  }

  @Authorized(...roles('cancelApplication'))
  @Mutation(() => Application, { description: 'キャンセル (監督者)' })
  cancelApplication(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).cancel(id, reason, expectedVersion, actorOf(ctx));
  }

  @Authorized(...roles('addInternalNote'))
  @Mutation(() => Application, { description: '社内メモを追加する (お客様には表示されない)' })
  addInternalNote(
    @Arg('id', () => ID) id: string,
    @Arg('message', () => String) message: string,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).addInternalNote(id, message, actorOf(ctx));
  }

  @Authorized(...roles('recordSystemSettings'))
  @Mutation(() => Application, { description: 'システム設定申込を受け付けたことを記録する (締切日のキャンセルを止める)' })
  recordSystemSettings(@Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: Context): Promise<Application> {
    return this.service(ctx).recordSystemSettings(applicationId, actorOf(ctx));
  }

  @Authorized(...roles('approvalPreview'))
  @Query(() => ApprovalPreview, { description: '承認ダイアログ用: この利用開始日で審査終了すると決まる日付' })
  async approvalPreview(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('startDate', () => String, { description: '利用開始日 (YYYY-MM-DD)' }) startDate: string,
    @Ctx() ctx: Context,
  ): Promise<ApprovalPreview> {
    const app = /^[0-9a-f-]{36}$/i.test(applicationId) ? await ctx.em.findOne(Application, { id: applicationId }) : null;
    if (!app) throw notFound('指定された申込');
    return this.service(ctx).approvalPreview(app, startDate);
  }

  @FieldResolver(() => [ApplicationAction], { description: 'この利用者がこの申込に対して今できる操作' })
  availableActions(@Root() root: Application | ReadRow, @Ctx() ctx: Context): ApplicationAction[] {
    // The read path's row holds what the rule reads under the field's own name (ApplicationReads).
    const entity = root as Application;
    const app: ActionSubject = isReadRow(root)
      ? ((root as ReadRow).availableActions as ActionSubject)
      : {
        status: entity.status, kind: entity.kind, assigneeId: entity.assignee?.id,
        systemSettingsDeadline: entity.systemSettingsDeadline, systemSettingsRecordedAt: entity.systemSettingsRecordedAt,
      };
    return availableActions(app, { roles: ctx.roles, staffId: ctx.staffId, scopes: ctx.apiKey?.scopes });
  }

  /** The checklist of every application the request asks it of, in one batch (a list page: a fixed number of statements). */
  private checksOf(app: Application, ctx: Context): Promise<ApplicationCheck[]> {
    const calendar = loader(ctx, 'calendar', () => new CalendarService(ctx.em));
    const lines = (a: Application) => byParent(ctx, ApplicationLine, 'application').load(a.id);
    return loader(ctx, 'checks', () => new DataLoader<Application, ApplicationCheck[], string>(async (apps) => {
      const inputs = await loadCheckInputs(ctx.em, apps, todayInJapan(ctx.services.clock.now()), calendar, lines);
      return inputs.map(runChecks);
    }, { cacheKeyFn: (a) => a.id })).load(app);
  }

  @FieldResolver(() => [ApplicationCheck], { description: '審査前の自動チェックの指摘 (重い順)' })
  checks(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationCheck[]> {
    return this.checksOf(app, ctx);
  }

  @FieldResolver(() => CheckSummary, { description: '自動チェックの指摘数 (重要度別; 一覧のアイコン用)' })
  async checkSummary(@Root() app: Application, @Ctx() ctx: Context): Promise<CheckSummary> {
    return summarize(await this.checksOf(app, ctx));
  }

  @FieldResolver(() => StartDateAdvice, { description: '標準日数・最短の利用開始日・希望日が標準日数より短いかどうか' })
  async startDateAdvice(@Root() app: Application, @Ctx() ctx: Context): Promise<StartDateAdvice> {
    // Per request: one calendar (closure days read once) and the lines of all listed applications in one query.
    const calendar = loader(ctx, 'calendar', () => new CalendarService(ctx.em));
    const lines = await byParent(ctx, ApplicationLine, 'application').load(app.id);
    return calendar.advise(app, asksForNewLine(lines));
  }
}
