import { ApplicationKind, ApplicationStatus, Connection } from '../../common/enums.js';
import type { CheckInput } from './types.js';

/**
 * A clean application for the checks' unit tests (no finding): dates relative to `today`, which each test passes from
 * the clock, so a test means the same on any day.
 */
export function cleanInput(today: string, over: Partial<CheckInput> = {}, app: Partial<CheckInput['app']> = {}): CheckInput {
  return {
    today,
    advice: { leadTimeBusinessDays: 10, earliestStartDate: today, desiredDateTooSoon: false },
    lines: [],
    attachments: [],
    userIds: [],
    siblings: [],
    sharedCodes: [],
    remainingIds: [],
    ...over,
    app: {
      id: '00000000-0000-4000-8000-000000000001',
      kind: ApplicationKind.NEW,
      status: ApplicationStatus.RECEIVED,
      connection: Connection.NET,
      desiredStartDate: today,
      applicant: { email: 'yamada@nacsys.example.jp' },
      officeProfile: { customsOffice: '横浜', address: { prefecture: '神奈川県' }, manager: { email: 'sato@nacsys.example.jp' } },
      ...app,
    } as CheckInput['app'],
  };
}
