import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifacts, gql, gqlResult, signIn, staffToken, useProduct } from '../support/console.js';

const e2e = useProduct('e2e-console');

async function someReceiptNo(): Promise<{ receiptNo: string; companyName: string }> {
  const token = await staffToken(e2e.product, 'support@example.jp');
  const data = await gql<{ applications: { items: Array<{ receiptNo: string; companyName: string }> } }>(
    e2e.product,
    '{ applications(filter: { kind: [NEW], status: [APPROVED] }, limit: 1, sort: { field: RECEIVED_AT, order: ASC }) { items { receiptNo companyName } } }',
    {},
    token,
  );
  return data.applications.items[0]!;
}

describe('console', () => {
  it('signs in as the reviewer, lists applications in Japanese, and opens one by receipt number', async () => {
    const target = await someReceiptNo();
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'reviewer@example.jp');

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

  it('changes a staff member\'s own password from the user menu: the server\'s refusals under the fields, then a new sign-in', async () => {
    const canSignIn = async (password: string) =>
      (await gqlResult(e2e.product, 'mutation($p: String!) { login(email: "reviewer2@example.jp", password: $p) { token } }', { p: password })).data;
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'reviewer2@example.jp');
    await page.locator('#main-content').getByText(/審査終了|受付|審査中/).first().waitFor();

    await page.getByRole('button', { name: /プロフィール|Profile|審査/ }).first().click();
    await page.getByRole('menuitem', { name: 'パスワード変更' }).click();
    await page.locator('#main-content').getByRole('heading', { name: 'パスワード変更' }).waitFor();
    const field = (name: string) => page.locator(`input[name="${name}"]`);
    const form = page.locator('form');

    // A wrong current password: the server's message under its field, nothing changed.
    await field('currentPassword').fill('not-the-password-1');
    await field('newPassword').fill('Renewed-password-2026');
    await field('confirmation').fill('Renewed-password-2026');
    await page.getByRole('button', { name: '変更する' }).click();
    await expect.poll(() => form.textContent()).toContain('現在のパスワードが正しくありません');
    // The confirmation typed differently: refused before asking the server.
    await field('currentPassword').fill('naccs-demo');
    await field('confirmation').fill('Renewed-password-2027');
    await page.getByRole('button', { name: '変更する' }).click();
    await expect.poll(() => form.textContent()).toContain('一致しません');
    expect(await canSignIn('naccs-demo')).toBeTruthy();

    // Changed: every session ends, the sign-in page opens, and only the new password signs in.
    await field('confirmation').fill('Renewed-password-2026');
    await page.getByRole('button', { name: '変更する' }).click();
    await page.getByLabel(/E-mail/).waitFor();
    expect(await canSignIn('naccs-demo')).toBeFalsy();
    expect(await canSignIn('Renewed-password-2026')).toBeTruthy();
    await page.close();
  });
});
