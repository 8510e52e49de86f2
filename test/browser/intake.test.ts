import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifacts, signIn, useProduct } from '../support/console.js';
import { productToday } from '../support/server.js';

const e2e = useProduct('e2e-intake');

// The form's inputs are named like the API input (`applicant.phone`, `userCodes.0.systemCategory`), which is
// also the `path` of the server's fieldErrors — so the test finds fields the way the console maps errors.
const input = (page: Page, name: string): Locator => page.locator(`[name="${name}"]`).first();
const control = (page: Page, name: string): Locator =>
  page.locator('.MuiFormControl-root', { has: page.locator(`[name="${name}"]`) }).last();

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await input(page, name).fill(value);
}

/** A MUI select: open it and pick the option by its label. */
async function choose(page: Page, name: string, ...labels: string[]): Promise<void> {
  await control(page, name).locator('[role="combobox"]').click();
  for (const label of labels) await page.getByRole('option', { name: label, exact: true }).click();
  if (labels.length > 1 || (await page.getByRole('listbox').isVisible())) await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

/** A date `days` ahead, as <input type="date"> takes it. */
const isoDateIn = (days: number): string => new Date(Date.parse(`${productToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('intake (phone / paper)', () => {
  it('registers a provisional account, shows a field error from the server, and submits a new netNACCS application', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/' });

    // The menu entry of the intake page.
    await page.getByRole('menuitem', { name: '申込の受付 (電話・書面)' }).click();
    await page.waitForURL(/\/intake$/);
    await page.locator('#react-admin-title').getByText('申込の受付 (電話・書面)').waitFor();

    // a) 仮アカウント申込.
    await fill(page, {
      companyName: 'ナックスシステム株式会社',
      companyNameKana: 'ナックスシステムカブシキカイシャ',
      'applicant.lastName': '混載',
      'applicant.firstName': '一郎',
      'applicant.lastNameKana': 'コンサイ',
      'applicant.firstNameKana': 'イチロウ',
      'applicant.department': '通関課',
      'applicant.title': '課長',
      'applicant.phone': '0123456789',
      'applicant.fax': '0123987650',
      'applicant.email': 'konsai.ichiro@naccs.co.jp',
      'applicant.emailConfirmation': 'konsai.ichiro@naccs.co.jp',
    });
    // Enter in a box does not send the form.
    await input(page, 'applicant.emailConfirmation').press('Enter');
    await expect(page.getByTestId('provisional-account-result').count()).resolves.toBe(0);
    await page.getByTestId('intake-register').click();

    const loginId = (await page.getByTestId('provisional-login-id').textContent())?.trim() ?? '';
    const password = (await page.getByTestId('provisional-password').textContent())?.trim() ?? '';
    expect(loginId).toMatch(/^\d{7}$/);
    expect(password).toMatch(/^[A-Z0-9]{8}$/);
    await page.getByText('一度だけ表示').waitFor();
    await page.getByTestId('intake-proceed').click();

    // b) 新規利用申込: the login ID, the applicant and the company name are carried over.
    await expect(input(page, 'provisionalLoginId').inputValue()).resolves.toBe(loginId);
    await expect(input(page, 'applicant.lastName').inputValue()).resolves.toBe('混載');
    await expect(input(page, 'company.name').inputValue()).resolves.toBe('ナックスシステム株式会社');

    // One deliberate mistake: the applicant's phone one digit short (hyphens are fine: the server removes them).
    await input(page, 'applicant.phone').fill('0123-45-678');
    await fill(page, {
      reason: '通関業許可取得に伴い、NACCSを利用するため。',
      desiredStartDate: isoDateIn(60),
      'office.name': '本社',
      'office.nameKana': 'ホンシャ',
      'office.phone': '0312345678',
      'office.address.postalCode': '9990000',
      'office.address.prefecture': '神奈川県',
      'office.address.address': '川崎市幸区堀川町９９９番地',
      'office.address.addressKana': 'カワサキシサイワイクホリカワチョウ９９９バンチ',
      'office.contractor.lastName': '南楠',
      'office.contractor.firstName': '太郎',
      'office.contractor.lastNameKana': 'ナックス',
      'office.contractor.firstNameKana': 'タロウ',
      'office.contractor.title': '代表取締役社長',
      'office.manager.lastName': '保税',
      'office.manager.firstName': '花子',
      'office.manager.lastNameKana': 'ホゼイ',
      'office.manager.firstNameKana': 'ハナコ',
      'office.manager.phone': '0355559999',
      'office.manager.email': 'hozei.hanako@naccs.co.jp',
      'office.emergencyFaxes.0.value': '0398765432',
    });
    await choose(page, 'office.customsOffice', '横浜税関'); // stored as 横浜
    await input(page, 'office.managerConfirmed').check(); // 上記を確認しました。
    await input(page, 'connection').waitFor({ state: 'attached' });
    await page.locator('input[type="radio"][name="connection"][value="NET"]').check();

    // 利用者コード: the first row is there already (識別番号数 1).
    await choose(page, 'userCodes.0.systemCategory', '海上');
    await choose(page, 'userCodes.0.userIds.0.industries', '通関業');
    await choose(page, 'userCodes.0.userIds.0.processingMethod', 'インタラクティブ');
    await expect(input(page, 'userCodes.0.userIds.0.identCount').inputValue()).resolves.toBe('1');

    // 論理端末: one netNACCS terminal for 海上.
    await page.locator('#intake-terminals .RaSimpleFormIterator-add button').click();
    await choose(page, 'terminals.0.terminalType', 'netNACCS');
    await choose(page, 'terminals.0.systemCategory', '海上');
    await input(page, 'terminals.0.count').fill('1');

    await page.locator('input[type="radio"][name="plan"][value="A"]').check();
    await fill(page, {
      'billing.contact.lastName': '経理',
      'billing.contact.firstName': '太郎',
      'billing.contact.lastNameKana': 'ケイリ',
      'billing.contact.firstNameKana': 'タロウ',
      'billing.contact.phone': '0987654321',
      'billing.contact.email': 'keiri.taro@naccs.co.jp',
      'billing.emails.0.value': 'keiri.taro@naccs.co.jp',
    });
    await page.locator('input[type="radio"][name="billing.paymentMethod"][value="DEBIT"]').check();

    // First submission: refused with one field error, shown under the phone field, focused.
    await page.getByTestId('intake-submit').click();
    const phoneError = control(page, 'applicant.phone').locator('.MuiFormHelperText-root');
    await phoneError.waitFor();
    await expect(phoneError.textContent()).resolves.toContain('10桁または11桁');
    await expect(page.getByTestId('intake-error-summary').textContent()).resolves.toContain('1件');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('applicant.phone');
    await expect(input(page, 'applicant.phone').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(artifacts, 'intake-form.png') });

    // Fixed as a customer types it (full-width, hyphens) and sent again: the new application's page with its receipt number.
    await input(page, 'applicant.phone').fill('０１２３－４５－６７８９');
    await expect(phoneError.count()).resolves.toBe(0);
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/applications\/[^/]+\/show/);
    const receiptNo = page.getByTestId('receipt-no');
    await receiptNo.waitFor();
    await expect(receiptNo.textContent()).resolves.toMatch(/^\d{6}[A-Z]$/);
    await page.getByText('ナックスシステム株式会社').first().waitFor();
    await page.close();
  });
});
