import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, signIn, staffToken, useProduct } from '../support/console.js';
import { expectAccessible } from '../support/axe.js';

// axe-core on the screens of issue 21: no serious or critical violation on the application list, an application
// (its approve dialog and ID通知内容), the offices, certificates, templates and the intake form.

const e2e = useProduct('e2e-accessibility');

const newPage = (): Promise<Page> => e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });

describe('accessibility (axe-core)', () => {
  it('fails on a serious or critical violation, naming the rule and the element', async () => {
    const page = await e2e.browser.newPage();
    await page.setContent('<html lang="ja"><head><title>t</title></head><body><main><h1>t</h1><input type="checkbox" id="unnamed"></main></body></html>');
    await expect(expectAccessible(page, 'self-check')).rejects.toThrow(/\[critical\] label: .*#unnamed/);
    await page.close();
  });

  it('the application list, an application, its approve dialog and its ID通知内容', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const { applications } = await gql<{ applications: { items: Array<{ id: string; receiptNo: string; version: number }> } }>(
      e2e.product,
      '{ applications(filter: { queue: UNASSIGNED }, limit: 1, sort: { field: RECEIVED_AT, order: ASC }) { items { id receiptNo version } } }',
      {},
      token,
    );
    const app = applications.items[0]!;
    await gql(e2e.product, 'mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { version } }', { id: app.id, v: app.version }, token);

    const page = await newPage();
    await signIn(page, e2e.product, 'reviewer@example.jp');
    // The list as the reviewer sees it: queue tabs, row checkboxes, status chips, row actions.
    await page.getByTestId('queue-ALL').click();
    await page.locator('#main-content tbody tr').first().waitFor();
    await page.locator('#main-content tbody input[type="checkbox"]').first().waitFor();
    await expectAccessible(page, 'application-list');
    // 確認事項あり: the orange (filled) status chips.
    await page.getByTestId('queue-RETURNED').click();
    await page.locator('#main-content tbody tr').filter({ hasText: '確認事項あり' }).first().waitFor();
    await expectAccessible(page, 'application-list-returned');

    // The application, in review by the reviewer (the review toolbar with its buttons).
    await page.goto(`${e2e.product.url}/#/applications/${encodeURIComponent(app.id)}/show`);
    await page.getByTestId('receipt-no').getByText(app.receiptNo).waitFor();
    await page.getByTestId('approve').waitFor();
    await expectAccessible(page, 'application-show');

    // The approve dialog with its business-day calendar.
    await page.getByTestId('approve').click();
    const dialog = page.getByTestId('approve-dialog');
    await expect.poll(() => dialog.locator('[aria-selected="true"][data-date]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('approve-reference-period').textContent()).toMatch(/〜/);
    await expectAccessible(page, 'approve-dialog');

    // Approved: the ID通知内容 tab (passwords masked).
    await page.getByTestId('approve-confirm').click();
    await page.getByText('審査終了にしました').waitFor();
    await page.getByRole('tab', { name: 'ID通知内容' }).click();
    await page.getByTestId('id-notice').waitFor();
    await expectAccessible(page, 'id-notice');
    await page.close();
  });

  it('the offices list and an office', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const { offices } = await gql<{ offices: { items: Array<{ id: string; code: string }> } }>(
      e2e.product, '{ offices(filter: { status: [ACTIVE] }, limit: 1) { items { id code } } }', {}, token);
    const office = offices.items[0]!;
    const page = await newPage();
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/offices' });
    await page.locator('#main-content tbody tr').first().waitFor();
    await expectAccessible(page, 'office-list');

    await page.goto(`${e2e.product.url}/#/offices/${encodeURIComponent(office.id)}/show`);
    await page.getByRole('tab', { name: '事業所', exact: true }).waitFor();
    await page.locator('#main-content').getByText(office.code).first().waitFor();
    await expectAccessible(page, 'office-show');
    await page.close();
  });

  it('the certificates and the templates (list and editor)', async () => {
    const page = await newPage();
    await signIn(page, e2e.product, 'supervisor@example.jp', { path: '/certificates' });
    await page.getByText('発行待ち').first().waitFor();
    await expectAccessible(page, 'certificate-list');

    await page.goto(`${e2e.product.url}/#/templates`);
    await page.locator('#main-content').getByText('利用申込確認完了').first().waitFor();
    await expectAccessible(page, 'template-list');

    await page.goto(`${e2e.product.url}/#/templates/application-approved`);
    await page.getByTestId('template-label').filter({ hasText: '利用申込確認完了' }).waitFor();
    await page.getByTestId('template-text').waitFor();
    await expectAccessible(page, 'template-editor');
    await page.close();
  });

  it('the intake form', async () => {
    const page = await newPage();
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/intake' });
    await page.locator('[name="companyName"]').waitFor();
    await expectAccessible(page, 'intake');
    await page.close();
  });
});
