import type { Address, Person } from '../types';

export const EMPTY = '—';

export const isBlank = (v: unknown): boolean =>
  v == null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const WEEKDAYS: Record<string, string[]> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** An ISO date `YYYY-MM-DD` (no time zone): `2025/04/01(火)` in Japanese, `2025-04-01 (Tue)` in English. */
export const formatDate = (iso: string | null | undefined, locale = 'ja', weekday = false): string => {
  if (!iso) return EMPTY;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const wd = weekday ? (WEEKDAYS[locale] ?? WEEKDAYS.ja)[new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay()] : '';
  if (locale === 'en') return `${y}-${mo}-${d}${wd ? ` (${wd})` : ''}`;
  return `${y}/${mo}/${d}${wd ? `(${wd})` : ''}`;
};

const DATE_TIME = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DATE_ONLY = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant, in Japan time (the center's business rules are in JST whatever the browser's zone). */
export const formatDateTime = (iso: string | null | undefined, dateOnly = false): string => {
  if (!iso) return EMPTY;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (dateOnly ? DATE_ONLY : DATE_TIME).format(d);
};

export const personName = (p: Person | null | undefined): string =>
  [p?.lastName, p?.firstName].filter((s) => !isBlank(s)).join(' ');
export const personKana = (p: Person | null | undefined): string =>
  [p?.lastNameKana, p?.firstNameKana].filter((s) => !isBlank(s)).join(' ');

export const postalCode = (code: string | null | undefined): string =>
  code && /^\d{7}$/.test(code) ? `〒${code.slice(0, 3)}-${code.slice(3)}` : code ? `〒${code}` : '';

export const addressLine = (a: Address | null | undefined): string =>
  [postalCode(a?.postalCode), a?.prefecture, a?.address].filter((s) => !isBlank(s)).join(' ');

export const fileSize = (n: number | null | undefined): string => {
  if (n == null) return EMPTY;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
};
