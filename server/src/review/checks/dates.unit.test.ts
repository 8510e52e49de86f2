import { describe, expect, it } from 'vitest';
import { todayInJapan } from '../../common/dates.js';
import { clockFor, testNowSetting } from '../../testing/instant.js';
import { addBusinessDays, subtractBusinessDays } from '../../calendar/businessDays.js';
import { ApplicationKind, ApplicationStatus } from '../../common/enums.js';
import { desiredDateInsideLeadTime, systemSettingsDeadlinePassed } from './dates.js';
import { cleanInput } from './fixtures.js';

// The run's instant (TEST_NOW), as every test: the checks compare dates relative to it.
const today = todayInJapan(clockFor(testNowSetting()).now());

describe('desiredDateInsideLeadTime', () => {
  it('points at 利用開始希望日 when it is before the lead time\'s earliest date, naming both', () => {
    const earliest = addBusinessDays(today, 10);
    const desired = addBusinessDays(today, 3);
    const [f, ...rest] = desiredDateInsideLeadTime(cleanInput(today, { advice: { leadTimeBusinessDays: 10, earliestStartDate: earliest, desiredDateTooSoon: true } }, { desiredStartDate: desired }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'DESIRED_DATE_INSIDE_LEAD_TIME', severity: 'WARNING', path: 'desiredStartDate' });
    expect(f!.message).toContain(earliest);
    expect(f!.message).toContain('10営業日');
  });
  it('says nothing inside the lead time once the application is decided, nor outside it', () => {
    const tooSoon = { advice: { leadTimeBusinessDays: 5, earliestStartDate: addBusinessDays(today, 5), desiredDateTooSoon: true } };
    expect(desiredDateInsideLeadTime(cleanInput(today, tooSoon, { status: ApplicationStatus.APPROVED }))).toEqual([]);
    expect(desiredDateInsideLeadTime(cleanInput(today))).toEqual([]);
  });
});

describe('systemSettingsDeadlinePassed', () => {
  it('blocks a new application whose desired date\'s システム設定申込締切日 is before today', () => {
    const deadline = subtractBusinessDays(today, 1);
    const [f] = systemSettingsDeadlinePassed(cleanInput(today, { desiredDateDeadline: deadline }));
    expect(f).toMatchObject({ code: 'SYSTEM_SETTINGS_DEADLINE_PASSED', severity: 'BLOCKER', path: 'desiredStartDate' });
    expect(f!.message).toContain(deadline);
  });
  it('accepts a deadline of today, and never judges a change application', () => {
    expect(systemSettingsDeadlinePassed(cleanInput(today, { desiredDateDeadline: today }))).toEqual([]);
    expect(systemSettingsDeadlinePassed(cleanInput(today, { desiredDateDeadline: subtractBusinessDays(today, 3) }, { kind: ApplicationKind.CHANGE }))).toEqual([]);
  });
});
