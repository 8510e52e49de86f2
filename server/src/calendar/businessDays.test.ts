import { describe, expect, it } from 'vitest';
import { addBusinessDays, closedReason, isBusinessDay, subtractBusinessDays } from './businessDays.js';

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

  it('puts the システム設定申込締切日 4 business days before the start date', () => {
    expect(subtractBusinessDays('2027-01-06', 4)).toBe('2026-12-25');
    expect(subtractBusinessDays('2026-11-26', 4)).toBe('2026-11-19');
  });

  it('honours extra closure days', () => {
    const closures = new Map([['2026-11-24', '臨時休業']]);
    expect(closedReason('2026-11-24', closures)).toBe('臨時休業');
    expect(addBusinessDays('2026-11-20', 1, closures)).toBe('2026-11-25');
  });
});
