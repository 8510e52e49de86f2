import { describe, expect, it } from 'vitest';
import { todayInJapan } from '../../common/dates.js';
import { clockFor, testNowSetting } from '../../testing/instant.js';
import { ApplicationStatus } from '../../common/enums.js';
import { otherOpenApplication } from './siblings.js';
import { cleanInput } from './fixtures.js';

// The run's instant (TEST_NOW), as every test: the checks compare dates relative to it.
const today = todayInJapan(clockFor(testNowSetting()).now());
const sibling = { id: '00000000-0000-4000-8000-000000000002', receiptNo: 'A000123', sameOffice: true };

describe('otherOpenApplication', () => {
  it('links each other open application of the office (WARNING) or of the company\'s other offices (INFO)', () => {
    const found = otherOpenApplication(cleanInput(today, { siblings: [sibling, { ...sibling, id: '00000000-0000-4000-8000-000000000003', receiptNo: 'A000124', sameOffice: false }] }));
    expect(found).toMatchObject([
      { code: 'OTHER_OPEN_APPLICATION', severity: 'WARNING', linkReceiptNo: 'A000123', linkApplicationId: sibling.id },
      { severity: 'INFO', linkReceiptNo: 'A000124' },
    ]);
    expect(found[0]!.message).toContain('同じ事業所');
    expect(found[1]!.message).toContain('同じ企業');
  });
  it('says nothing without siblings or once the application is decided', () => {
    expect(otherOpenApplication(cleanInput(today))).toEqual([]);
    expect(otherOpenApplication(cleanInput(today, { siblings: [sibling] }, { status: ApplicationStatus.CANCELLED }))).toEqual([]);
  });
});
