import holidayJp from '@holiday-jp/holiday_jp';

// 営業日 (SPEC.md): Monday–Friday, not a Japanese national holiday, not 12/29–1/3, not an extra closure day.
// Dates are ISO strings (YYYY-MM-DD) on the Japanese calendar throughout.

const holidays = holidayJp.holidays as Record<string, { name: string }>;

export type ClosureSet = ReadonlyMap<string, string>;

const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = parse(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** Why a day is not a business day, or undefined when it is one. */
export function closedReason(iso: string, closures: ClosureSet = new Map()): string | undefined {
  const d = parse(iso);
  const dow = d.getUTCDay();
  if (dow === 0) return '日曜日';
  if (dow === 6) return '土曜日';
  if (holidays[iso]) return holidays[iso]!.name;
  const md = iso.slice(5);
  if (md >= '12-29' || md <= '01-03') return '年末年始休業 (12/29〜1/3)';
  return closures.get(iso);
}

export const isBusinessDay = (iso: string, closures?: ClosureSet): boolean => closedReason(iso, closures) === undefined;

/** The business day `n` business days after `iso` (n ≥ 0; n = 0 is the first business day on or after it). */
export function addBusinessDays(iso: string, n: number, closures?: ClosureSet): string {
  let d = iso;
  if (n === 0) {
    while (!isBusinessDay(d, closures)) d = addDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d, closures)) left--;
  }
  return d;
}

/** The business day `n` business days before `iso`. */
export function subtractBusinessDays(iso: string, n: number, closures?: ClosureSet): string {
  let d = iso;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isBusinessDay(d, closures)) left--;
  }
  return d;
}

/** Business days strictly after `from` up to and including `to`. */
export function businessDaysBetween(from: string, to: string, closures?: ClosureSet): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d, closures)) n++;
  return n;
}
