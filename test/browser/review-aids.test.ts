import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifacts, gqlResult, signIn as signInAs, staffToken, useProduct } from '../support/console.js';
import { productToday } from '../support/server.js';

// Issue 20 ③④: a change application with a terminal, a mailbox and a manager change shows all three in the comparison
// (変更前 struck through → 変更後 highlighted, also on the tab of each item); the queue shows 営業日 to the desired start
// date (from the server) and days waiting, and 期限が近い lists the nearest deadline first.
const e2e = useProduct('e2e-review-aids');
let token: string;

beforeAll(async () => {
  token = await staffToken(e2e.product, 'reviewer@example.jp');
});

/** The API as the reviewer. */
const gql = <T>(query: string, variables: Record<string, unknown>) => gqlResult<T>(e2e.product, query, variables, token);

const isoDateIn = (days: number): string => new Date(Date.parse(`${productToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface DemoOffice {
  code: string;
  terminals: Array<{ name: string; type: string; systemCategory: string; endDate: string | null }>;
  mailboxes: Array<{ mailboxId: string; type: string; endDate: string | null }>;
  profile: { manager: { lastName: string; firstName: string } | null };
}

async function signIn(): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'ja-JP' });
  await signInAs(page, e2e.product, 'reviewer@example.jp');
  await page.locator('#main-content').getByText('申込受付番号').first().waitFor();
  return page;
}

describe('review aids', () => {
  it('a terminal, a mailbox and a manager change: all three in the comparison, each also on its tab', async () => {
    const offices = (await gql<{ offices: { items: DemoOffice[] } }>(
      '{ offices(filter: { status: [ACTIVE] }, limit: 100) { items { code terminals { name type systemCategory endDate } mailboxes { mailboxId type endDate } profile { manager { lastName firstName } } } } }', {})).data!.offices.items;
    const office = offices.find((o) => o.terminals.some((t) => t.type === 'NET' && t.systemCategory === 'SEA' && !t.endDate));
    if (!office) throw new Error('no active office with a netNACCS 海上 terminal in the demo');
    const terminal = office.terminals.find((t) => t.type === 'NET' && t.systemCategory === 'SEA' && !t.endDate)!;
    const person = { lastNameKana: 'カンリ', firstNameKana: 'ジロウ', department: '総務部', phone: '0123456789', email: 'kanri.jiro@naccs.co.jp', emailConfirmation: 'kanri.jiro@naccs.co.jp' };
    const submitted = await gql<{ submitChangeApplication: { id: string; changes: Array<{ item: string }> } }>(
      'mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id changes { item } } }',
      {
        o: office.code,
        i: {
          changeItems: ['NET_TERMINAL', 'MAILBOX', 'MANAGER'], reason: '航空貨物の取扱開始と担当者の異動のため', desiredStartDate: isoDateIn(40),
          applicant: { lastName: '混載', firstName: '一郎', lastNameKana: 'コンサイ', firstNameKana: 'イチロウ', department: '総務部', phone: '0123456789', email: 'konsai.ichiro@naccs.co.jp', emailConfirmation: 'konsai.ichiro@naccs.co.jp' },
          terminals: [{ action: 'CHANGE', terminalType: 'NET', systemCategory: 'SEA', terminalName: terminal.name, newSystemCategory: 'AIR' }],
          mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }],
          office: { manager: { lastName: '管理', firstName: '次郎', ...person } },
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
    expect(new Set(submitted.data!.submitChangeApplication.changes.map((c) => c.item))).toEqual(new Set(['NET_TERMINAL', 'MAILBOX', 'MANAGER']));
    const page = await signIn();
    await page.goto(`${e2e.product.url}/#/applications/${submitted.data!.submitChangeApplication.id}/show`);

    // The comparison on 申込内容: the terminal's 区分, the mailbox count and the manager, each 変更前 → 変更後.
    const terminalRow = page.getByRole('row').filter({ hasText: `論理端末 ${terminal.name} システム区分` });
    await terminalRow.waitFor();
    await expect(terminalRow.getByTestId('change-inline').getAttribute('aria-label')).resolves.toBe('変更前 海上、変更後 航空');
    await expect(terminalRow.locator('del').textContent()).resolves.toBe('海上');
    await expect(terminalRow.getByTestId('change-after').textContent()).resolves.toBe('航空');
    const mailboxRow = page.getByRole('row').filter({ hasText: 'メールボックス数 (SMTP/POP3)' });
    await mailboxRow.waitFor();
    const current = office.mailboxes.filter((m) => m.type === 'SMTP_POP3' && !m.endDate).length;
    await expect(mailboxRow.getByTestId('change-inline').getAttribute('aria-label')).resolves.toBe(`変更前 ${current}、変更後 ${current + 1}`);
    // 姓 before 名: the manager's 姓 (管理) is listed before the 名 (次郎).
    const afters = await page.getByTestId('change-after').allTextContents();
    expect(afters).toContain('管理');
    expect(afters.indexOf('管理')).toBeLessThan(afters.indexOf('次郎'));
    await expect(page.getByText('変更前/変更後の記録はありません').count()).resolves.toBe(0);
    await page.screenshot({ path: join(artifacts, 'review-aids-comparison.png'), fullPage: true });

    // Each item's tab opens with its own changes.
    await page.getByRole('tab', { name: /^論理端末・証明書/ }).click();
    await page.getByTestId('tab-changes').getByText(`論理端末 ${terminal.name} システム区分`).waitFor();
    await page.getByRole('tab', { name: /メールボックス/ }).click();
    await page.getByTestId('tab-changes').getByText('メールボックス数 (SMTP/POP3)').waitFor();
    await page.close();
  });

  it('the queue: 希望日まで (営業日 from the server) and 経過日数 columns, 期限が近い nearest deadline first with its tooltip', async () => {
    const due = (await gql<{ applications: { items: Array<{ receiptNo: string; businessDaysToStart: number }> } }>(
      '{ applications(filter: { queue: DUE_SOON }, sort: { field: DESIRED_START_DATE, order: ASC }, limit: 25) { items { receiptNo businessDaysToStart } } }', {})).data!.applications.items;
    if (!due.length) throw new Error('no application in 期限が近い in the demo');
    const page = await signIn();
    await page.getByRole('columnheader', { name: '希望日まで' }).waitFor();
    await page.getByRole('columnheader', { name: '経過日数' }).waitFor();
    await page.getByTestId('queue-hint-DUE_SOON').hover();
    await page.getByRole('tooltip').getByText(/期限の近い順/).waitFor();
    await page.getByTestId('queue-DUE_SOON').click();
    await page.waitForURL(/desiredStartDate/);
    const cells = page.getByTestId('days-to-start');
    await expect.poll(async () => (await cells.first().getAttribute('data-days'))).toBe(String(due[0]!.businessDaysToStart));
    const days = (await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-days')))));
    expect(days).toEqual(due.map((a) => a.businessDaysToStart));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    // An overdue one says so in words, not by colour only.
    const overdue = due.findIndex((a) => a.businessDaysToStart < 0);
    if (overdue >= 0) await expect(cells.nth(overdue).textContent()).resolves.toContain('期限超過');
    await expect(page.getByTestId('days-waiting').first().textContent()).resolves.toMatch(/^\d+日/);
    // The automatic checks' icon with the count of findings, as the server sums them for the row.
    const checked = (await gql<{ applications: { items: Array<{ receiptNo: string; checkSummary: { blocker: number; warning: number; info: number } }> } }>(
      '{ applications(filter: { queue: DUE_SOON }, sort: { field: DESIRED_START_DATE, order: ASC }, limit: 25) { items { receiptNo checkSummary { blocker warning info } } } }', {})).data!.applications.items
      .find((a) => a.checkSummary.blocker + a.checkSummary.warning + a.checkSummary.info > 0);
    if (checked) {
      const icon = page.getByRole('row').filter({ hasText: checked.receiptNo }).getByTestId('checks-icon');
      await icon.waitFor();
      const { blocker, warning, info } = checked.checkSummary;
      await expect(icon.getAttribute('data-count')).resolves.toBe(String(blocker + warning + info));
    }
    await page.screenshot({ path: join(artifacts, 'review-aids-due-soon.png') });
    await page.close();
  });
});
