import holidayJp from '@holiday-jp/holiday_jp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, businessDaysBetween, closedReason, isBusinessDay, subtractBusinessDays } from './businessDays.js';

describe('business-day calendar', () => {
  it('closes 12/29–1/3, national holidays and weekends', () => {
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) expect(isBusinessDay(d)).toBe(false);
    expect(closedReason('2027-01-11')).toBe('成人の日');
    expect(closedReason('2026-11-23')).toBe('勤労感謝の日');
    expect(isBusinessDay('2026-11-21')).toBe(false); // Saturday
    expect(isBusinessDay('2026-12-28')).toBe(true);
    expect(isBusinessDay('2027-01-04')).toBe(true);
  });

  it('counts 60 business days after 2026-11-02 across holidays and the year-end closure', () => {
    // Nov: 3, 23 holidays; Dec 29–Jan 3 closed; Jan 11 成人の日; Feb 11 建国記念の日, Feb 23 天皇誕生日.
    expect(addBusinessDays('2026-11-02', 60)).toBe('2027-02-03');
    expect(addBusinessDays('2026-11-02', 1)).toBe('2026-11-04');
  });

  it("seed 001's worked example: 1Mbps回線申込 令和1年11月1日 → 回線設置工事 令和2年2月3日 (「60営業日後」) counts the application day", () => {
    // 2019-11-01 (Fri) → 2020-02-03 (Mon) is 59 business days after it (11/4 振替休日, 12/30–1/3, 1/13 成人の日 closed); the
    // manual's "60" counts 11/1 itself. The lead time here counts business days after the receipt day, so its earliest
    // start date is one business day later (2020-02-04): never earlier than the manual's, and 2020-02-03 is flagged.
    expect(businessDaysBetween('2019-11-01', '2020-02-03')).toBe(59);
    expect(addBusinessDays('2019-11-01', 59)).toBe('2020-02-03');
    expect(addBusinessDays('2019-11-01', 60)).toBe('2020-02-04');
  });

  it('puts the システム設定申込締切日 4 business days before the start date', () => {
    expect(subtractBusinessDays('2027-01-06', 4)).toBe('2026-12-25');
    expect(subtractBusinessDays('2026-11-26', 4)).toBe('2026-11-19');
  });

  it('honours extra closure days', () => {
    const closures = new Map([['2026-11-24', '臨時休業']]);
    expect(closedReason('2026-11-24', closures)).toBe('臨時休業');
    expect(addBusinessDays('2026-11-20', 1, closures)).toBe('2026-11-25');
  });

  it('n = 0 is the first business day on or after the date', () => {
    expect(addBusinessDays('2026-11-20', 0)).toBe('2026-11-20'); // Friday
    expect(addBusinessDays('2026-11-21', 0)).toBe('2026-11-24'); // Saturday → past Sunday and 勤労感謝の日 (Monday)
    expect(addBusinessDays('2026-12-29', 0)).toBe('2027-01-04');
  });

  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});

// Properties over 2000–2049 (the years @holiday-jp/holiday_jp knows), the dates are inputs, never today.
const FIRST = '2000-01-01';
const DAYS = 365 * 49;
const anyDate = fc.integer({ min: 0, max: DAYS }).map((k) => addDays(FIRST, k));
const businessDay = anyDate.map((d) => addBusinessDays(d, 0));
const count = fc.integer({ min: 1, max: 80 });
/** A few extra closure days around the dates used. */
const closureSet = fc
  .uniqueArray(fc.integer({ min: 0, max: DAYS }), { maxLength: 40 })
  .map((ks) => new Map(ks.map((k) => [addDays(FIRST, k), '臨時休業'] as const)));
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const yearEnd = (iso: string) => iso.slice(5) >= '12-29' || iso.slice(5) <= '01-03';

describe('business-day properties', () => {
  it('a business day is exactly a weekday that is neither a national holiday nor 12/29–1/3 (every day of 2000–2049)', () => {
    const holidays = new Set(Object.keys(holidayJp.holidays));
    const wrong: string[] = [];
    for (let d = FIRST; d < '2050-01-01'; d = addDays(d, 1)) {
      const expected = weekday(d) >= 1 && weekday(d) <= 5 && !holidays.has(d) && !yearEnd(d);
      if (isBusinessDay(d) !== expected || (closedReason(d) === undefined) !== expected) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });

  it('addBusinessDays(d, n) for n ≥ 1 is a business day after d, exactly n business days later', () => {
    fc.assert(
      fc.property(anyDate, count, (d, n) => {
        const r = addBusinessDays(d, n);
        expect(isBusinessDay(r)).toBe(true);
        expect(r > d).toBe(true);
        expect(businessDaysBetween(d, r)).toBe(n);
        // …and the first such day: the day before it is n - 1 business days after d.
        expect(businessDaysBetween(d, addDays(r, -1))).toBe(n - 1);
      }),
    );
  });

  it('subtractBusinessDays inverts addBusinessDays on business days (and the other way round)', () => {
    fc.assert(
      fc.property(businessDay, count, (d, n) => {
        expect(isBusinessDay(d)).toBe(true);
        expect(subtractBusinessDays(addBusinessDays(d, n), n)).toBe(d);
        expect(addBusinessDays(subtractBusinessDays(d, n), n)).toBe(d);
      }),
    );
  });

  it('keeps these rules with extra closure days, which are never business days', () => {
    fc.assert(
      fc.property(anyDate, count, closureSet, (d, n, closures) => {
        const r = addBusinessDays(d, n, closures);
        expect(closures.has(r)).toBe(false);
        expect(isBusinessDay(r, closures)).toBe(true);
        expect(businessDaysBetween(d, r, closures)).toBe(n);
        const start = addBusinessDays(d, 0, closures);
        expect(subtractBusinessDays(addBusinessDays(start, n, closures), n, closures)).toBe(start);
        expect([...closures.keys()].filter((day) => isBusinessDay(day, closures))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('n = 0 stays on a business day and otherwise moves to the next one, skipping only closed days', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const r = addBusinessDays(d, 0);
        expect(isBusinessDay(r)).toBe(true);
        if (isBusinessDay(d)) expect(r).toBe(d);
        for (let x = d; x < r; x = addDays(x, 1)) if (isBusinessDay(x)) expect.fail(`${x} is a business day between ${d} and ${r}`);
      }),
    );
  });

  it('businessDaysBetween is additive', () => {
    fc.assert(
      fc.property(anyDate, fc.nat(200), fc.nat(200), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        expect(businessDaysBetween(a, b) + businessDaysBetween(b, c)).toBe(businessDaysBetween(a, c));
      }),
      { numRuns: 100 },
    );
  });

  it('12/29–1/3 are never business days, every year from 2000 to 2049', () => {
    for (let year = 2000; year <= 2049; year++) {
      const days = [`${year}-12-29`, `${year}-12-30`, `${year}-12-31`, `${year + 1}-01-01`, `${year + 1}-01-02`, `${year + 1}-01-03`];
      for (const d of days) {
        expect(isBusinessDay(d), d).toBe(false);
        expect(closedReason(d), d).toBeTruthy();
      }
      // The next business day after the closure is 1/4 or later; the last one before it is 12/28 or earlier.
      expect(addBusinessDays(`${year}-12-28`, 1) >= `${year + 1}-01-04`).toBe(true);
      expect(subtractBusinessDays(`${year + 1}-01-04`, 1) <= `${year}-12-28`).toBe(true);
    }
  });

  it('every national holiday of @holiday-jp/holiday_jp (2000–2049) is closed, under its own name on weekdays', () => {
    const holidays = Object.values(holidayJp.holidays as Record<string, { date: string; name: string }>).filter(
      (h) => h.date >= '2000-01-01' && h.date < '2050-01-01',
    );
    expect(holidays.length).toBeGreaterThan(49 * 15);
    for (const h of holidays) {
      expect(isBusinessDay(h.date), h.date).toBe(false);
      if (weekday(h.date) !== 0 && weekday(h.date) !== 6) expect(closedReason(h.date), h.date).toBe(h.name);
    }
  });
});
