import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifacts, gql, signIn, staffToken, useProduct } from '../support/console.js';
import { productToday } from '../support/server.js';

/** The demo NSS portal's integrator key (db seed; demo only). */
const PORTAL_KEY = 'nk_nssportl_demo-only_NSS-portal_key_not-for-production';

const e2e = useProduct('e2e-review');

interface Target {
  id: string;
  receiptNo: string;
  office: { code: string; userCodes: Array<{ code: string; shared: boolean; endDate: string | null; userIds: Array<{ industries: string[]; processingMethod: string; endDate: string | null }> }> };
}

/** The oldest unassigned 変更申込 (未割当 lists the oldest first) of an office that holds a 利用者コード of its own (to add a 識別番号 to). */
async function pickChangeApplication(token: string): Promise<Target & { userCode: Target['office']['userCodes'][number] }> {
  const data = await gql<{ applications: { items: Target[] } }>(
    e2e.product,
    `{ applications(filter: { queue: UNASSIGNED, kind: [CHANGE] }, limit: 20, sort: { field: RECEIVED_AT, order: ASC }) {
         items { id receiptNo office { code userCodes { code shared endDate userIds { industries processingMethod endDate } } } } } }`,
    {},
    token,
  );
  for (const app of data.applications.items) {
    const userCode = app.office.userCodes.find((c) => !c.shared && !c.endDate && c.userIds.some((u) => !u.endDate));
    if (userCode) return { ...app, userCode };
  }
  throw new Error('no unassigned change application with a user code');
}

const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first business day on or after `from`, from the server's calendar. */
async function businessDayFrom(from: string, token: string): Promise<string> {
  const to = addDays(from, 20);
  const data = await gql<{ businessCalendar: Array<{ date: string; businessDay: boolean }> }>(
    e2e.product,
    'query($f: String!, $t: String!) { businessCalendar(from: $f, to: $t) { date businessDay } }',
    { f: from, t: to },
    token,
  );
  return data.businessCalendar.find((d) => d.businessDay)!.date;
}

describe('review workflow in the console', () => {
  it('takes an application from 未割当, returns it with a question, approves the resubmission on the calendar, reveals the ID通知内容 and shows the history', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const target = await pickChangeApplication(token);

    const page: Page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    /** Every click the reviewer makes from the queue to 審査終了 goes through here and is counted. */
    let clicks = 0;
    const click = async (l: Locator) => {
      clicks += 1;
      await l.click();
    };

    await signIn(page, e2e.product, 'reviewer@example.jp');

    // The reviewer's list opens on 未割当 (with its count); the other queues show theirs.
    const unassignedTab = page.getByTestId('queue-UNASSIGNED');
    await unassignedTab.waitFor();
    await expect(unassignedTab.getAttribute('aria-selected')).resolves.toBe('true');
    const countOf = async (queue: string) => (await page.getByTestId(`queue-${queue}`).textContent())!.replace(/\D/g, '');
    await expect.poll(() => countOf('MINE')).toMatch(/^\d+$/);
    const mineBefore = Number(await countOf('MINE'));

    // 1. Take it: 「自分に割り当て」 on its row.
    const row = page.locator('#main-content tbody tr', { hasText: target.receiptNo });
    await click(row.getByRole('button', { name: '自分に割り当て' }));
    await page.getByText(`${target.receiptNo} を割り当てました`).waitFor();
    // It left 未割当; 自分の担当 counts one more.
    await row.waitFor({ state: 'detached' });
    await expect.poll(async () => Number(await countOf('MINE'))).toBe(mineBefore + 1);

    // 2. Open it from 自分の担当.
    await click(page.getByTestId('queue-MINE'));
    await click(page.locator('#main-content tbody tr', { hasText: target.receiptNo }).getByRole('link', { name: target.receiptNo }));
    await page.waitForURL(/\/applications\/[^/]+\/show/);
    await page.getByTestId('receipt-no').getByText(target.receiptNo).waitFor();
    await page.locator('#main-content').getByText('審査中').first().waitFor();

    // 3. Return it with a canned question, edited — the dialog opened from the keyboard (R; the toolbar lists A/R/S).
    await expect(page.getByTestId('review-shortcuts').textContent()).resolves.toContain('R 確認事項');
    await page.locator('body').press('r');
    const returnDialog = page.getByTestId('return-dialog');
    await click(returnDialog.getByRole('button', { name: 'システム構成図を添付してください。' }));
    const message = returnDialog.locator('textarea[name="message"]');
    await message.press('End');
    await message.pressSequentially('（A4 1枚で構いません）');
    await click(page.getByTestId('return-dialog-confirm'));
    await page.getByText('確認事項ありにしました').waitFor();
    await page.locator('#main-content').getByText('確認事項あり').first().waitFor();
    await page.getByText('システム構成図を添付してください。（A4 1枚で構いません）').first().waitFor();

    // 4. The customer corrects it through NSS: resubmission with one more 識別番号 and a new desired date.
    const { application } = await gql<{ application: { version: number; status: string } }>(
      e2e.product,
      'query($id: ID) { application(id: $id) { version status } }',
      { id: target.id },
      token,
    );
    expect(application.status).toBe('RETURNED');
    const desired = await businessDayFrom(addDays(productToday(), 14), token);
    const sample = target.userCode.userIds.find((u) => !u.endDate)!;
    await gql(
      e2e.product,
      `mutation($id: ID!, $v: Int!, $i: ResubmissionInput!) { resubmitApplication(id: $id, expectedVersion: $v, input: $i) { status } }`,
      {
        id: target.id,
        v: application.version,
        i: {
          changeApplication: {
            changeItems: ['IDENT_NO'],
            reason: '利用者IDを1つ追加するため。システム構成図は別途送付します。',
            desiredStartDate: desired,
            applicant: {
              lastName: '混載', firstName: '一郎', lastNameKana: 'コンサイ', firstNameKana: 'イチロウ',
              phone: '0123456789', email: 'konsai.ichiro@naccs.co.jp', emailConfirmation: 'konsai.ichiro@naccs.co.jp',
            },
            userCodes: [
              {
                action: 'CHANGE',
                userCode: target.userCode.code,
                userIds: [{ action: 'ADD', industries: sample.industries.slice(0, 1), processingMethod: sample.processingMethod, identCount: 1 }],
              },
            ],
          },
        },
      },
      PORTAL_KEY,
    );

    // 5. Back in the console: reload (the app bar's refresh), approve with a date picked on the calendar.
    await click(page.getByRole('button', { name: '更新' }).first());
    const approve = page.getByTestId('approve');
    await approve.waitFor();
    await click(approve);
    const dialog = page.getByTestId('approve-dialog');
    // The desired date (a business day) is pre-selected; pick the next business day instead.
    await expect.poll(() => dialog.locator('[aria-selected="true"][data-date]').getAttribute('data-date')).toBe(desired);
    const nextBusinessDay = await businessDayFrom(addDays(desired, 1), token);
    if (nextBusinessDay.slice(0, 7) !== desired.slice(0, 7)) await click(dialog.getByRole('button', { name: '次の月' }));
    // Non-business days are there, greyed out and disabled, with their reason.
    // …with the reason the server's calendar gives (a weekend, 元日, 成人の日, the year-end closure…).
    const closed = dialog.locator('[data-business-day="false"]').first();
    await expect(closed.isDisabled()).resolves.toBe(true);
    const closedDate = (await closed.getAttribute('data-date'))!;
    const { businessCalendar } = await gql<{ businessCalendar: Array<{ reason: string }> }>(
      e2e.product, 'query($d: String!) { businessCalendar(from: $d, to: $d) { reason } }', { d: closedDate }, token);
    expect(businessCalendar[0]!.reason).toBeTruthy();
    await expect(closed.getAttribute('aria-label')).resolves.toContain(businessCalendar[0]!.reason);
    await click(dialog.locator(`[data-date="${nextBusinessDay}"]`));
    await expect(page.getByTestId('approve-start-date').textContent()).resolves.toContain(nextBusinessDay.replace(/-/g, '/'));
    // The dialog shows the dates the server's rules fix for that start date (a change: no システム設定申込).
    const { approvalPreview } = await gql<{ approvalPreview: { passwordReadableUntil: string; systemSettingsDeadline: string | null } }>(
      e2e.product,
      'query($a: ID!, $d: String!) { approvalPreview(applicationId: $a, startDate: $d) { passwordReadableUntil systemSettingsDeadline } }',
      { a: target.id, d: nextBusinessDay }, token);
    expect(approvalPreview.systemSettingsDeadline).toBeNull();
    await expect.poll(() => page.getByTestId('approve-reference-period').textContent()).toContain(`〜 ${approvalPreview.passwordReadableUntil.replace(/-/g, '/')}`);
    await expect(page.getByTestId('approve-deadline').textContent()).resolves.toBe('なし (新規申込のみ)');
    await dialog.getByText('払い出す内容 (申込結果)').waitFor();
    await click(page.getByTestId('approve-confirm'));
    await page.getByText('審査終了にしました').waitFor();
    const clicksToApproved = clicks;
    await page.getByTestId('receipt-no').waitFor();
    await page.locator('#main-content').getByText('審査終了').first().waitFor();
    await page.getByText(`利用開始日: ${nextBusinessDay.replace(/-/g, '/')}`).waitFor();

    // 6. ID通知内容: masked until revealed (with a confirmation that the reveal is recorded).
    await page.getByRole('tab', { name: 'ID通知内容' }).click();
    const notice = page.getByTestId('id-notice');
    await notice.waitFor();
    const password = notice.locator('[data-testid^="password-"]').first();
    await expect(password.textContent()).resolves.toBe('********');
    await page.getByTestId('reveal-passwords').click();
    await page.getByRole('dialog').getByText('記録されます').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'パスワードを表示' }).click();
    await page.getByTestId('passwords-revealed').waitFor();
    await expect(password.textContent()).resolves.toMatch(/^[A-Z0-9]{8}$/);
    await notice.getByText(target.office.code).first().waitFor();
    const newUserId = (await password.getAttribute('data-testid'))!.replace('password-', '');

    // 7. The history timeline: 審査終了 with its status change, the question, and the recorded reveal as 社内メモ.
    await page.getByRole('tab', { name: /履歴/ }).click();
    const timeline = page.getByTestId('history-timeline');
    await timeline.waitFor();
    const approved = timeline.locator('li[data-action="APPROVE"]');
    await approved.getByText('審査終了').first().waitFor();
    await expect(approved.textContent()).resolves.toContain('審査中');
    await timeline.locator('li[data-action="RETURN"]').getByText('システム構成図を添付してください。', { exact: false }).waitFor();
    await timeline.locator('li[data-action="PASSWORD_READ"][data-internal="true"]').getByText('社内メモ').waitFor();
    await page.screenshot({ path: join(artifacts, 'review-approve.png'), fullPage: true });

    // 8. The office: NSS's 契約情報 tabs, 新着情報 with the question and the approval, and the contract on the start
    //    date, which holds the new 利用者ID (not today's: it starts then).
    await page.getByTestId('receipt-jump').fill(target.office.code);
    await page.getByTestId('receipt-jump').press('Enter');
    await page.waitForURL(/\/offices\/[^/]+\/show/);
    for (const tab of ['事業所', 'netNACCS', '一般NACCS', '請求先', '新着情報']) await page.getByRole('tab', { name: tab, exact: true }).waitFor();
    await page.getByRole('tab', { name: '新着情報' }).click();
    const news = page.locator('#main-content tbody tr', { hasText: target.receiptNo });
    await news.filter({ hasText: '審査が終了' }).first().waitFor();
    await news.filter({ hasText: '確認事項があります' }).first().getByText('利用申込', { exact: true }).waitFor();
    await page.getByRole('tab', { name: '契約内容 (日付指定)' }).click();
    await page.getByTestId('as-of-userIds').waitFor();
    await expect(page.getByTestId('as-of-userIds').locator(`[data-value="${newUserId}"]`).count()).resolves.toBe(0);
    await page.getByTestId('contract-as-of-date').fill(nextBusinessDay);
    await page.getByTestId('as-of-userIds').locator(`[data-value="${newUserId}"]`).getByText('その日までに開始').waitFor();

    console.log(`review: ${clicksToApproved} clicks from the 未割当 queue to 審査終了 (including the return and the reload)`);
    expect(clicksToApproved).toBeLessThanOrEqual(12);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('approves straight from a 自分の担当 row: the icon opens the dialog with the whole application, the list stays', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const { applications } = await gql<{ applications: { items: Array<{ id: string; receiptNo: string; version: number }> } }>(
      e2e.product,
      '{ applications(filter: { queue: UNASSIGNED }, limit: 5, sort: { field: RECEIVED_AT, order: ASC }) { items { id receiptNo version } } }',
      {},
      token,
    );
    const app = applications.items[4]!;
    await gql(e2e.product, 'mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { version } }', { id: app.id, v: app.version }, token);
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'reviewer@example.jp');
    await page.getByTestId('queue-MINE').click();
    const row = page.locator('#main-content tbody tr', { hasText: app.receiptNo });
    await row.getByTestId('approve').click();
    const dialog = page.getByTestId('approve-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('[aria-selected="true"][data-date]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('approve-reference-period').textContent()).toMatch(/〜/);
    await page.getByTestId('approve-confirm').click();
    await page.getByText('審査終了にしました').waitFor();
    await row.waitFor({ state: 'detached' });
    expect(page.url()).not.toMatch(/\/show/);
    const { application } = await gql<{ application: { status: string } }>(e2e.product, 'query($id: ID) { application(id: $id) { status } }', { id: app.id }, token);
    expect(application.status).toBe('APPROVED');
    await page.close();
  });

  it('refuses an action on a stale version with the Japanese CONFLICT message and reloads the record', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const other = await staffToken(e2e.product, 'reviewer2@example.jp');
    const { applications } = await gql<{ applications: { items: Array<{ id: string; receiptNo: string; version: number }> } }>(
      e2e.product,
      '{ applications(filter: { queue: UNASSIGNED }, limit: 1) { items { id receiptNo version } } }',
      {},
      token,
    );
    const app = applications.items[0]!;
    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/' });
    await page.getByTestId('receipt-jump').fill(app.receiptNo);
    await page.getByTestId('receipt-jump').press('Enter');
    const take = page.getByTestId('review-toolbar').getByTestId('assign-to-me');
    await take.waitFor();

    // Meanwhile another reviewer takes it.
    await gql(e2e.product, 'mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { version } }', { id: app.id, v: app.version }, other);

    await take.click();
    await page.getByText('他の担当者が先に更新しました').waitFor();
    // Reloaded: the other reviewer is shown and the button is gone.
    await page.getByText('審査担当者: 審査 二郎').waitFor();
    await take.waitFor({ state: 'detached' });
    await page.close();
  });
});
