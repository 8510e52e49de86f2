import { describe, expect, it } from 'vitest';
import { todayInJapan } from '../../common/dates.js';
import { clockFor, testNowSetting } from '../../testing/instant.js';
import { customsOfficeUnusual, emailDomainDiffers } from './contacts.js';
import { CUSTOMS_BY_PREFECTURE } from './customsJurisdiction.js';
import { cleanInput } from './fixtures.js';

// The run's instant (TEST_NOW), as every test: the checks compare dates relative to it.
const today = todayInJapan(clockFor(testNowSetting()).now());

describe('emailDomainDiffers', () => {
  it('points at the address whose domain differs from the others\'', () => {
    const input = cleanInput(today, {}, { billing: { contact: { email: 'keiri@nacsys.example.jp' }, emails: ['taro.private@mail.example.com'] } as never });
    expect(emailDomainDiffers(input)).toMatchObject([{ code: 'EMAIL_DOMAIN_DIFFERS', severity: 'INFO', path: 'billing.emails.0', message: expect.stringContaining('@nacsys.example.jp') }]);
  });
  it('says nothing when every contact shares a domain (case aside)', () => {
    expect(emailDomainDiffers(cleanInput(today, {}, { applicant: { email: 'Yamada@NACSYS.example.jp' } as never }))).toEqual([]);
  });
});

describe('customsOfficeUnusual', () => {
  // Seed 001: 事業所所在地を管轄する税関を選択してください (神奈川県 → 横浜).
  it('points at a 管轄税関 another house has the prefecture of', () => {
    const input = cleanInput(today, {}, { officeProfile: { customsOffice: '門司', address: { prefecture: '神奈川県' } } as never });
    expect(customsOfficeUnusual(input)).toMatchObject([{ code: 'CUSTOMS_OFFICE_UNUSUAL', severity: 'INFO', path: 'officeProfile.customsOffice', message: expect.stringContaining('横浜税関') }]);
  });
  it('accepts the usual house, either house of a split prefecture, and 不明', () => {
    expect(customsOfficeUnusual(cleanInput(today))).toEqual([]);
    for (const customsOffice of ['東京', '横浜', '不明']) {
      expect(customsOfficeUnusual(cleanInput(today, {}, { officeProfile: { customsOffice, address: { prefecture: '千葉県' } } as never }))).toEqual([]);
    }
  });
  it('has every prefecture in its table', () => {
    expect(Object.keys(CUSTOMS_BY_PREFECTURE)).toHaveLength(47);
  });
});
