import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';

// Issue 16: the mails follow the manuals' wording per mail and per kind of application.
// seed 000 (新規申込): 「【NACCS】利用申込受付完了のお知らせ」 with 「●新規申込（事業所追加含む）のお客様へ」 and the help desk
//   「ヘルプデスク Tel: 0120-794-550 … 受付時間：終日」;
// seed 001 (新規申込): 「【NACCS】利用申込確認完了のお知らせ」; seeds 002–004 (変更申込): 「【NSS】利用申込確認完了のお知らせ」.

let server: TestServer;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const mailOf = async (applicationId: string, key: string) =>
  (await sql<{ subject: string; text: string }>('select subject, text from outbound_email where application_id = ? and template_key = ?', [applicationId, key]))[0]!;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('mail wording of the manuals', () => {
  it('a new application: 【NACCS】 受付完了 with the 新規申込 paragraph and the help desk, 【NACCS】 確認完了', async () => {
    const app = await given(server).application({ kind: 'NEW', status: 'APPROVED' });
    const received = await mailOf(app.id, 'application-received');
    expect(received.subject).toBe('【NACCS】利用申込受付完了のお知らせ');
    expect(received.text).toContain('利用申込の受付を完了しました。');
    expect(received.text).toContain(`申込受付番号：${app.receiptNo}`);
    expect(received.text).toContain('●新規申込（事業所追加含む）のお客様へ');
    expect(received.text).toContain('なお、仮ログインID・仮パスワードは利用開始日以降は使用できませんのでご注意ください。');
    expect(received.text).toMatch(/ヘルプデスク\nTel: 0120-794-550\nE-mail: help@naccs\.jp\n受付時間：終日/);
    expect((await mailOf(app.id, 'application-approved')).subject).toBe('【NACCS】利用申込確認完了のお知らせ');
  });

  it('a change application: no 新規申込 paragraph, and 【NSS】 確認完了', async () => {
    const app = await given(server).application({ kind: 'CHANGE', status: 'APPROVED' });
    const received = await mailOf(app.id, 'application-received');
    expect(received.text).toContain('利用申込の受付を完了しました。');
    expect(received.text).not.toContain('●新規申込');
    expect((await mailOf(app.id, 'application-approved')).subject).toBe('【NSS】利用申込確認完了のお知らせ');
  });
});
