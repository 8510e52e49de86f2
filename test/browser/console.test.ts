import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { repoRoot, startProduct, type StartedProduct } from '../support/server.js';

const artifacts = join(repoRoot, 'test', 'artifacts');
let product: StartedProduct;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  product = await startProduct('e2e-console');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

async function someReceiptNo(): Promise<{ receiptNo: string; companyName: string }> {
  const login = await fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "support@example.jp", password: "naccs-demo") { token } }' }),
  }).then((r) => r.json());
  const res = await fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.login.token}` },
    body: JSON.stringify({
      query: '{ applications(filter: { kind: [NEW], status: [APPROVED] }, limit: 1, sort: { field: RECEIVED_AT, order: ASC }) { items { receiptNo companyName } } }',
    }),
  }).then((r) => r.json());
  return res.data.applications.items[0];
}

describe('console', () => {
  it('signs in as the reviewer, lists applications in Japanese, and opens one by receipt number', async () => {
    const target = await someReceiptNo();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    await page.goto(product.url);

    await page.getByLabel(/E-mail/).fill('reviewer@example.jp');
    await page.getByLabel(/パスワード/).fill('naccs-demo');
    await page.getByRole('button', { name: /サインイン|ログイン/ }).click();

    // The list shows demo applications with Japanese status labels.
    await page.locator('#main-content').getByText(/審査終了|受付|審査中/).first().waitFor();
    await expect(page.getByText('申込受付番号').first().isVisible()).resolves.toBe(true);
    // The menu follows the operations the server lists for a reviewer: 申込の受付 and 送信ログ, no administration.
    await page.getByTestId('menu-intake').waitFor();
    await page.getByRole('menuitem', { name: '送信ログ' }).waitFor();
    for (const entry of ['職員', 'APIキー', '監査ログ']) await expect(page.getByRole('menuitem', { name: entry }).count()).resolves.toBe(0);
    // The queue counts follow the other filters: one receipt number in the search box leaves one in すべて.
    await page.locator('#main-content input[name="q"]').fill(target.receiptNo);
    await expect.poll(async () => (await page.getByTestId('queue-ALL').textContent())!.replace(/\D/g, '')).toBe('1');
    await page.locator('#main-content input[name="q"]').fill('');
    await page.screenshot({ path: join(artifacts, 'applications-list.png'), fullPage: false });

    // Support-desk jump: type the receipt number (full-width, as read over the phone) and press Enter.
    const jump = page.getByTestId('receipt-jump').locator('input').or(page.locator('input[data-testid="receipt-jump"]'));
    await jump.first().fill(target.receiptNo.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
    await jump.first().press('Enter');

    await page.waitForURL(/\/applications\/[^/]+\/show/);
    await page.getByText(target.receiptNo).first().waitFor();
    await page.getByText(target.companyName).first().waitFor();
    for (const tab of ['申込内容', '事業所・企業', '利用者コード', '履歴']) {
      await expect(page.getByRole('tab', { name: tab }).count()).resolves.toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(artifacts, 'application-show.png'), fullPage: true });

    await page.getByRole('tab', { name: '履歴' }).click();
    await page.getByText('申込').first().waitFor();
    await page.close();
  });
});
