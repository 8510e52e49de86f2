import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifacts, gql, signIn, staffToken, useProduct } from '../support/console.js';

// The console's notification templates (/templates/<key>) and e-mail log (/emails), as a supervisor and a reviewer.

const e2e = useProduct('e2e-templates');

/** Calls the API as the supervisor (signed in for the call). */
const asSupervisor = async <T>(query: string): Promise<T> => gql<T>(e2e.product, query, {}, await staffToken(e2e.product, 'supervisor@example.jp'));

describe('notification templates', () => {
  it('edits 利用申込確認完了 with a live preview of a real application, saves, rolls back, and finds the test mail in 送信ログ', async () => {
    const { applications } = await asSupervisor<{ applications: { items: Array<{ receiptNo: string; companyName: string }> } }>(
      '{ applications(filter: { status: [APPROVED] }, limit: 1, sort: { field: RECEIVED_AT, order: DESC }) { items { receiptNo companyName } } }',
    );
    const target = applications.items[0]!;
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'supervisor@example.jp');
    await page.locator('#main-content').getByText(/審査終了|受付|審査中/).first().waitFor();

    await page.goto(`${e2e.product.url}/#/templates/application-approved`);
    await page.getByTestId('template-label').filter({ hasText: '利用申込確認完了' }).waitFor();
    await expect(page.getByTestId('template-version').getAttribute('data-version')).resolves.toBe('1');
    const text = page.getByTestId('template-text');
    await expect(text.inputValue()).resolves.toContain('{{receiptNo}}');

    // Preview with a real application, chosen by its receipt number.
    await page.getByTestId('preview-application').fill(target.receiptNo);
    await page.locator(`[data-testid="application-option"][data-receipt-no="${target.receiptNo}"]`).click();
    await expect.poll(() => page.getByTestId('preview-source').textContent()).toContain(target.receiptNo);
    await expect.poll(() => page.getByTestId('preview-text').textContent(), { timeout: 15_000 }).toContain(target.receiptNo);

    // Type a line at the end of the body and insert a variable at the cursor by clicking it in the list.
    await text.click();
    await text.press('Control+End');
    await text.pressSequentially('\n確認用の受付番号: ');
    await page.getByTestId('insert-variable-receiptNo').click();
    await expect.poll(() => text.inputValue()).toContain('確認用の受付番号: {{receiptNo}}');
    await expect
      .poll(() => page.getByTestId('preview-text').textContent(), { timeout: 15_000 })
      .toContain(`確認用の受付番号: ${target.receiptNo}`);
    await page.getByTestId('template-dirty').waitFor();
    await page.locator('[data-testid="preview-result"][data-current="true"]').waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(artifacts, 'template-editor.png'), fullPage: true });

    // Save: a new version, listed in the history.
    await page.getByTestId('template-save').click();
    await page.getByText('版 2 として保存しました').waitFor();
    await expect.poll(() => page.getByTestId('template-version').getAttribute('data-version')).toBe('2');
    await page.getByTestId('version-row-2').waitFor();
    await expect(page.getByTestId('template-dirty').count()).resolves.toBe(0);

    // A variable the event does not have is refused with the server's message (variable and line) under the body.
    await text.click();
    await text.press('Control+End');
    await text.pressSequentially('{{nosuchVariable}}');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-text-errors').textContent()).toMatch(/行目.*nosuchVariable/);
    await page.getByTestId('template-discard').click();
    await expect.poll(() => text.inputValue()).not.toContain('nosuchVariable');

    // Version 1 against the draft (= version 2): the added line, in a line diff.
    await page.getByTestId('diff-1').click();
    const diff = page.getByTestId('version-diff-dialog');
    await diff.locator('[data-diff="add"]').filter({ hasText: '確認用の受付番号' }).waitFor();
    await diff.getByRole('button', { name: '閉じる' }).click();
    await diff.waitFor({ state: 'hidden' });

    // Roll back to version 1 (after a confirmation): version 3 has version 1's content.
    await page.getByTestId('version-row-1').getByTestId('rollback-1').click();
    await page.getByRole('dialog').getByRole('button', { name: '戻す' }).click();
    await expect.poll(() => page.getByTestId('template-version').getAttribute('data-version')).toBe('3');
    await page.getByTestId('version-row-3').waitFor();
    await expect.poll(() => text.inputValue()).not.toContain('確認用の受付番号');
    const saved = await asSupervisor<{ notificationTemplate: { version: number; text: string } }>(
      '{ notificationTemplate(key: "application-approved") { version text } }',
    );
    expect(saved.notificationTemplate.version).toBe(3);
    expect(saved.notificationTemplate.text).not.toContain('確認用の受付番号');

    // 自分にテスト送信, then the mail in 送信ログ with its body.
    await page.getByTestId('send-test').click();
    await page.getByText(/テストメールを送信待ちにしました/).waitFor();
    await page.goto(`${e2e.product.url}/#/emails`);
    const row = page
      .locator('tbody tr')
      .filter({ hasText: 'supervisor@example.jp' })
      .filter({ hasText: '利用申込確認完了のお知らせ' })
      .first();
    await row.waitFor();
    await expect(row.locator('[data-status]').getAttribute('data-status')).resolves.toMatch(/PENDING|SENDING|SENT/);
    await row.click();
    const detail = page.getByTestId('email-detail');
    await detail.waitFor();
    await expect(detail.getByTestId('email-detail-subject').textContent()).resolves.toContain('利用申込確認完了のお知らせ');
    await expect(detail.getByTestId('email-text').textContent()).resolves.toContain('(テスト)');
    await page.close();
  });

  it('shows a reviewer the template read-only, with its preview and history', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'reviewer@example.jp');
    await page.locator('#main-content').getByText(/審査終了|受付|審査中/).first().waitFor();
    await page.goto(`${e2e.product.url}/#/templates/application-approved`);
    await page.getByTestId('template-label').filter({ hasText: '利用申込確認完了' }).waitFor();
    await expect(page.getByTestId('template-text').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByTestId('template-save').count()).resolves.toBe(0);
    await expect(page.getByTestId('send-test').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^="rollback-"]').count()).resolves.toBe(0);
    await expect.poll(() => page.getByTestId('preview-subject').textContent(), { timeout: 15_000 }).toContain('利用申込確認完了');
    await page.getByTestId('version-row-1').waitFor();
    await page.close();
  });
});
