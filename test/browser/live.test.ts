// Live updates in the console (issue 19): two reviewers signed in in two browser contexts see each other on an
// application (閲覧中), one returns it and the other's open page says so and its list's counts move without a reload,
// the other closes the page and is gone from the first's at once (leaveApplication, not the 22 s sweep); 次の申込へ
// opens the next application of the queue, J/K/Enter move through the list, and a page back from a dropped connection
// reads again what it missed.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifacts, gql, signIn, staffToken, useProduct } from '../support/console.js';

const e2e = useProduct('e2e-live');
const contexts: BrowserContext[] = [];

// Registered after useProduct's, so it runs before the browser closes (vitest runs after-hooks in reverse).
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
});

interface Row {
  id: string;
  receiptNo: string;
  version: number;
}

/** The 未割当 queue as the console lists it for a reviewer (the oldest first). */
async function unassigned(token: string): Promise<Row[]> {
  const data = await gql<{ applications: { items: Row[] } }>(
    e2e.product,
    '{ applications(filter: { queue: UNASSIGNED }, sort: { field: RECEIVED_AT, order: ASC }, limit: 25) { items { id receiptNo version } } }',
    {},
    token,
  );
  return data.applications.items;
}

/** A browser context of its own (its own localStorage: its own session), signed in. */
async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
  contexts.push(context);
  const page = await context.newPage();
  try {
    await signIn(page, e2e.product, email, { path: '/' });
  } catch (e) {
    await page.screenshot({ path: join(artifacts, `live-sign-in-${email}.png`) }).catch(() => undefined);
    throw e;
  }
  return { context, page };
}

const pageErrors = (page: Page, errors: string[]) => page.on('pageerror', (e) => errors.push(e.message));

/** The count on a queue tab (its badge), or '' while it loads. */
const countOf = async (page: Page, queue: string) => (await page.getByTestId(`queue-${queue}`).textContent())!.replace(/\D/g, '');

/** Marks the page's window: the mark is still there only if the page was not reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

describe('live updates between two reviewers', () => {
  it('presence both ways; a return reaches the other page (banner) and list (count, updates bar) without a reload; closing the page ends presence; 次の申込へ', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const [target] = await unassigned(token);
    expect(target).toBeDefined();
    // 審査 一郎 takes it (審査中): his to return, and 審査 二郎 sees whose it is.
    await gql(e2e.product, 'mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { status } }', { id: target!.id, v: target!.version }, token);

    const errors: string[] = [];
    const one = await signedIn('reviewer@example.jp');
    const two = await signedIn('reviewer2@example.jp');
    pageErrors(one.page, errors);
    pageErrors(two.page, errors);

    // 審査 二郎's list, narrowed to the application (so its 確認事項あり count is 0 and then 1).
    const list = two.page;
    await list.goto(`${e2e.product.url}/#/applications?filter=${encodeURIComponent(JSON.stringify({ queue: 'ALL', q: target!.receiptNo }))}`);
    const row = list.locator('#main-content tbody tr', { hasText: target!.receiptNo });
    await row.waitFor();
    await expect.poll(() => countOf(list, 'RETURNED')).toBe('0');
    await mark(list);

    // Both open the application: each sees the other (never himself).
    const page1 = one.page;
    await page1.goto(`${e2e.product.url}/#/applications/${target!.id}/show`);
    await page1.getByTestId('receipt-no').getByText(target!.receiptNo).waitFor();
    const page2 = await two.context.newPage();
    pageErrors(page2, errors);
    await page2.goto(`${e2e.product.url}/#/applications/${target!.id}/show`);
    await page2.getByTestId('receipt-no').getByText(target!.receiptNo).waitFor();
    await mark(page2);

    await page1.getByText('審査 二郎 が閲覧中').waitFor();
    await page2.getByText('審査 一郎 が閲覧中').waitFor();
    await expect(page1.getByText('審査 一郎 が閲覧中').count()).resolves.toBe(0);
    // Whose it is, and why 審査 二郎 has no review actions.
    await expect(page2.getByTestId('assignee-banner').textContent()).resolves.toContain('審査 一郎が担当中');
    await expect(page2.getByTestId('return').count()).resolves.toBe(0);
    await expect(page1.getByTestId('assignee-banner').count()).resolves.toBe(0);
    // The list's row shows who has it open (the icon's label names them).
    await expect.poll(() => row.getByTestId('viewers-icon').getAttribute('aria-label').catch(() => null)).toContain('審査 一郎');

    // 審査 一郎 returns it.
    await page1.getByTestId('return').click();
    await page1.getByTestId('return-dialog').locator('textarea[name="message"]').fill('登記事項証明書を添付してください。');
    await page1.getByTestId('return-dialog-confirm').click();
    await page1.getByText('確認事項ありにしました').waitFor();

    // 審査 二郎's open page says who did what, without a reload; 再読み込み shows it.
    const banner = page2.getByTestId('change-banner');
    await banner.waitFor({ timeout: 10_000 });
    await expect(banner.textContent()).resolves.toContain('審査 一郎 が確認事項を送りました');
    await expect(marked(page2)).resolves.toBe(true);
    await page2.screenshot({ path: join(artifacts, 'live-banner.png') });
    await page2.getByTestId('change-banner-reload').click();
    await banner.waitFor({ state: 'detached' });
    await page2.locator('#main-content').getByText('登記事項証明書を添付してください。').first().waitFor();
    // His own return gave 審査 一郎 no banner.
    await expect(page1.getByTestId('change-banner').count()).resolves.toBe(0);

    // 審査 二郎's list: the count moved by itself; the row waits behind 「1件の更新があります」 until asked.
    await expect.poll(() => countOf(list, 'RETURNED'), { timeout: 10_000 }).toBe('1');
    await expect(list.getByTestId('updates-bar').textContent()).resolves.toContain('1件の更新があります');
    await expect(marked(list)).resolves.toBe(true);
    await list.screenshot({ path: join(artifacts, 'live-list.png') });
    await list.getByTestId('updates-show').click();
    await row.getByText('確認事項あり').waitFor();
    await list.getByTestId('updates-bar').waitFor({ state: 'detached' });

    // 審査 二郎 closes the page: gone from 審査 一郎's within seconds (leaveApplication; the sweep would take 22 s).
    const closed = Date.now();
    await page2.close({ runBeforeUnload: true });
    await page1.getByText('審査 二郎 が閲覧中').waitFor({ state: 'detached', timeout: 15_000 });
    expect(Date.now() - closed).toBeLessThan(15_000);

    // 次の申込へ after the return: the next of his queue (未割当, the oldest first — where the list opens for him).
    const expected = (await unassigned(token))[0]!;
    await page1.getByTestId('next-application').click();
    await page1.waitForURL(new RegExp(`/applications/${expected.id}/show`));
    await page1.getByTestId('receipt-no').getByText(expected.receiptNo).waitFor();
    await expect(page1.getByTestId('next-application').count()).resolves.toBe(0);

    expect(errors).toEqual([]);
  });

  it('J/K move a highlighted row over the list, Enter opens it; not while typing in the search', async () => {
    const { page } = await signedIn('reviewer2@example.jp');
    await page.goto(`${e2e.product.url}/#/applications`);
    const rows = page.locator('#main-content tbody tr');
    await rows.nth(2).waitFor();
    const second = (await rows.nth(1).locator('a').first().textContent())!.trim();

    // Typing j in the search moves nothing.
    const search = page.locator('input[name="q"]');
    await search.click();
    await search.press('j');
    await expect(page.locator('#main-content tbody tr[aria-current="true"]').count()).resolves.toBe(0);
    await search.press('Backspace');
    await expect.poll(() => rows.nth(1).locator('a').first().textContent().then((t) => t?.trim()).catch(() => null)).toBe(second);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    for (const key of ['j', 'j', 'j', 'k']) await page.keyboard.press(key);
    await expect(rows.nth(1).getAttribute('aria-current')).resolves.toBe('true');
    await expect(page.locator('#main-content tbody tr[aria-current="true"]').count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/applications\/[^/]+\/show/);
    await page.getByTestId('receipt-no').getByText(second).waitFor();
  });

  it('after a dropped connection the application page reads again what it missed, without a reload', async () => {
    const token2 = await staffToken(e2e.product, 'reviewer2@example.jp');
    const [app] = await unassigned(token2);
    const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    contexts.push(context);
    // The page's WebSockets, kept to drop them; while `blockLive`, a new one goes nowhere (the server is unreachable).
    await context.addInitScript(() => {
      const w = window as unknown as { liveSockets: WebSocket[]; blockLive: boolean; WebSocket: typeof WebSocket };
      const Original = w.WebSocket;
      w.liveSockets = [];
      w.blockLive = false;
      w.WebSocket = class extends Original {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(w.blockLive ? 'ws://127.0.0.1:9/' : url, protocols);
          w.liveSockets.push(this);
        }
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors(page, errors);
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/' });
    await page.goto(`${e2e.product.url}/#/applications/${app!.id}/show`);
    await page.getByTestId('receipt-no').getByText(app!.receiptNo).waitFor();
    const historyTab = page.getByRole('tab', { name: /^履歴/ });
    const historyCount = async () => Number(/\((\d+)\)/.exec((await historyTab.textContent()) ?? '')?.[1] ?? 0);
    const before = await historyCount();
    const open = () => page.evaluate(() => (window as unknown as { liveSockets: WebSocket[] }).liveSockets.some((s) => s.readyState === WebSocket.OPEN));
    await expect.poll(open).toBe(true);
    await mark(page);

    // The connection drops and stays down while 審査 二郎 adds a 社内メモ: its event is missed.
    await page.evaluate(() => {
      const w = window as unknown as { liveSockets: WebSocket[]; blockLive: boolean };
      w.blockLive = true;
      for (const s of w.liveSockets) if (s.readyState === WebSocket.OPEN) s.close(3000, 'test: connection lost');
    });
    await expect.poll(open).toBe(false);
    await gql(e2e.product, 'mutation($id: ID!) { addInternalNote(id: $id, message: "接続が切れている間のメモ") { version } }', { id: app!.id }, token2);
    await page.waitForTimeout(1_000);
    expect(await historyCount()).toBe(before);

    // Back: the page reads the application again by itself.
    await page.evaluate(() => ((window as unknown as { blockLive: boolean }).blockLive = false));
    await expect.poll(historyCount, { timeout: 40_000 }).toBe(before + 1);
    await expect(marked(page)).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
