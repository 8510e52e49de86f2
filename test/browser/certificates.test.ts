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
  product = await startProduct('e2e-certificates');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

async function gql(query: string, token?: string) {
  return fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  }).then((r) => r.json());
}

describe('certificates console', () => {
  it('lists the demo certificates and reissues one with a required reason and a confirmation', async () => {
    const login = await gql('mutation { login(email: "supervisor@example.jp", password: "naccs-demo") { token } }');
    const token = login.data.login.token as string;
    const before = await gql('{ certificates(filter: { status: [PENDING] }) { totalCount items { terminalName } } }', token);
    expect(before.data.certificates.totalCount).toBeGreaterThan(0);
    const terminal = before.data.certificates.items[0].terminalName as string;

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    await page.goto(product.url);
    await page.getByLabel(/E-mail/).fill('supervisor@example.jp');
    await page.getByLabel(/パスワード/).fill('naccs-demo');
    await page.getByRole('button', { name: /サインイン/ }).click();
    await page.locator('#main-content').waitFor();
    await page.goto(`${product.url}/#/certificates`);
    await page.getByText('発行待ち').first().waitFor();
    await page.getByText(terminal).first().waitFor();

    await page.getByTestId(`reissue-certificate-${terminal}`).first().click();
    const dialog = page.getByTestId('reissue-certificate-dialog');
    await expect(dialog.getByTestId('reissue-certificate-dialog-next').isDisabled()).resolves.toBe(true);
    await dialog.getByTestId('reissue-certificate-dialog-reason').fill('PC入替のため');
    await dialog.getByTestId('reissue-certificate-dialog-next').click();
    await dialog.getByTestId('reissue-certificate-dialog-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.screenshot({ path: join(artifacts, 'certificates.png'), fullPage: false });

    const after = await gql(`{ certificates(limit: 100) { items { terminalName status reason } } }`, token);
    const mine = after.data.certificates.items.filter((c: any) => c.terminalName === terminal);
    expect(mine.some((c: any) => c.reason === 'PC入替のため')).toBe(true);
    await page.close();
  });
});
