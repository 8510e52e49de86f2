import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifacts, gql, signIn, staffToken, useProduct } from '../support/console.js';
import { productToday } from '../support/server.js';

const e2e = useProduct('e2e-intake-change');

interface DemoOffice {
  code: string;
  usesGeneral: boolean;
  profile: { manager: { phone: string | null } | null };
  mailboxes: Array<{ mailboxId: string; type: string; endDate: string | null }>;
}

/** A demo office in use with 一般NACCS and a mailbox of its own (the seed 002 customer adding one more). */
async function pickOffice(token: string): Promise<DemoOffice> {
  const data = await gql<{ offices: { items: DemoOffice[] } }>(
    e2e.product,
    `{ offices(filter: { status: [ACTIVE] }, limit: 100) { items { code usesGeneral profile { manager { phone } } mailboxes { mailboxId type endDate } } } }`,
    {},
    token,
  );
  const office = data.offices.items.find((o) => o.usesGeneral && o.mailboxes.some((m) => !m.endDate && m.type === 'SMTP_POP3') && o.profile.manager?.phone);
  if (!office) throw new Error('no active 一般NACCS office with a mailbox in the demo');
  return office;
}

// The form's inputs are named like the API input (`mailboxes.0.count`, `office.manager.phone`): the `path` of the
// server's fieldErrors, which is how the console puts each error under its field.
const input = (page: Page, name: string): Locator => page.locator(`[name="${name}"]`).first();
const control = (page: Page, name: string): Locator =>
  page.locator('.MuiFormControl-root', { has: page.locator(`[name="${name}"]`) }).last();

/** A MUI select: open it and pick the option by its label. */
async function choose(page: Page, name: string, label: string): Promise<void> {
  await control(page, name).locator('[role="combobox"]').click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

/** Signed in as a reviewer, 申込の受付 → the tab `tab` with the office's current contract read by its code. */
async function openIntake(page: Page, tab: string, code: string): Promise<void> {
  await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/' });
  await page.getByRole('menuitem', { name: '申込の受付 (電話・書面)' }).click();
  await page.getByTestId(tab).click();
  const officeCode = page.getByTestId('change-office-code');
  await officeCode.fill(code);
  await officeCode.press('Enter');
  await page.getByTestId('change-office').getByText(code).waitFor();
}

/** The 変更申込 of an office, in a new page. */
async function openChangeForm(code: string): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
  await openIntake(page, 'intake-mode-change', code);
  return page;
}

const isoDateIn = (days: number): string => new Date(Date.parse(`${productToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('intake of a change application (phone / paper)', () => {
  it('reads an office by its code, enters a mailbox addition from its current contract, shows a server field error under its field, confirms and opens the application with 変更前/変更後', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const office = await pickOffice(token);
    const currentSmtp = office.mailboxes.filter((m) => !m.endDate && m.type === 'SMTP_POP3').length;
    const newPhone = office.profile.manager!.phone === '0355550000' ? '0355550001' : '0355550000';

    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/' });
    await page.getByRole('menuitem', { name: '申込の受付 (電話・書面)' }).click();
    await page.waitForURL(/\/intake$/);
    await page.getByRole('tab', { name: '変更申込' }).click();

    // An unknown code: said so, with the way to the office list; nothing else opens.
    const code = page.getByTestId('change-office-code');
    await code.fill('ZZZ999');
    await code.press('Enter');
    const notFound = page.getByTestId('change-office-not-found');
    await notFound.waitFor();
    await expect(notFound.textContent()).resolves.toContain('事業所コード「ZZZ999」の事業所は見つかりません');
    await expect(page.locator('#intake-change-form').count()).resolves.toBe(0);

    // The customer's code as said on the phone (lower case is fine): the current contract is read.
    await code.fill(office.code.toLowerCase());
    await code.press('Enter');
    await page.getByTestId('change-office').getByText(office.code).waitFor();

    // 一般NACCSのメールボックス数 and, while on the phone, the 管理責任者's new phone number.
    await page.locator('input[data-change-item="MAILBOX"]').check();
    await page.locator('input[data-change-item="MANAGER"]').check();
    // The sections start from the current contract.
    await expect(input(page, 'office.manager.phone').inputValue()).resolves.toBe(office.profile.manager!.phone);
    const counts = page.getByTestId('change-mailbox-counts');
    await expect(counts.textContent()).resolves.toContain(`現在 ${currentSmtp}個 → 変更後 ${currentSmtp}個`);
    await input(page, 'office.manager.phone').fill(newPhone);
    await page.locator('#intake-change-manager').getByText(newPhone).waitFor(); // its 変更前/変更後 under the section

    await page.locator('#intake-change-mailboxes .RaSimpleFormIterator-add button').click();
    await choose(page, 'mailboxes.0.mailboxType', 'SMTP/POP3');
    await input(page, 'mailboxes.0.count').fill('0'); // a slip: the server takes 1〜99
    await input(page, 'reason').fill('自社システムのメールボックスを追加するため。');
    await input(page, 'desiredStartDate').fill(isoDateIn(30));

    // The confirmation comes first; nothing is sent until 申込内容を登録する.
    await page.getByTestId('change-submit').click();
    const confirm = page.getByTestId('change-confirm');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain('メールボックス (SMTP/POP3) を 0個 追加');
    await page.getByTestId('change-confirm-submit').click();

    // Refused: the server's message under the count of that row, focused; the summary counts it.
    const countError = control(page, 'mailboxes.0.count').locator('.MuiFormHelperText-root');
    await countError.waitFor();
    await expect(countError.textContent()).resolves.toContain('1〜99');
    await expect(page.getByTestId('intake-error-summary').textContent()).resolves.toContain('1件');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('mailboxes.0.count');
    await page.screenshot({ path: join(artifacts, 'intake-change-form.png') });

    // Fixed and sent again: the confirmation shows 変更前/変更後 and the addition.
    await input(page, 'mailboxes.0.count').fill('1');
    await expect(counts.textContent()).resolves.toContain(`現在 ${currentSmtp}個 → 変更後 ${currentSmtp + 1}個`);
    await page.getByTestId('change-submit').click();
    await confirm.waitFor();
    await expect(page.getByTestId('change-confirm-rows').textContent()).resolves.toContain('メールボックス (SMTP/POP3) を 1個 追加');
    await expect(page.getByTestId('change-confirm-fields').textContent()).resolves.toContain(newPhone);
    await page.screenshot({ path: join(artifacts, 'intake-change-confirm.png') });
    await page.keyboard.press('Enter'); // the focused 申込内容を登録する

    // The new application: its receipt number, its items and 変更前/変更後 on its page.
    await page.waitForURL(/\/applications\/[^/]+\/show/);
    const receiptNo = page.getByTestId('receipt-no');
    await receiptNo.waitFor();
    await expect(receiptNo.textContent()).resolves.toMatch(/^\d{6}[A-Z]$/);
    const after = page.getByTestId('change-after').filter({ hasText: newPhone });
    await after.waitFor();
    await page.getByText(office.profile.manager!.phone!).first().waitFor();
    // The mailbox count before and after (the server records 変更前/変更後 of row counts).
    const countRow = page.getByRole('row', { name: /メールボックス数 \(SMTP\/POP3\)/ });
    await countRow.waitFor();
    await expect(countRow.textContent()).resolves.toMatch(new RegExp(`${currentSmtp}\\D*${currentSmtp + 1}`));
    await page.getByRole('tab', { name: /メールボックス/ }).click();
    await page.getByRole('cell', { name: 'SMTP/POP3' }).first().waitFor();
    await page.screenshot({ path: join(artifacts, 'intake-change-application.png') });

    // The server holds it as entered: a 変更申込 of that office with one SMTP/POP3 mailbox added.
    const saved = await gql<{ application: { kind: string; changeItems: string[]; office: { code: string }; mailboxes: Array<{ action: string; mailboxType: string; count: number }> } }>(
      e2e.product,
      'query($r: String) { application(receiptNo: $r) { kind changeItems office { code } mailboxes { action mailboxType count } } }',
      { r: (await receiptNo.textContent())!.trim() },
      token,
    );
    expect(saved.application).toEqual({
      kind: 'CHANGE',
      changeItems: ['MAILBOX', 'MANAGER'],
      office: { code: office.code },
      mailboxes: [{ action: 'ADD', mailboxType: 'SMTP_POP3', count: 1 }],
    });
    await page.close();
  });

  it('管理統計資料 / 保税管理資料保存サービス of a current 利用者コード: the server\'s refusal under the switch, then 有料 なし → あり on the application', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    type Code = { code: string; shared: boolean; statisticsPaid: boolean; endDate: string | null; userIds: Array<{ endDate: string | null }> };
    const data = await gql<{ offices: { items: Array<{ code: string; userCodes: Code[] }> } }>(
      e2e.product, `{ offices(filter: { status: [ACTIVE] }, limit: 100) { items { code userCodes { code shared statisticsPaid endDate userIds { endDate } } } } }`, {}, token);
    const today = productToday();
    const live = (r: { endDate: string | null }) => !r.endDate || r.endDate > today;
    // An office whose first 利用者コード in force is its own, without 管理統計資料 有料, with a 利用者ID in force.
    const office = data.offices.items.find((o) => {
      const first = o.userCodes.filter(live)[0];
      return first && !first.shared && !first.statisticsPaid && first.userIds.some(live);
    });
    if (!office) throw new Error('no active office with a 利用者コード without 管理統計資料 有料 in the demo');
    const code = office.userCodes.filter(live)[0]!.code;

    const page = await openChangeForm(office.code);

    // 保存サービス alone on a code without 管理統計資料 有料: the server refuses, under that code's switch.
    await page.locator('input[data-change-item="BONDED_RECORD_SERVICE"]').check();
    await input(page, 'currentUserCodes.0.bondedRecordService').check();
    await input(page, 'reason').fill('管理統計資料の申込のため。');
    await input(page, 'desiredStartDate').fill(isoDateIn(30));
    await page.getByTestId('change-submit').click();
    await page.getByTestId('change-confirm').waitFor();
    await expect(page.getByTestId('change-confirm-rows').textContent()).resolves.toContain(`利用者コード ${code}: 保税管理資料保存サービス あり`);
    await page.getByTestId('change-confirm-submit').click();
    const refusal = page.locator('#intake-change-user-codes').getByText(/管理統計資料\(有料\)を申し込む場合のみ/);
    await refusal.first().waitFor();

    // Instead 管理統計資料 有料 alone: sent, and the application shows 変更前/変更後 of it.
    await page.locator('input[data-change-item="BONDED_RECORD_SERVICE"]').uncheck();
    await page.locator('input[data-change-item="STATISTICS"]').check();
    await input(page, 'currentUserCodes.0.statisticsPaid').check();
    await page.getByTestId('change-submit').click();
    await page.getByTestId('change-confirm').waitFor();
    await page.getByTestId('change-confirm-submit').click();
    await page.waitForURL(/\/applications\/[^/]+\/show/);
    const row = page.getByRole('row', { name: new RegExp(`利用者コード ${code} 管理統計資料 有料`) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/なし.*あり/);
    await page.screenshot({ path: join(artifacts, 'intake-change-statistics.png') });
    await page.close();
  });

  it('一般NACCS回線: a current line changed from its registered values, the server\'s refusal under the line\'s field', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    type Line = { ipAddress: string | null; speed: string; lineType: string; endDate: string | null };
    const data = await gql<{ offices: { items: Array<{ code: string; lines: Line[] }> } }>(
      e2e.product, `{ offices(filter: { status: [ACTIVE] }, limit: 100) { items { code lines { ipAddress speed lineType endDate } } } }`, {}, token);
    const today = productToday();
    const office = data.offices.items.find((o) => o.lines.some((l) => !l.endDate || l.endDate > today));
    if (!office) throw new Error('no active office with a line in the demo');
    const line = office.lines.filter((l) => !l.endDate || l.endDate > today)[0]!;

    const page = await openChangeForm(office.code);

    await page.locator('input[data-change-item="GENERAL_LINE"]').check();
    const section = page.locator('#intake-change-lines');
    await section.getByText(line.ipAddress!).waitFor();
    await input(page, 'currentLines.0.change').check();
    // The line's fields open with its registered values.
    await expect(input(page, 'currentLines.0.speed').inputValue()).resolves.toBe(line.speed);
    await input(page, 'reason').fill('回線の保守時間帯を変更するため。');
    await input(page, 'desiredStartDate').fill(isoDateIn(30));
    // No 工事希望日: the server's refusal under that field of the line.
    await page.getByTestId('change-submit').click();
    await page.getByTestId('change-confirm').waitFor();
    await expect(page.getByTestId('change-confirm-rows').textContent()).resolves.toContain(`回線 ${line.ipAddress} を変更`);
    await page.getByTestId('change-confirm-submit').click();
    const dateError = control(page, 'currentLines.0.constructionDate').locator('.MuiFormHelperText-root');
    await dateError.waitFor();
    await expect(dateError.textContent()).resolves.toContain('工事希望日');
    await page.screenshot({ path: join(artifacts, 'intake-change-line.png') });
    await page.close();
  });

  it('変更(通関士): 通関士ID for two 通関士 on a 通関業 利用者コード, registered as an application of that kind', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    type Code = { code: string; endDate: string | null; userIds: Array<{ industries: string[]; endDate: string | null }> };
    const data = await gql<{ offices: { items: Array<{ code: string; userCodes: Code[] }> } }>(
      e2e.product, `{ offices(filter: { status: [ACTIVE] }, limit: 100) { items { code userCodes { code endDate userIds { industries endDate } } } } }`, {}, token);
    const today = productToday();
    const live = (r: { endDate: string | null }) => !r.endDate || r.endDate > today;
    const broker = (o: { userCodes: Code[] }) => o.userCodes.filter(live).filter((c) => c.userIds.some((u) => live(u) && u.industries.includes('CUSTOMS_BROKER')));
    const office = data.offices.items.find((o) => broker(o).length === 1);
    if (!office) throw new Error('no active office with one 通関業 利用者コード in the demo');

    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    await openIntake(page, 'intake-mode-customs-officer', office.code);
    // The office's one 通関業 code is chosen from the start.
    await control(page, 'userCode').getByText(broker(office)[0]!.code).waitFor();
    await input(page, 'identCount').fill('2');
    await input(page, 'reason').fill('通関士2名の着任のため。');
    await input(page, 'desiredStartDate').fill(isoDateIn(30));
    await page.getByTestId('customs-officer-submit').click();
    await page.waitForURL(/\/applications\/[^/]+\/show/);
    await page.getByText('変更(通関士)').first().waitFor();
    await page.screenshot({ path: join(artifacts, 'intake-customs-officer.png') });
    await page.close();
  });
});
