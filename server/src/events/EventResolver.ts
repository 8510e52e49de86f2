// Live updates over GraphQL subscriptions (graphql-ws at /graphql, events/websocket.ts) and 閲覧中 (presence.ts).
import {
  Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root, Subscription,
} from 'type-graphql';
import DataLoader from 'dataloader';
import { ApplicationStatus, HistoryAction } from '../common/enums.js';
import { forbidden, notFound, unauthenticated } from '../common/errors.js';
import { mayCall, roles, type Operation } from '../graphql/access.js';
import { loader, type Context } from '../graphql/context.js';
import { Application } from '../applications/Application.js';
import { keyOfficeIds } from '../staff/keyScope.js';
import type { ApplicationChange, ViewersChange } from './ApplicationEvents.js';
import { leaveViewer, touchViewer, viewersOf } from './presence.js';

@ObjectType('EventStaff', { description: '操作者・担当者 (職員なら id あり)' })
export class EventStaff {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: '申込の変更 (履歴の1件, コミット時点の申込)' })
export class ApplicationEvent {
  @Field(() => ID, { description: '申込の id' })
  id!: string;

  @Field(() => String)
  receiptNo!: string;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Int, { description: '申込の版 (expectedVersion に使う)' })
  version!: number;

  @Field(() => EventStaff, { nullable: true, description: '担当者' })
  assignee?: EventStaff | null;

  @Field(() => HistoryAction)
  action!: HistoryAction;

  @Field(() => EventStaff, { description: '操作者' })
  actor!: EventStaff;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({ description: '閲覧中の職員' })
export class Viewer {
  @Field(() => ID)
  staffId!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: '申込を開いている職員の変化' })
export class ApplicationViewers {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => [Viewer])
  viewers!: Viewer[];
}

/** The actions that move an application between the queues (the console's counts and lists). */
const QUEUE_ACTIONS = new Set<HistoryAction>([
  HistoryAction.SUBMIT, HistoryAction.ASSIGN, HistoryAction.UNASSIGN, HistoryAction.START_REVIEW, HistoryAction.RETURN,
  HistoryAction.RESUBMIT, HistoryAction.APPROVE, HistoryAction.WITHDRAW, HistoryAction.CANCEL,
]);

/**
 * Who may subscribe, checked when the subscription starts (the auth checker guards each event's resolve too): the
 * operation's roles, a key's READ scope; a key limited to companies hears only their offices' applications, and
 * integrators never hear internal entries (社内メモ).
 */
async function listenerOf(ctx: Context, operation: Operation): Promise<(e: ApplicationChange) => boolean> {
  if (!ctx.roles.length) throw unauthenticated();
  // The role table and a key's scope, as for the queries (graphql/access.ts).
  if (!mayCall(operation, { roles: ctx.roles, scopes: ctx.apiKey?.scopes })) throw forbidden();
  if (!ctx.apiKey) return () => true;
  const offices = await keyOfficeIds(ctx);
  return (e) => !e.internal && (!offices || (!!e.officeId && offices.includes(e.officeId)));
}

const toEvent = (e: ApplicationChange): ApplicationEvent => ({
  id: e.id,
  receiptNo: e.receiptNo,
  status: e.status,
  version: e.version,
  assignee: e.assigneeId ? { id: e.assigneeId, name: e.assigneeName ?? '' } : null,
  action: e.action,
  actor: { id: e.actorId, name: e.actorName },
  at: new Date(e.at),
});

@Resolver()
export class EventResolver {
  @Authorized(...roles('applicationChanged'))
  @Subscription(() => ApplicationEvent, {
    description: '申込の変更 (審査・差戻し・承認・担当の割当など履歴に残る操作のたび)。id を指定するとその申込だけ',
    subscribe: async ({ args, context }) => {
      const id = args.id === undefined || args.id === null ? undefined : String(args.id);
      const allowed = await listenerOf(context as Context, 'applicationChanged');
      return (context as Context).services.events.subscribe('application_changed', (e) => (!id || e.id === id) && allowed(e));
    },
  })
  applicationChanged(@Root() change: ApplicationChange, @Arg('id', () => ID, { nullable: true }) _id?: string): ApplicationEvent {
    return toEvent(change);
  }

  @Authorized(...roles('reviewQueueChanged'))
  @Subscription(() => ApplicationEvent, {
    description: '審査キューの変化 (受付・担当・差戻し・再申込・承認・取下げ・キャンセル): 件数と一覧を読み直す合図',
    subscribe: async ({ context }) => {
      const allowed = await listenerOf(context as Context, 'reviewQueueChanged');
      return (context as Context).services.events.subscribe('application_changed', (e) => QUEUE_ACTIONS.has(e.action) && allowed(e));
    },
  })
  reviewQueueChanged(@Root() change: ApplicationChange): ApplicationEvent {
    return toEvent(change);
  }

  @Authorized(...roles('applicationViewersChanged'))
  @Subscription(() => ApplicationViewers, {
    description: '申込を開いている職員 (閲覧中) の変化。id を指定するとその申込だけ',
    subscribe: async ({ args, context }) => {
      const id = args.id === undefined || args.id === null ? undefined : String(args.id);
      await listenerOf(context as Context, 'applicationViewersChanged');
      return (context as Context).services.events.subscribe('application_viewers', (e) => !id || e.applicationId === id);
    },
  })
  applicationViewersChanged(@Root() change: ViewersChange, @Arg('id', () => ID, { nullable: true }) _id?: string): ApplicationViewers {
    return change;
  }

  @Authorized(...roles('viewApplication'))
  @Mutation(() => Boolean, { description: '申込を開いている (閲覧中) ことを知らせる。開いている間は数秒ごとに呼ぶ' })
  async viewApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    if (!(await touchViewer(ctx.em, id, ctx.staffId!))) throw notFound('指定された申込');
    return true;
  }

  @Authorized(...roles('leaveApplication'))
  @Mutation(() => Boolean, { description: '申込を閉じた (閲覧中でなくなった) ことを知らせる' })
  async leaveApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await leaveViewer(ctx.em, id, ctx.staffId!);
    return true;
  }
}

/** The list's and the page's 閲覧中: one statement for every application of the answer. */
@Resolver(() => Application)
export class ApplicationViewersResolver {
  @Authorized(...roles('applicationViewersChanged'))
  @FieldResolver(() => [Viewer], { description: '閲覧中の職員 (この数十秒に申込を開いていた人)' })
  viewers(@Root() app: Application, @Ctx() ctx: Context): Promise<Viewer[]> {
    const viewers = loader(ctx, 'viewers', () => new DataLoader<string, Viewer[]>(async (ids) => {
      const found = await viewersOf(ctx.em, ids);
      return ids.map((id) => found.get(id) ?? []);
    }));
    return viewers.load(app.id);
  }
}
