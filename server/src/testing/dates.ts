// Dates a test needs, derived from a clock and the business calendar (never a literal that will pass).
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, closedReason } from '../calendar/businessDays.js';

const holidays = holidayJp.holidays as Record<string, { name: string }>;

/** The first day after `from` for which `test` holds (searching at most two years ahead). */
export function firstDayAfter(from: string, test: (iso: string) => boolean): string {
  for (let d = addDays(from, 1), i = 0; i < 731; d = addDays(d, 1), i++) if (test(d)) return d;
  throw new Error(`no such day within two years after ${from}`);
}

const dow = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The next national holiday on a weekday after `from`, with its name (成人の日, …). */
export function nextWeekdayHoliday(from: string): { date: string; name: string } {
  const date = firstDayAfter(from, (d) => !!holidays[d] && dow(d) !== 0 && dow(d) !== 6 && closedReason(d) === holidays[d]!.name);
  return { date, name: holidays[date]!.name };
}

/** The next Saturday after `from`. */
export const nextSaturday = (from: string): string => firstDayAfter(from, (d) => dow(d) === 6);

/** The next weekday of the year-end closure (12/29–1/3) that is neither a weekend nor a holiday after `from`. */
export const nextYearEndClosureDay = (from: string): string =>
  firstDayAfter(from, (d) => closedReason(d)?.startsWith('年末年始') === true);

/** Noon in Japan of a date: an instant well inside that day. */
export const noonInJapan = (iso: string): Date => new Date(`${iso}T12:00:00+09:00`);
