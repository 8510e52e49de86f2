// CSV export and printing in the console (issue 18): the support desk filters the application list and presses
// CSVダウンロード — the file the browser saves is the list for that filter (every page, the same order, Japanese
// header after the BOM); printing the application page and its ID通知内容 shows the content without the app bar, the
// menu or any button, on A4.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifacts, gql, signIn as signInAs, useProduct } from '../support/console.js';

const e2e = useProduct('e2e-exports');

async function signIn(email: string): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP', acceptDownloads: true });
  await signInAs(page, e2e.product, email, { path: '/' });
  return page;
}

/** First column of each record after the header (receipt numbers hold no comma, quote or line break). */
const firstColumn = (text: string) => text.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]);

describe('CSV export from the console', () => {
  it('downloads the filtered application list — every page, in the list\'s order — with the token', async () => {
    const page = await signIn('support@example.jp');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const token = (await page.evaluate(() => localStorage.getItem('naccs.token')))!;
    // 審査終了 only, oldest receipt number first: the list's filter and sort as the screen holds them.
    const filter = { queue: 'ALL', status: ['APPROVED'] };
    await page.goto(`${e2e.product.url}/#/applications?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=receiptNo&order=ASC&page=1&perPage=25`);
    await page.locator('#main-content tbody tr').first().waitFor();

    const expected: string[] = [];
    let total = 0;
    for (let offset = 0; offset === 0 || offset < total; offset += 100) {
      const data = await gql<{ applications: { totalCount: number; items: Array<{ receiptNo: string }> } }>(
        e2e.product,
        'query($f: ApplicationFilter, $o: Int) { applications(filter: $f, sort: { field: RECEIPT_NO, order: ASC }, offset: $o, limit: 100) { totalCount items { receiptNo } } }',
        { f: { status: ['APPROVED'] }, o: offset }, token);
      total = data.applications.totalCount;
      expected.push(...data.applications.items.map((a) => a.receiptNo));
    }
    expect(total).toBeGreaterThan(25); // more than the page on screen

    const button = page.getByTestId('csv-export');
    await expect(button.textContent()).resolves.toContain('CSVダウンロード');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^利用申込一覧_\d{8}\.csv$/);
    const file = join(artifacts, 'exports-applications.csv');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('申込受付番号,申込種別,状態,企業名,事業所コード,事業所名,審査担当,申込日時,利用開始希望日,利用開始日');
    expect(firstColumn(text)).toEqual(expected);
    // Done: the button is back, and says how many rows went into the file.
    await page.getByText(new RegExp(`${total.toLocaleString('ja-JP')}件`)).waitFor();
    await expect(button.isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('printing', () => {
  /** What print media leaves visible: the app bar, the menu, buttons (tab labels are not buttons to press on paper). */
  const chrome = (page: Page) => page.evaluate(() => {
    // Rendered at all (no display: none on it or an ancestor; fixed app bars have no offsetParent) and not hidden.
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      appBar: [...document.querySelectorAll('header')].some(shown),
      menu: [...document.querySelectorAll('.RaSidebar-root, [role="menuitem"]')].some(shown),
      buttons: [...document.querySelectorAll('button:not([role="tab"]), .MuiButton-root, .MuiIconButton-root')].filter(shown).map((b) => b.textContent),
      tabs: [...document.querySelectorAll('[role="tab"]')].filter(shown).map((t) => t.textContent),
    };
  });

  it('prints the application page and its ID通知内容 without navigation or buttons, on A4', async () => {
    const page = await signIn('supervisor@example.jp');
    const token = (await page.evaluate(() => localStorage.getItem('naccs.token')))!;
    const { applications } = await gql<{ applications: { items: Array<{ id: string; receiptNo: string }> } }>(
      e2e.product, '{ applications(filter: { status: [APPROVED], kind: [NEW] }, limit: 1) { items { id receiptNo } } }', {}, token);
    const app = applications.items[0]!;
    await page.goto(`${e2e.product.url}/#/applications/${app.id}/show`);
    await page.getByTestId('receipt-no').getByText(app.receiptNo).waitFor();

    const screen = await chrome(page);
    expect(screen.appBar).toBe(true);
    expect(screen.buttons.length).toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    const printed = await chrome(page);
    expect(printed.appBar).toBe(false);
    expect(printed.menu).toBe(false);
    expect(printed.buttons).toEqual([]);
    expect(printed.tabs).toHaveLength(1); // the open tab's label, as the heading of what follows
    await expect(page.getByTestId('receipt-no').isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ path: join(artifacts, 'exports-application.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // ID通知内容: what the tab shows on screen, printed the same way.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('tab', { name: /ID通知内容/ }).click();
    await page.waitForURL(/\/id-notice/);
    const notice = page.getByTestId('id-notice');
    await notice.locator('td').first().waitFor();
    /** The notice's cells as they are shown (codes, counts, masked passwords). */
    const cells = () => notice.locator('td').evaluateAll((tds) =>
      tds.filter((td) => td.getClientRects().length > 0).map((td) => (td as HTMLElement).innerText.trim()));
    const onScreen = await cells();
    expect(onScreen.length).toBeGreaterThan(3);
    await page.emulateMedia({ media: 'print' });
    const printedNotice = await chrome(page);
    expect(printedNotice.appBar).toBe(false);
    expect(printedNotice.buttons).toEqual([]);
    expect(printedNotice.tabs.join()).toContain('ID通知内容');
    // Every cell on screen is on paper, as shown.
    expect(await cells()).toEqual(onScreen);
    await page.pdf({ path: join(artifacts, 'exports-id-notice.pdf'), format: 'A4' });
    await page.close();
  });
});
