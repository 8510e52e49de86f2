import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifacts, gql, signIn, staffToken, useProduct } from '../support/console.js';

const e2e = useProduct('e2e-dashboard');

type Counts = Record<'unassigned' | 'mine' | 'returned' | 'dueSoon' | 'all', number>;
const QUEUES: Array<[queue: string, field: keyof Counts]> = [
  ['UNASSIGNED', 'unassigned'],
  ['MINE', 'mine'],
  ['RETURNED', 'returned'],
  ['DUE_SOON', 'dueSoon'],
  ['ALL', 'all'],
];

const queueCounts = async (token: string): Promise<Counts> =>
  (await gql<{ reviewQueueCounts: Counts }>(e2e.product, '{ reviewQueueCounts { unassigned mine returned dueSoon all } }', {}, token)).reviewQueueCounts;

/** The count a queue card shows (its data-count), or null while the card is not there. */
const cardCount = async (page: Page, queue: string): Promise<number | null> => {
  const count = page.getByTestId(`dashboard-queue-${queue}-count`);
  return (await count.count()) ? Number(await count.getAttribute('data-count')) : null;
};

describe('dashboard (ダッシュボード), the console\'s home page', () => {
  it('shows a reviewer the server\'s queue counts and the throughput chart, and 自分に割り当て takes the oldest unassigned application', async () => {
    const token = await staffToken(e2e.product, 'reviewer@example.jp');
    const { me } = await gql<{ me: { id: string } }>(e2e.product, '{ me { id } }', {}, token);
    const before = await queueCounts(token);
    // The demo has work nobody has taken: the take below has something to take.
    expect(before.unassigned).toBeGreaterThan(0);

    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/' });

    // Signing in opens the dashboard, with every queue's count as the server counts it.
    await page.locator('#main-content').getByRole('heading', { name: 'ダッシュボード', level: 1 }).waitFor();
    for (const [queue, field] of QUEUES) await expect.poll(() => cardCount(page, queue)).toBe(before[field]);
    // A queue card opens the list on that tab.
    await expect(page.getByTestId('dashboard-queue-DUE_SOON').getByRole('link').getAttribute('href')).resolves.toContain('DUE_SOON');

    // Throughput: a stacked bar chart (an svg with bars) of 12 weeks, loaded after the figures.
    const chart = page.getByTestId('throughput-chart');
    await chart.locator('svg').first().waitFor();
    await expect(chart.getByText('新規').count()).resolves.toBeGreaterThan(0);
    // Its numbers (the table read to screen readers beside the svg) are the server's 12 weeks, oldest first.
    const { reviewDashboard } = await gql<{ reviewDashboard: { throughput: Array<{ new: number; change: number; termination: number }> } }>(
      e2e.product,
      '{ reviewDashboard { throughput { weekStart new change termination } } }',
      {},
      token,
    );
    expect(reviewDashboard.throughput).toHaveLength(12);
    const shownWeeks = await chart.locator('table tbody tr').evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => Number(td.textContent))),
    );
    expect(shownWeeks).toEqual(reviewDashboard.throughput.map((w) => [w.new, w.change, w.termination]));
    await page.getByTestId('received-age-chart').locator('svg').first().waitFor();
    await page.getByTestId('start-age-chart').locator('svg').first().waitFor();
    // Nothing of it (the charts' hidden number tables included) widens the page beyond the window.
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });

    // The oldest unassigned applications, oldest first: the first is the one the 未割当 queue lists first.
    const table = page.getByTestId('dashboard-oldest-unassigned');
    const firstRow = table.locator('tbody tr').first();
    const receiptNo = (await firstRow.getAttribute('data-receipt-no'))!;
    const { applications } = await gql<{ applications: { items: Array<{ receiptNo: string }> } }>(
      e2e.product,
      '{ applications(filter: { queue: UNASSIGNED }, sort: { field: RECEIVED_AT, order: ASC }, limit: 1) { items { receiptNo } } }',
      {},
      token,
    );
    expect(receiptNo).toBe(applications.items[0]!.receiptNo);

    // Take it from the keyboard: the button is reachable and named.
    const take = firstRow.getByRole('button', { name: '自分に割り当て' });
    await take.focus();
    await take.press('Enter');
    await page.getByText(`申込受付番号 ${receiptNo} を割り当てました`).waitFor();

    // The server has it assigned to the reviewer.
    const { application } = await gql<{ application: { assignee: { id: string } | null; status: string } }>(
      e2e.product,
      'query($r: String) { application(receiptNo: $r) { assignee { id } status } }',
      { r: receiptNo },
      token,
    );
    expect(application.assignee?.id).toBe(me.id);
    expect(application.status).toBe('IN_REVIEW');

    // The dashboard reloads: the row left the list, 未割当 counts one less and 自分の担当 one more.
    await table.locator(`tbody tr[data-receipt-no="${receiptNo}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => cardCount(page, 'UNASSIGNED')).toBe(before.unassigned - 1);
    await expect.poll(() => cardCount(page, 'MINE')).toBe(before.mine + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the support desk the figures without 自分に割り当て', async () => {
    const token = await staffToken(e2e.product, 'support@example.jp');
    const counts = await queueCounts(token);
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    await signIn(page, e2e.product, 'support@example.jp', { path: '/' });
    await page.locator('#main-content').getByRole('heading', { name: 'ダッシュボード', level: 1 }).waitFor();
    await expect.poll(() => cardCount(page, 'ALL')).toBe(counts.all);
    await expect.poll(() => cardCount(page, 'UNASSIGNED')).toBe(counts.unassigned);
    // 自分の担当 is for staff who take applications; so is the take button.
    await expect(page.getByTestId('dashboard-queue-MINE').count()).resolves.toBe(0);
    await page.getByTestId('dashboard-oldest-unassigned').locator('tbody tr').first().waitFor();
    await expect(page.getByRole('button', { name: '自分に割り当て' }).count()).resolves.toBe(0);
    await page.getByTestId('throughput-chart').locator('svg').first().waitFor();
    await page.close();
  });

  it('reads the figures again every minute: once every application is taken elsewhere, 未割当の申込はありません', async () => {
    const supervisor = await staffToken(e2e.product, 'supervisor@example.jp');
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    // The page's timers run on a clock the test can move: the minute passes without waiting for it.
    await page.clock.install();
    await signIn(page, e2e.product, 'reviewer@example.jp', { path: '/' });
    const table = page.getByTestId('dashboard-oldest-unassigned');
    await table.locator('tbody tr').first().waitFor();
    const shown = await cardCount(page, 'UNASSIGNED');
    expect(shown).toBeGreaterThan(0);

    // The supervisor gives every unassigned application to the other reviewer, through the API.
    const reviewer2 = (await gql<{ me: { id: string } }>(e2e.product, '{ me { id } }', {}, await staffToken(e2e.product, 'reviewer2@example.jp'))).me.id;
    const { applications } = await gql<{ applications: { items: Array<{ id: string; version: number }> } }>(
      e2e.product,
      '{ applications(filter: { queue: UNASSIGNED }, limit: 100) { items { id version } } }',
      {},
      supervisor,
    );
    expect(applications.items.length).toBe(shown);
    for (const a of applications.items) {
      await gql(e2e.product, 'mutation($id: ID!, $v: Int!, $to: ID) { assignApplication(id: $id, expectedVersion: $v, assigneeId: $to) { id } }', { id: a.id, v: a.version, to: reviewer2 }, supervisor);
    }
    // Nothing on the page changes it; a minute later the dashboard has read the figures again.
    await expect(cardCount(page, 'UNASSIGNED')).resolves.toBe(shown);
    await page.clock.fastForward(61_000);
    await expect.poll(() => cardCount(page, 'UNASSIGNED')).toBe(0);
    await page.getByTestId('dashboard-oldest').getByText('未割当の申込はありません').waitFor();
    await expect(table.count()).resolves.toBe(0);
    await page.close();
  });
});
