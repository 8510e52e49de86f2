import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifacts, gqlResult, signIn, staffToken, useProduct } from '../support/console.js';

const e2e = useProduct('e2e-certificates');

describe('certificates console', () => {
  it('lists the demo certificates and reissues one with a required reason and a confirmation', async () => {
    const token = await staffToken(e2e.product, 'supervisor@example.jp');
    const before = await gqlResult<any>(e2e.product, '{ certificates(filter: { status: [PENDING] }) { totalCount items { terminalName } } }', {}, token);
    expect(before.data.certificates.totalCount).toBeGreaterThan(0);
    const terminal = before.data.certificates.items[0].terminalName as string;

    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'supervisor@example.jp', { path: '/' });
    await page.goto(`${e2e.product.url}/#/certificates`);
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

    const after = await gqlResult<any>(e2e.product, `{ certificates(limit: 100) { items { terminalName status reason } } }`, {}, token);
    const mine = after.data.certificates.items.filter((c: any) => c.terminalName === terminal);
    expect(mine.some((c: any) => c.reason === 'PC入替のため')).toBe(true);
    await page.close();
  });
});
