// The demo's randomness and calendar arithmetic. Every draw goes through faker (seeded once per seeding), and only
// the planner draws: the same seed and the same clock give the same demo.
import { fakerJA as faker } from '@faker-js/faker';
import {
  addBusinessDays as calendarAddBusinessDays, isBusinessDay, subtractBusinessDays,
} from '../../../server/src/calendar/businessDays.js';

export { faker, isBusinessDay };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const JST = 9 * HOUR;

export const rnd = (): number => faker.number.float({ min: 0, max: 1 });
export const int = (min: number, max: number): number => faker.number.int({ min, max });
export const chance = (p: number): boolean => rnd() < p;
export const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items as T[]);
export const between = (min: number, max: number): number => min + rnd() * (max - min);
export const shuffle = <T>(items: readonly T[]): T[] => faker.helpers.shuffle([...items]);

/** Exactly `total` values in the given proportions (each at least once when there is room), shuffled. */
export function proportioned<T>(weights: ReadonlyArray<readonly [T, number]>, total: number): T[] {
  const sum = weights.reduce((a, [, w]) => a + w, 0);
  const out: T[] = [];
  for (const [value, w] of weights) {
    const n = Math.max(total >= weights.length ? 1 : 0, Math.floor((w * total) / sum));
    for (let i = 0; i < n; i++) out.push(value);
  }
  while (out.length < total) out.push(faker.helpers.weightedArrayElement(weights.map(([value, weight]) => ({ value, weight }))));
  return shuffle(out).slice(0, total);
}

/** Full-width digits, as 全角 address fields are written. */
export const zen = (s: string | number): string => String(s).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A digit string that does not start with 0. */
export const digits = (n: number): string => (n <= 0 ? '' : String(int(1, 9)) + faker.string.numeric(n - 1));
/** A 10-digit landline number of an area code (no hyphens, as the NSS screens want). */
export const landline = (area: string): string => area + digits(10 - area.length);
export const mobile = (): string => `0${pick(['90', '80', '70'])}${faker.string.numeric(8)}`;

/** JST calendar date of an instant. */
export const jstDate = (t: Date | number): string => new Date(new Date(t).getTime() + JST).toISOString().slice(0, 10);
/** The instant `minutes` after JST midnight of a date. */
export const jstTime = (date: string, minutes: number): number => Date.parse(`${date}T00:00:00Z`) - JST + minutes * MINUTE;

/** The first business day on or after `date` (the server's calendar: holidays, 12/29–1/3). */
export const onOrAfterBusinessDay = (date: string): string => calendarAddBusinessDays(date, 0);
/** `n` business days after (n > 0) or before (n < 0) `date`. */
export function addBusinessDays(date: string, n: number): string {
  if (n === 0) return date;
  return n > 0 ? calendarAddBusinessDays(date, n) : subtractBusinessDays(date, -n);
}

/** A business-hours instant (JST) of a business day, mostly; `minutes` after midnight when given. */
export function officeHours(date: string): number {
  return jstTime(date, chance(0.9) ? int(8 * 60 + 30, 19 * 60 + 30) : int(0, 24 * 60 - 1));
}

/** The demo attachment: a tiny PDF standing for the システム構成図. */
export function diagramPdf(officeName: string): string {
  return Buffer.from(
    `%PDF-1.4\n% システム構成図 (${officeName})\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'utf8',
  ).toString('base64');
}
