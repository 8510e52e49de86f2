// How urgent an application in the review queue is (issue 20): 営業日 to the desired start date on the server's
// business-day calendar (the console never counts business days), and the days it has waited since 受付 — or since
// the customer's latest 再申込, when the ball came back to the center.
import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { businessDaysBetween, type ClosureSet } from '../calendar/businessDays.js';
import { horizonClosures } from '../calendar/CalendarService.js';
import { HistoryAction } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import { loader, type Context } from '../graphql/context.js';
import { isReadRow, type Projection, type ReadRow } from '../graphql/projection.js';
import { Application } from './Application.js';

/** Business days from `today` to `date`: 0 on the day, negative once it has passed (営業日 overdue). */
export function businessDaysUntil(today: string, date: string, closures?: ClosureSet): number {
  return date >= today ? businessDaysBetween(today, date, closures) : -businessDaysBetween(date, today, closures);
}

/** Calendar days in Japan from the instant `since` to `today` (0 on the day itself). */
export function daysSince(today: string, since: Date): number {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${todayInJapan(since)}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

/** SQL of the instant an application has waited since: its latest 再申込, else 受付 (the read path's rule). */
export function waitingSinceSql(p: Projection, alias: string): string {
  const h = p.alias();
  return `to_char(coalesce((select max(${h}."at") from "application_history" ${h} where ${h}."application_id" = ${alias}."id" and ${h}."action" = '${HistoryAction.RESUBMIT}'), ${alias}."received_at") at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The latest 再申込 per application, in one query per request (the entity path). */
function resubmittedLoader(ctx: Context): DataLoader<string, Date | undefined> {
  return loader(ctx, 'latestResubmission', () =>
    new DataLoader<string, Date | undefined>(async (ids) => {
      const rows: Array<{ application_id: string; at: Date }> = await ctx.em.getConnection().execute(
        `select application_id, max(at) as at from application_history
          where application_id in (${ids.map(() => '?').join(', ')}) and action = ? group by application_id`,
        [...ids, HistoryAction.RESUBMIT],
      );
      const map = new Map(rows.map((r) => [String(r.application_id), new Date(r.at)]));
      return ids.map((id) => map.get(id));
    }),
  );
}

async function waitingSince(root: Application | ReadRow, field: string, ctx: Context): Promise<Date> {
  // The read path's row holds the instant under the field's own name (ApplicationReads: waitingSinceSql).
  if (isReadRow(root)) return new Date((root as ReadRow)[field] as string);
  const app = root as Application;
  return (await resubmittedLoader(ctx).load(app.id)) ?? app.receivedAt;
}

@Resolver(() => Application)
export class ApplicationUrgencyResolver {
  @FieldResolver(() => Int, { nullable: true, description: '利用開始希望日までの営業日数 (当日 0、過ぎていれば負)' })
  async businessDaysToStart(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<number | undefined> {
    const desired = (root as Application).desiredStartDate;
    if (!desired) return undefined;
    const now = ctx.services.clock.now();
    // The queue's calendar (read at most every 30 s per process): a list page costs no calendar query.
    return businessDaysUntil(todayInJapan(now), desired, await horizonClosures(ctx.em, now.getTime()));
  }

  @FieldResolver(() => Date, { description: '待ち始めた日時 (受付、再申込があれば最後の再申込)' })
  async waitingSince(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<Date> {
    return waitingSince(root, 'waitingSince', ctx);
  }

  @FieldResolver(() => Int, { description: '受付 (再申込があれば最後の再申込) からの経過日数' })
  async daysWaiting(@Root() root: Application | ReadRow, @Ctx() ctx: Context): Promise<number> {
    return daysSince(todayInJapan(ctx.services.clock.now()), await waitingSince(root, 'daysWaiting', ctx));
  }
}
