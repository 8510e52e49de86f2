/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, no time zone) — the way the server's business-day rules see
 * dates. "Today" is Japan's today whatever the browser's zone (the center works in JST).
 */

import { consoleNow } from './consoleClock';

const JAPAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Japan, `YYYY-MM-DD`. */
export const todayInJapan = (now: Date = consoleNow()): string => JAPAN_DATE.format(now);

const toUtc = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
};

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string): number => toUtc(iso).getUTCDay();

/** `YYYY-MM` of a date. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

export const firstOfMonth = (month: string): string => `${month}-01`;

export const lastOfMonth = (month: string): string => {
  const d = toUtc(firstOfMonth(month));
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return fromUtc(d);
};

export const addMonths = (month: string, n: number): string => {
  const d = toUtc(firstOfMonth(month));
  d.setUTCMonth(d.getUTCMonth() + n, 1);
  return monthOf(fromUtc(d));
};

/** The 6 × 7 days shown for a month, Sunday first (days of the neighbouring months included). */
export const monthGrid = (month: string): string[] => {
  const first = firstOfMonth(month);
  const start = addDays(first, -weekdayOf(first));
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
};
