import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CertificateStatus } from '../labels';
import {
  ACQUIRE_WARNING_DAYS, canReissue, canRevoke, certificateWarnings, daysUntilDate, daysUntilInstant, todayInJapan,
} from './certificateRules';
import type { Certificate } from './certificateTypes';

// Every "now" is an explicit instant: these rules never depend on the day the tests run.

const cert = (c: Partial<Certificate>): Certificate => ({
  id: '1', terminalName: '12345W', terminalType: 'NET', status: 'PENDING', createdAt: '2027-01-04T00:00:00Z',
  renewable: false, locked: false, failedAttempts: 0, ...c,
});
const at = (iso: string) => new Date(iso);

describe('todayInJapan', () => {
  it('is the JST date, which turns at 15:00 UTC', () => {
    expect(todayInJapan(at('2027-01-06T14:59:59.999Z'))).toBe('2027-01-06');
    expect(todayInJapan(at('2027-01-06T15:00:00Z'))).toBe('2027-01-07');
    expect(todayInJapan(at('2027-01-07T00:30:00+09:00'))).toBe('2027-01-07');
    expect(todayInJapan(at('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });
});

describe('daysUntilDate (JST calendar days)', () => {
  it('counts from the Japanese date, whatever the hour', () => {
    expect(daysUntilDate('2027-01-07', at('2027-01-06T15:00:00Z'))).toBe(0);
    expect(daysUntilDate('2027-01-07', at('2027-01-06T14:59:59Z'))).toBe(1);
    expect(daysUntilDate('2027-01-07', at('2027-01-07T14:59:59Z'))).toBe(0);
    expect(daysUntilDate('2027-01-07', at('2027-01-07T15:00:00Z'))).toBe(-1);
    expect(daysUntilDate('2027-03-01', at('2027-02-27T03:00:00Z'))).toBe(2);
    expect(daysUntilDate('2028-03-01', at('2028-02-27T03:00:00Z'))).toBe(3); // leap year
    // A timestamp counts by its date part.
    expect(daysUntilDate('2027-01-10T23:00:00Z', at('2027-01-07T03:00:00Z'))).toBe(3);
  });

  it('is the whole-day difference of the dates for any instant of a JST day (no DST in Japan)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 86_399_999 }), (day, delta, ms) => {
        const midnightJst = Date.UTC(2020, 0, 1) + day * 86_400_000 - 9 * 3_600_000;
        const now = new Date(midnightJst + ms);
        const target = new Date(Date.UTC(2020, 0, 1) + (day + delta) * 86_400_000).toISOString().slice(0, 10);
        expect(daysUntilDate(target, now)).toBe(delta);
      }),
    );
  });
});

describe('daysUntilInstant (rounded up)', () => {
  it('says 1 day until the very instant, and 0 after it', () => {
    const notAfter = '2028-01-07T10:00:00Z';
    expect(daysUntilInstant(notAfter, at('2028-01-06T10:00:00Z'))).toBe(1);
    expect(daysUntilInstant(notAfter, at('2028-01-07T09:59:59Z'))).toBe(1);
    expect(daysUntilInstant(notAfter, at('2028-01-07T10:00:00Z'))).toBe(0);
    expect(daysUntilInstant(notAfter, at('2028-01-06T09:59:59Z'))).toBe(2);
    expect(daysUntilInstant(notAfter, at('2028-01-09T10:00:00Z'))).toBe(-2);
  });
});

describe('certificateWarnings', () => {
  const now = at('2027-01-07T01:00:00Z'); // 2027-01-07 10:00 JST

  it('warns of the renewal window of an acquired, renewable certificate with the days left (never below 0)', () => {
    expect(certificateWarnings(cert({ status: 'ACQUIRED', renewable: true, notAfter: '2027-01-20T01:00:00Z' }), now)).toEqual([{ kind: 'renewal', days: 13 }]);
    expect(certificateWarnings(cert({ status: 'ACQUIRED', renewable: true, notAfter: '2027-01-06T01:00:00Z' }), now)).toEqual([{ kind: 'renewal', days: 0 }]);
    expect(certificateWarnings(cert({ status: 'ACQUIRED', renewable: false, notAfter: '2027-01-20T01:00:00Z' }), now)).toEqual([]);
    expect(certificateWarnings(cert({ status: 'ACQUIRED', renewable: true, notAfter: null }), now)).toEqual([]);
  });

  it(`flags a waiting certificate ${ACQUIRE_WARNING_DAYS} days before its 取得期限 and once it has passed`, () => {
    const pending = (acquireBy: string) => certificateWarnings(cert({ status: 'PENDING', acquireBy }), now);
    expect(pending('2027-01-22')).toEqual([]);
    expect(pending('2027-01-21')).toEqual([{ kind: 'acquireSoon', days: ACQUIRE_WARNING_DAYS, date: '2027-01-21' }]);
    // The 取得期限 itself is still a day to acquire on (the server stops it the day after).
    expect(pending('2027-01-07')).toEqual([{ kind: 'acquireSoon', days: 0, date: '2027-01-07' }]);
    expect(pending('2027-01-06')).toEqual([{ kind: 'acquireOverdue', date: '2027-01-06' }]);
    expect(certificateWarnings(cert({ status: 'PENDING', acquireBy: null }), now)).toEqual([]);
  });

  it('flags a locked certificate with its failed attempts, together with the other warnings', () => {
    expect(certificateWarnings(cert({ status: 'PENDING', acquireBy: '2027-01-08', locked: true, failedAttempts: 5 }), now)).toEqual([
      { kind: 'acquireSoon', days: 1, date: '2027-01-08' },
      { kind: 'locked', attempts: 5 },
    ]);
  });

  it('has no 取得期限 or renewal warnings for other statuses', () => {
    for (const status of ['STOPPED', 'REVOKED', 'EXPIRED'] as CertificateStatus[]) {
      expect(certificateWarnings(cert({ status, renewable: true, notAfter: '2027-01-20T01:00:00Z', acquireBy: '2027-01-06' }), now), status).toEqual([]);
    }
  });
});

describe('actions', () => {
  it('are the ones the server lists (Certificate.availableActions), never guessed from the status', () => {
    expect(canReissue(cert({ status: 'ACQUIRED', availableActions: ['REISSUE', 'REVOKE'] }))).toBe(true);
    expect(canRevoke(cert({ status: 'ACQUIRED', availableActions: ['REISSUE', 'REVOKE'] }))).toBe(true);
    expect(canRevoke(cert({ status: 'ACQUIRED', serial: '0A1B', availableActions: ['REISSUE'] }))).toBe(false);
    expect(canReissue(cert({ status: 'PENDING', availableActions: [] }))).toBe(false);
    expect(canReissue(cert({ status: 'PENDING' }))).toBe(false);
  });
});
