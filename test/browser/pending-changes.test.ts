import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifacts, gqlResult, signIn, staffToken, useProduct } from '../support/console.js';
import { productToday } from '../support/server.js';

// Seed 003's 区分の変更 of a netNACCS terminal, approved with a start date weeks ahead: the office page keeps the current
// システム区分 and shows the change as pending ("2027/01/22 から 航空"), as does the application's 論理端末 tab.
const e2e = useProduct('e2e-pending-changes');

const isoDateIn = (days: number): string => new Date(Date.parse(`${productToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const slashed = (iso: string) => iso.replaceAll('-', '/');

interface DemoOffice {
  id: string;
  code: string;
  terminals: Array<{ name: string; type: string; systemCategory: string; endDate: string | null }>;
}

describe('pending contract changes in the console', () => {
  it('shows an approved 区分の変更 as "… から 航空" on the office page and the application, the current 区分 unchanged', async () => {
    const token = await staffToken(e2e.product, 'supervisor@example.jp');
    const offices = (await gqlResult<{ offices: { items: DemoOffice[] } }>(
      e2e.product, '{ offices(filter: { status: [ACTIVE] }, limit: 100) { items { id code terminals { name type systemCategory endDate } } } }', {}, token)).data!.offices.items;
    const office = offices.find((o) => o.terminals.some((t) => t.type === 'NET' && t.systemCategory === 'SEA' && !t.endDate));
    if (!office) throw new Error('no active office with a netNACCS 海上 terminal in the demo');
    const terminal = office.terminals.find((t) => t.type === 'NET' && t.systemCategory === 'SEA' && !t.endDate)!;

    const submitted = await gqlResult<{ submitChangeApplication: { id: string } }>(
      e2e.product,
      'mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id } }',
      {
        o: office.code,
        i: {
          changeItems: ['NET_TERMINAL'], reason: '航空貨物の取扱開始のため', desiredStartDate: isoDateIn(28),
          applicant: { lastName: '混載', firstName: '一郎', lastNameKana: 'コンサイ', firstNameKana: 'イチロウ', department: '総務部', phone: '0123456789', email: 'konsai.ichiro@naccs.co.jp', emailConfirmation: 'konsai.ichiro@naccs.co.jp' },
          terminals: [{ action: 'CHANGE', terminalType: 'NET', systemCategory: 'SEA', terminalName: terminal.name, newSystemCategory: 'AIR' }],
        },
      },
      token,
    );
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.submitChangeApplication.id;
    const version = (await gqlResult<{ assignApplication: { version: number } }>(e2e.product, 'mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, token)).data!.assignApplication.version;
    // The first business day four weeks ahead (a weekend or holiday is refused as a start date).
    let startDate = '';
    for (let day = 28; !startDate && day < 40; day++) {
      const approved = await gqlResult(e2e.product, 'mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', { id, v: version, d: isoDateIn(day) }, token);
      if (!approved.errors) startDate = isoDateIn(day);
    }
    expect(startDate).not.toBe('');

    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'supervisor@example.jp', { path: '/' });
    await page.getByRole('menuitem', { name: /事業所/ }).first().waitFor();

    // The office page: the change listed as scheduled, the terminal still 海上 with the change beside it.
    await page.goto(`${e2e.product.url}/#/offices/${office.id}/show`);
    const pending = page.getByTestId('pending-changes');
    await pending.waitFor();
    // Polled: a panel is in the page before its query has answered.
    await expect.poll(() => pending.textContent()).toContain(`${slashed(startDate)} から 航空`);
    await expect.poll(() => pending.textContent()).toContain(terminal.name);
    await page.screenshot({ path: join(artifacts, 'office-pending-changes.png') });
    await page.getByRole('tab', { name: 'netNACCS' }).click();
    const row = page.getByRole('row').filter({ hasText: terminal.name });
    await row.getByTestId('pending-value').waitFor();
    await expect.poll(() => row.textContent()).toContain('海上');
    await expect.poll(() => row.getByTestId('pending-value').textContent()).toBe(`${slashed(startDate)} から 航空`);
    await page.screenshot({ path: join(artifacts, 'office-pending-change.png') });

    // The contract on the start date: the terminal is 航空 that day (海上 today).
    await page.getByRole('tab', { name: '契約内容 (日付指定)' }).click();
    await page.getByTestId('contract-as-of-date').fill(startDate);
    const data = page.getByTestId('as-of-data');
    await data.getByText(terminal.name).waitFor();
    // The rows of the date typed, not those of a date the field held a moment before.
    await expect.poll(() => data.getByRole('row').filter({ hasText: terminal.name }).first().textContent()).toMatch(/航空.*海上/);
    await page.screenshot({ path: join(artifacts, 'office-contract-as-of-data.png') });

    // The application: its 区分の変更 waits for the start date.
    await page.goto(`${e2e.product.url}/#/applications/${id}/show`);
    await page.getByRole('tab', { name: /^論理端末・証明書/ }).click();
    await page.getByRole('cell', { name: `${slashed(startDate)} から 航空` }).waitFor();
    await page.close();
  });
});
