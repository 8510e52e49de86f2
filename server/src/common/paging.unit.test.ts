// paging.ts declares type-graphql inputs, which need the Reflect polyfill first.
import 'reflect-metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, checkPage, isIsoDate } from './paging.js';

/** The fieldErrors of the BAD_USER_INPUT checkPage throws, or undefined when it accepts. */
const pageErrors = (offset: number, limit: number) => {
  try {
    checkPage(offset, limit);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).extensions.code).toBe('BAD_USER_INPUT');
    return ((e as DomainError).extensions.fieldErrors as Array<{ path: string }>).map((f) => f.path);
  }
};

describe('checkPage', () => {
  it('accepts offset ≥ 0 and limit 1–MAX_PAGE_SIZE', () => {
    expect(DEFAULT_PAGE_SIZE).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    for (const [offset, limit] of [[0, 1], [0, DEFAULT_PAGE_SIZE], [10_000, MAX_PAGE_SIZE]] as const) expect(pageErrors(offset, limit)).toBeUndefined();
  });

  it('names each bad argument', () => {
    expect(pageErrors(-1, 10)).toEqual(['offset']);
    expect(pageErrors(0, 0)).toEqual(['limit']);
    expect(pageErrors(0, MAX_PAGE_SIZE + 1)).toEqual(['limit']);
    expect(pageErrors(1.5, 10)).toEqual(['offset']);
    expect(pageErrors(0, 2.5)).toEqual(['limit']);
    expect(pageErrors(Number.NaN, Number.POSITIVE_INFINITY)).toEqual(['offset', 'limit']);
    expect(pageErrors(-3, -3)).toEqual(['offset', 'limit']);
  });

  it('accepts exactly the integer pages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1_000, max: 1_000_000 }), fc.double()), fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double()), (offset, limit) => {
        const errors = pageErrors(offset, limit) ?? [];
        expect(errors.includes('offset')).toBe(!(Number.isInteger(offset) && offset >= 0));
        expect(errors.includes('limit')).toBe(!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_SIZE));
      }),
    );
  });
});

describe('isIsoDate', () => {
  it('accepts calendar dates in YYYY-MM-DD only', () => {
    for (const d of ['2026-11-02', '2028-02-29', '2000-02-29', '1999-12-31', '2027-01-01']) expect(isIsoDate(d), d).toBe(true);
    for (const d of ['2027-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-11-2', '20261102', '2026/11/02', '2026-11-02T00:00:00Z', ' 2026-11-02', '', '２０２６-11-02']) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });

  it('agrees with the calendar for every day of 1900–2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
        expect(isIsoDate(s)).toBe(days !== undefined && d >= 1 && d <= days);
      }),
      { numRuns: 2_000 },
    );
  });
});
