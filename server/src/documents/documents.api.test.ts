import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../common/clock.js';
import { todayInJapan } from '../common/dates.js';
import { SecretBox } from '../common/secrets.js';
import { testClock } from '../testing/clock.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { given } from '../testing/given.js';
import { noonInJapan } from '../testing/dates.js';
import { startTestServer, type TestServer } from '../testing/server.js';

// The documents of issue 18, read back as text with pdftotext (poppler-utils; .ci/run installs it). The server runs on
// a clock the test can move: 承認通知 is available from the 利用開始日 (seeds 002/003: 「利用開始日以降に出力可能」), so
// the test moves business time to the start date its approval fixed — never a date written here.

let shift = 0;
const clock: Clock = { now: () => new Date(testClock.now().getTime() + shift) };
let server: TestServer;
let dir: string;
const tokens = { reviewer: '', support: '', admin: '' };
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const run = promisify(execFile);

const get = (receiptNo: string, file: string, token?: string) =>
  fetch(`${server.url}/documents/applications/${receiptNo}/${file}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** The PDF's text as pdftotext reads it (layout kept, pages separated by form feeds). */
async function text(res: Response): Promise<string> {
  expect(res.status, await res.clone().text().catch(() => '')).toBe(200);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, Buffer.from(await res.arrayBuffer()));
  return (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).stdout;
}

const slash = (iso: string) => iso.replaceAll('-', '/');

/** The issued passwords of an application, opened from the database (what a reveal would show). */
async function passwordsOf(applicationId: string): Promise<string[]> {
  const rows = await sql<{ password_enc: string }>(
    `select password_enc from user_id where issued_by_id = ? and password_enc is not null
     union all select o.password_enc from office o join application a on a.office_id = o.id where a.id = ? and a.kind = 'NEW' and o.password_enc is not null`,
    [applicationId, applicationId]);
  return rows.map((r) => box.open(r.password_enc));
}

async function notice(applicationId: string) {
  const res = await server.gql(`query($id: ID!) { idNotice(applicationId: $id) { officeCode startDate userIds { userId } } }`, { id: applicationId }, tokens.reviewer);
  expect(res.errors).toBeUndefined();
  return res.data!.idNotice as { officeCode: string; startDate: string; userIds: Array<{ userId: string }> };
}

const companyOf = async (receiptNo: string) =>
  (await server.gql(`query($no: String!) { application(receiptNo: $no) { companyName } }`, { no: receiptNo }, tokens.reviewer)).data!.application.companyName as string;

const loginAll = async () => {
  for (const role of Object.keys(tokens) as Array<keyof typeof tokens>) tokens[role] = await server.login(`${role}@example.jp`);
};

beforeAll(async () => {
  server = await startTestServer({ clock });
  dir = await mkdtemp(join(tmpdir(), 'documents-'));
  await loginAll();
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('申込書 (form.pdf)', () => {
  it('is the application as submitted: receipt number, company, dates, every section, page numbers; served as a PDF that is not cached', async () => {
    const app = await given(server).application({ status: 'APPROVED' });
    const res = await get(app.receiptNo, 'form.pdf', tokens.reviewer);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="form-${app.receiptNo}.pdf"; filename*=UTF-8''${encodeURIComponent(`申込書_${app.receiptNo}.pdf`)}`);
    const t = await text(res);
    expect(t).toContain('システムサービス利用申込書');
    expect(t).toContain(`申込受付番号 ${app.receiptNo}`);
    expect(t).toContain(await companyOf(app.receiptNo));
    expect(t).toContain(slash(app.startDate!));
    for (const heading of ['申込担当者', '事業所・企業', '利用者コード', '論理端末', '回線', 'メールボックス', '料金プラン', '請求先', '管理責任者']) expect(t).toContain(heading);
    const pages = t.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    // pdftotext -layout closes up "1 / 3" to "1/3".
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`出力日時 .*\\b${i + 1}\\s*/\\s*${pages.length}\\s*$`)));
  });

  it('変更申込書 shows each change as 変更前/変更後', async () => {
    const app = await given(server).application({ kind: 'CHANGE' });
    const changes = (await server.gql(`query($no: String!) { application(receiptNo: $no) { changes { field before after } } }`, { no: app.receiptNo }, tokens.reviewer)).data!.application.changes;
    expect(changes).toContainEqual(expect.objectContaining({ field: 'plan', after: 'B' }));
    const t = await text(await get(app.receiptNo, 'form.pdf', tokens.support));
    expect(t).toContain('システムサービス利用契約変更申込書');
    expect(t).toMatch(/項目\s+内容\s+変更前\s+変更後/);
    // The plan by its name on the screen (料金プラン B 従量のみ), not its code.
    expect(t).toMatch(/料金プラン\s+料金プラン\s+.*B 従量のみ/);
  });
});

describe('承認通知 (approval.pdf)', () => {
  it('is refused before the 利用開始日 and served from it: codes and counts, no password', async () => {
    const app = await given(server).application({ status: 'APPROVED' });
    const before = await get(app.receiptNo, 'approval.pdf', tokens.support);
    expect(before.status).toBe(409);
    const refusal = await before.json();
    expect(refusal).toMatchObject({ code: 'INVALID_TRANSITION', availableFrom: app.startDate });
    expect(refusal.message).toContain(`利用開始日 (${slash(app.startDate!)}) から出力できます`);
    const issued = await notice(app.id);
    const passwords = await passwordsOf(app.id);

    // Business time moves to the start date the approval fixed (and back after the test).
    shift = noonInJapan(app.startDate!).getTime() - testClock.now().getTime();
    try {
      expect(todayInJapan(server.clock.now())).toBe(app.startDate);
      await loginAll();
      const t = await text(await get(app.receiptNo, 'approval.pdf', tokens.support));
      expect(t).toContain('システムサービス利用承認通知');
      expect(t).toContain(app.receiptNo);
      expect(t).toContain(await companyOf(app.receiptNo));
      expect(t).toContain(slash(app.startDate!));
      expect(t).toContain(issued.officeCode);
      for (const u of issued.userIds) expect(t).toContain(u.userId);
      expect(t).toMatch(/識別番号数\s+\d+/);
      expect(passwords.length).toBeGreaterThan(0);
      for (const p of passwords) expect(t).not.toContain(p);
    } finally {
      shift = 0;
      await loginAll();
    }
  });

  it('is refused for an application not approved', async () => {
    const app = await given(server).application({ status: 'IN_REVIEW' });
    const res = await get(app.receiptNo, 'approval.pdf', tokens.reviewer);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('承認通知はありません') });
  });
});

describe('ID通知内容 (id-notice.pdf)', () => {
  it('a SUPPORT caller gets it without passwords and nothing is recorded; a reviewer inside the パスワード参照期間 gets them, recorded like a reveal', async () => {
    const app = await given(server).application({ status: 'APPROVED' });
    const passwords = await passwordsOf(app.id);
    expect(passwords.length).toBeGreaterThan(1);
    const reads = () => sql<{ n: number }>(`select count(*)::int as n from application_history where application_id = ? and action = 'PASSWORD_READ'`, [app.id]);
    const audits = () => sql<{ n: number }>(`select count(*)::int as n from audit_log where action = 'PASSWORD_REVEAL' and target = ?`, [app.receiptNo]);

    const masked = await text(await get(app.receiptNo, 'id-notice.pdf', tokens.support));
    expect(masked).toContain('ID通知内容');
    expect(masked).toContain('********');
    expect(masked).toContain('このロールではパスワードを参照できません');
    for (const p of passwords) expect(masked).not.toContain(p);
    expect([(await reads())[0]!.n, (await audits())[0]!.n]).toEqual([0, 0]);

    const clear = await text(await get(app.receiptNo, 'id-notice.pdf', tokens.reviewer));
    for (const p of passwords) expect(clear).toContain(p);
    expect(clear).toContain('パスワードを記載しています');
    expect([(await reads())[0]!.n, (await audits())[0]!.n]).toEqual([1, 1]);
  });
});

describe('authorization and refusals', () => {
  it('answers JSON with the project\'s codes: no token 401, a key without the scope 403, a bad receipt number 400, unknown 404', async () => {
    const app = await given(server).application();
    const noToken = await get(app.receiptNo, 'form.pdf');
    expect([noToken.status, (await noToken.json()).code]).toEqual([401, 'UNAUTHENTICATED']);

    const key = async (scopes: string) => (await server.gql(`mutation { createApiKey(name: "帳票テスト ${scopes}", scopes: ${scopes}) { secret } }`, {}, tokens.admin)).data!.createApiKey.secret as string;
    const submitOnly = await get(app.receiptNo, 'form.pdf', await key('[SUBMIT]'));
    const refusal = await submitOnly.json();
    expect([submitOnly.status, refusal.code]).toEqual([403, 'FORBIDDEN']);
    expect(refusal.message).toContain('参照');
    const reader = await get(app.receiptNo, 'form.pdf', await key('[READ]'));
    expect(reader.status).toBe(200);

    const bad = await get('12345', 'form.pdf', tokens.reviewer);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'receiptNo' }] });
    const missing = await get('999999Z', 'form.pdf', tokens.reviewer);
    expect([missing.status, (await missing.json()).code]).toEqual([404, 'NOT_FOUND']);
    const unknown = await get(app.receiptNo, 'invoice.pdf', tokens.reviewer);
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, 'NOT_FOUND']);
  });
});
