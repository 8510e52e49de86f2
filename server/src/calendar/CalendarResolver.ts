import { roles } from '../graphql/access.js';
import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, notFound, type FieldError } from '../common/errors.js';
import { isIsoDate } from '../common/paging.js';
import type { Context } from '../graphql/context.js';
import { CalendarService, forgetHorizonClosures } from './CalendarService.js';
import { ClosureDay } from './ClosureDay.js';
import { addDays } from './businessDays.js';


@ObjectType({ description: '営業日カレンダーの1日' })
export class CalendarDay {
  @Field(() => String) date!: string;
  @Field(() => Boolean, { description: '営業日' }) businessDay!: boolean;
  @Field(() => String, { nullable: true, description: '休業の理由 (土日・祝日名・年末年始・臨時休業)' }) reason?: string;
}

function checkRange(from: string, to: string): void {
  const errors: FieldError[] = [];
  if (!isIsoDate(from)) errors.push({ path: 'from', message: 'from は YYYY-MM-DD 形式の日付で指定してください。' });
  if (!isIsoDate(to)) errors.push({ path: 'to', message: 'to は YYYY-MM-DD 形式の日付で指定してください。' });
  if (!errors.length && (to < from || addDays(from, 400) < to)) errors.push({ path: 'to', message: '期間は from 以降、400日以内で指定してください。' });
  if (errors.length) throw badInput(errors);
}

@Resolver()
export class CalendarResolver {
  @Authorized(...roles('businessCalendar'))
  @Query(() => [CalendarDay], { description: '営業日カレンダー (祝日・年末年始・臨時休業を含む)' })
  businessCalendar(@Arg('from', () => String) from: string, @Arg('to', () => String) to: string, @Ctx() ctx: Context): Promise<CalendarDay[]> {
    checkRange(from, to);
    return new CalendarService(ctx.em).days(from, to);
  }

  @Authorized(...roles('addClosureDay'))
  @Mutation(() => CalendarDay, { description: '臨時休業日を追加する (管理者)' })
  async addClosureDay(@Arg('date', () => String) date: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<CalendarDay> {
    const errors: FieldError[] = [];
    if (!isIsoDate(date)) errors.push({ path: 'date', message: '日付は YYYY-MM-DD 形式で指定してください。' });
    if (!reason?.trim() || [...reason].length > 120) errors.push({ path: 'reason', message: '理由を120文字以内で入力してください。' });
    if (errors.length) throw badInput(errors);
    await ctx.em.upsert(ClosureDay, { date, reason: reason.trim() });
    forgetHorizonClosures();
    return (await new CalendarService(ctx.em).days(date, date))[0]!;
  }

  @Authorized(...roles('removeClosureDay'))
  @Mutation(() => Boolean, { description: '臨時休業日を削除する (管理者)' })
  async removeClosureDay(@Arg('date', () => String) date: string, @Ctx() ctx: Context): Promise<boolean> {
    const day = isIsoDate(date) ? await ctx.em.findOne(ClosureDay, { date }) : null;
    if (!day) throw notFound(`臨時休業日 ${date}`);
    await ctx.em.remove(day).flush();
    forgetHorizonClosures();
    return true;
  }
}
