import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifacts, gqlResult, signIn, staffToken, useProduct } from '../support/console.js';
import { productToday } from '../support/server.js';

// Issue 20, item 2: the approve dialog asks the server for the minimum start date (standard lead time from 受付;
// システム設定申込締切日 not past). Days before it are disabled and a too-early date shows the server's refusal; the
// reviewer may still approve it by ticking the override and giving a reason, which the history records.
const e2e = useProduct('e2e-approve-guard');

const isoDateIn = (days: number): string => new Date(Date.parse(`${productToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the approve dialog\'s lead-time guard', () => {
  it('disables days before the minimum, shows the refusal of a too-early date, and approves it only with a reason', async () => {
    const token = await staffToken(e2e.product, 'supervisor@example.jp');
    const offices = (await gqlResult<{ offices: { items: Array<{ code: string; terminals: Array<{ name: string; type: string; systemCategory: string; endDate: string | null }> }> } }>(
      e2e.product, '{ offices(filter: { status: [ACTIVE] }, limit: 100) { items { code terminals { name type systemCategory endDate } } } }', {}, token)).data!.offices.items;
    const office = offices.find((o) => o.terminals.some((t) => t.type === 'NET' && t.systemCategory === 'SEA' && !t.endDate));
    if (!office) throw new Error('no active office with a netNACCS 海上 terminal in the demo');
    const terminal = office.terminals.find((t) => t.type === 'NET' && t.systemCategory === 'SEA' && !t.endDate)!;
    // A change (standard lead time: 5 business days) the customer wants tomorrow.
    const submitted = await gqlResult<{ submitChangeApplication: { id: string; receiptNo: string } }>(
      e2e.product,
      'mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id receiptNo } }',
      {
        o: office.code,
        i: {
          changeItems: ['NET_TERMINAL'], reason: '航空貨物の取扱開始を急ぐため', desiredStartDate: isoDateIn(1),
          applicant: { lastName: '混載', firstName: '一郎', lastNameKana: 'コンサイ', firstNameKana: 'イチロウ', department: '総務部', phone: '0123456789', email: 'konsai.ichiro@naccs.co.jp', emailConfirmation: 'konsai.ichiro@naccs.co.jp' },
          terminals: [{ action: 'CHANGE', terminalType: 'NET', systemCategory: 'SEA', terminalName: terminal.name, newSystemCategory: 'AIR' }],
        },
      },
      token,
    );
    expect(submitted.errors).toBeUndefined();
    const { id, receiptNo } = submitted.data!.submitChangeApplication;
    await gqlResult(e2e.product, 'mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, token);
    // The server's minimum, and the first business day after today: before the minimum.
    const { approvalPreview } = (await gqlResult<{ approvalPreview: { minimumStartDate: string } }>(
      e2e.product, 'query($a: ID!, $d: String!) { approvalPreview(applicationId: $a, startDate: $d) { minimumStartDate } }', { a: id, d: productToday() }, token)).data!;
    const minimum = approvalPreview.minimumStartDate;
    const days = (await gqlResult<{ businessCalendar: Array<{ date: string; businessDay: boolean }> }>(
      e2e.product, 'query($f: String!, $t: String!) { businessCalendar(from: $f, to: $t) { date businessDay } }', { f: isoDateIn(1), t: minimum }, token)).data!.businessCalendar;
    const early = days.find((d) => d.businessDay && d.date < minimum)?.date;
    if (!early) throw new Error(`no business day between today and the minimum ${minimum}`);

    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'supervisor@example.jp', { path: '/' });
    await page.getByRole('menuitem', { name: /事業所/ }).first().waitFor();
    await page.goto(`${e2e.product.url}/#/applications/${id}/show`);
    // The checks at the top say the desired date is inside the lead time.
    await page.getByTestId('check-DESIRED_DATE_INSIDE_LEAD_TIME').waitFor();
    await page.getByTestId('approve').click();
    const dialog = page.getByTestId('approve-dialog');
    await dialog.waitFor();
    await expect.poll(() => page.getByTestId('approve-minimum').textContent()).toContain(minimum.replaceAll('-', '/'));
    // The minimum is pre-selected (the desired date is before it); the early day is disabled.
    await expect.poll(() => dialog.locator('[aria-selected="true"][data-date]').getAttribute('data-date')).toBe(minimum);
    if (early.slice(0, 7) !== minimum.slice(0, 7)) await dialog.getByRole('button', { name: '前の月' }).click();
    await expect.poll(() => dialog.locator(`[data-date="${early}"]`).isDisabled()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'approve-guard-minimum.png') });

    // The override makes the day selectable; the server's refusal names the minimum until a reason is given.
    await page.getByTestId('approve-override').check();
    await expect.poll(() => dialog.locator(`[data-date="${early}"]`).isDisabled()).toBe(false);
    await dialog.locator(`[data-date="${early}"]`).click();
    await expect.poll(() => page.getByTestId('approve-override-needed').textContent()).toContain(minimum);
    await expect(page.getByTestId('approve-confirm').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(artifacts, 'approve-guard-refusal.png') });
    await page.getByTestId('approve-override-reason').fill('お客様と回線不要の変更であることを電話で確認済み');
    await expect.poll(() => page.getByTestId('approve-confirm').isDisabled()).toBe(false);
    await page.getByTestId('approve-confirm').click();
    await page.getByText(`申込受付番号 ${receiptNo} を審査終了にしました`).waitFor();

    const { application } = (await gqlResult<{ application: { status: string; startDate: string; history: Array<{ action: string; message: string; internal: boolean }> } }>(
      e2e.product, 'query($id: ID) { application(id: $id) { status startDate history { action message internal } } }', { id }, token)).data!;
    expect(application).toMatchObject({ status: 'APPROVED', startDate: early });
    expect(application.history).toContainEqual({ action: 'INTERNAL_NOTE', internal: true, message: expect.stringContaining('電話で確認済み') });
    await page.close();
  });
});
