import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifacts, gqlResult, signIn, useProduct } from '../support/console.js';

const e2e = useProduct('e2e-admin');

/** Calls the API with a key (an integrator's view). */
const callWithKey = (key: string) => gqlResult<{ reviewQueueCounts: { all: number } }>(e2e.product, '{ reviewQueueCounts { all } }', {}, key);

describe('admin console', () => {
  it('creates an API key (secret shown once), revokes it, and finds both in the audit log', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, e2e.product, 'admin@example.jp', { path: '/' });

    // The administrator's menu has 職員, APIキー and 監査ログ (a reviewer's has none of them).
    for (const entry of ['職員', 'APIキー', '監査ログ']) await page.getByRole('menuitem', { name: entry }).waitFor();
    await page.getByRole('menuitem', { name: 'APIキー' }).click();
    await page.waitForURL(/\/apiKeys/);

    // Create: a name and no expiry; the role is INTEGRATOR, the permission 参照 unless more are ticked.
    const name = `通関システム連携 ${Date.now()}`;
    await page.getByTestId('create-api-key').click();
    const dialog = page.getByTestId('api-key-dialog');
    await dialog.locator('input[name="name"]').fill(name);
    await dialog.getByText('連携システム').first().waitFor();
    await page.getByTestId('api-key-create-confirm').click();
    const secretBox = page.getByTestId('api-key-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret).toMatch(/^nk_[A-Za-z0-9]+_/);
    await dialog.getByText('一度だけ表示').waitFor();
    // The key works.
    await expect(callWithKey(secret).then((r) => typeof r.data?.reviewQueueCounts.all)).resolves.toBe('number');
    await page.getByTestId('api-key-done').click();
    await dialog.waitFor({ state: 'hidden' });

    // The list shows the key by its prefix only — never the secret.
    const row = page.locator('#main-content tbody tr', { hasText: name });
    await row.getByText('有効', { exact: true }).waitFor();
    // Permissions: 参照 by default (a reporting tool's key), no limit.
    await row.locator('[data-scope="READ"]').waitFor();
    await expect(row.locator('[data-scope="SUBMIT"]').count()).resolves.toBe(0);
    await row.getByText('限定なし').waitFor();
    await expect(page.locator('#main-content').textContent()).resolves.not.toContain(secret);

    // Revoke, after a confirmation.
    await row.getByRole('button', { name: '失効させる' }).click();
    await page.getByRole('dialog').getByText('元に戻せません').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '失効させる' }).click();
    await page.getByText(`「${name}」のAPIキーを失効させました`).waitFor();
    await row.getByText('失効', { exact: true }).waitFor();
    await expect(callWithKey(secret).then((r) => r.errors?.[0]?.extensions?.code)).resolves.toBe('UNAUTHENTICATED');

    // 監査ログ: both, by the administrator, naming the key.
    await page.getByRole('menuitem', { name: '監査ログ' }).click();
    await page.waitForURL(/\/auditLog/);
    const created = page.locator('#main-content tbody tr', { has: page.locator('[data-action="API_KEY_CREATE"]') }).filter({ hasText: name });
    const revoked = page.locator('#main-content tbody tr', { has: page.locator('[data-action="API_KEY_REVOKE"]') }).filter({ hasText: name });
    await created.waitFor();
    await revoked.waitFor();
    await expect(created.textContent()).resolves.toContain('管理 太郎');
    await expect(created.textContent()).resolves.toContain('APIキーの作成');
    await expect(revoked.textContent()).resolves.toContain('APIキーの失効');
    // The newest first: the revocation above the creation.
    const rows = await page.locator('#main-content tbody tr').allTextContents();
    expect(rows.findIndex((t) => t.includes('APIキーの失効'))).toBeLessThan(rows.findIndex((t) => t.includes('APIキーの作成')));

    // Filtered to key events only.
    await page.locator('#main-content').getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'APIキーの作成' }).click();
    await page.getByRole('option', { name: 'APIキーの失効' }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await page.locator('#main-content tbody tr [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).sort().join())
      .toBe('API_KEY_CREATE,API_KEY_REVOKE');
    await page.screenshot({ path: join(artifacts, 'admin-audit.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
