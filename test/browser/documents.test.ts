import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { gql, signIn as signInAs, staffToken, useProduct } from '../support/console.js';
import { productToday } from '../support/server.js';

// The application page's PDF buttons (issue 18): each fetches the document with the session's token and opens it as a
// blob URL in a new tab. The test watches the server's answer and the tab the console opens.

const e2e = useProduct('e2e-documents');

interface App { id: string; receiptNo: string; startDate: string }

async function approvedNew(): Promise<App[]> {
  const token = await staffToken(e2e.product, 'reviewer@example.jp');
  const data = await gql<{ applications: { items: App[] } }>(
    e2e.product,
    '{ applications(filter: { status: [APPROVED], kind: [NEW] }, limit: 100) { items { id receiptNo startDate } } }',
    {},
    token,
  );
  return data.applications.items;
}

async function signIn(): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
  // Every blob the console makes a URL of is kept, to read back what it opened.
  await page.addInitScript(() => {
    const create = URL.createObjectURL.bind(URL);
    const kept: Blob[] = ((window as unknown as { keptBlobs: Blob[] }).keptBlobs = []);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) kept.push(blob);
      return create(blob);
    };
  });
  await signInAs(page, e2e.product, 'reviewer@example.jp', { path: '/' });
  return page;
}

/** Clicks a PDF button: the server's answer, the new tab the console opens on its blob URL, and what that blob holds. */
async function openPdf(page: Page, receiptNo: string, file: string, click: () => Promise<void>): Promise<{ response: Response; tabUrl: string; bytes: Buffer }> {
  const response = page.waitForResponse((r) => r.url().endsWith(`/documents/applications/${receiptNo}/${file}`));
  const tab = page.context().waitForEvent('page');
  await click();
  const [res, opened] = await Promise.all([response, tab]);
  // The tab starts on about:blank and then loads the blob.
  await expect.poll(() => opened.url(), { timeout: 10_000 }).toMatch(/^blob:/);
  const tabUrl = opened.url();
  const bytes = await page.evaluate(async () => {
    const kept = (window as unknown as { keptBlobs: Blob[] }).keptBlobs;
    return Array.from(new Uint8Array(await kept[kept.length - 1]!.arrayBuffer()));
  });
  await opened.close();
  return { response: res, tabUrl, bytes: Buffer.from(bytes) };
}

describe('documents from the application page', () => {
  it('opens 申込書PDF and 承認通知PDF of an approved application, says from when before the start date, and prints ID通知内容 after a confirmation', async () => {
    const today = productToday();
    const apps = await approvedNew();
    const started = apps.find((a) => a.startDate <= today)!;
    const upcoming = apps.find((a) => a.startDate > today)!;
    expect([started, upcoming].every(Boolean)).toBe(true);
    const page = await signIn();

    await page.goto(`${e2e.product.url}/#/applications/${started.id}/show`);
    const buttons = page.getByTestId('document-buttons');
    await buttons.getByRole('button', { name: '申込書PDF' }).waitFor();
    const form = await openPdf(page, started.receiptNo, 'form.pdf', () => buttons.getByRole('button', { name: '申込書PDF' }).click());
    expect(form.response.status()).toBe(200);
    expect(form.response.headers()['content-type']).toBe('application/pdf');
    expect(form.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(form.tabUrl).toMatch(/^blob:/);
    const approval = await openPdf(page, started.receiptNo, 'approval.pdf', () => buttons.getByRole('button', { name: '承認通知PDF' }).click());
    expect([approval.response.status(), approval.bytes.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);

    // Before its start date: no 承認通知 button, the date it becomes available instead.
    await page.goto(`${e2e.product.url}/#/applications/${upcoming.id}/show`);
    await page.getByTestId('approval-not-yet').waitFor();
    expect(await page.getByTestId('approval-not-yet').textContent()).toContain('利用開始日');
    expect(await page.getByTestId('document-buttons').getByRole('button', { name: '承認通知PDF' }).count()).toBe(0);

    // ID通知内容 inside its パスワード参照期間: the reviewer confirms a print that carries passwords (recorded).
    await page.getByRole('tab', { name: 'ID通知内容' }).click();
    await page.getByTestId('document-id-notice').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('履歴と監査ログに記録').waitFor();
    const notice = await openPdf(page, upcoming.receiptNo, 'id-notice.pdf', () => dialog.getByRole('button', { name: '出力する' }).click());
    expect([notice.response.status(), notice.bytes.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    expect(notice.response.headers()['content-disposition']).toContain(encodeURIComponent(`ID通知内容_${upcoming.receiptNo}.pdf`));
    await page.close();
  });
});
