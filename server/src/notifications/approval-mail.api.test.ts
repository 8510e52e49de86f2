import { SMTPServer } from 'smtp-server';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { given } from '../testing/given.js';
import { testClock } from '../testing/clock.js';
import { fixedClock } from '../common/clock.js';
import { Role } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { todayInJapan } from '../common/dates.js';
import { addBusinessDays, subtractBusinessDays } from '../calendar/businessDays.js';
import { createStaff } from '../applications/intake/fixtures.js';
import { createApiKey } from '../staff/apiKeys.js';
import { deliverDueEmails } from './delivery.js';

// The approval mail end to end: approved through the API while SMTP is down, delivered over real SMTP once it is up,
// exactly once; HTML escapes customer text, plain text does not.

let server: TestServer;
let supervisor: string;
let portal: string;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
/** Customer text with markup and an ampersand: a 取下げ理由 (free text; every field of the approval mail is 全角). */
const MARKUP = '<script>alert(1)</script>&港湾';

beforeAll(async () => {
  // An empty database: the outbox holds only this test's mails.
  server = await startTestServer({ demo: false });
  const em = server.orm.em.fork();
  await createStaff(em, 'supervisor@example.jp', [Role.SUPERVISOR], 'pw-supervisor-1');
  portal = createApiKey(em, { name: 'NSS' }).secret;
  await em.flush();
  supervisor = await server.login('supervisor@example.jp', 'pw-supervisor-1');
});
afterAll(async () => server?.close());

describe('利用申込確認完了 over SMTP', () => {
  it('commits the approval while SMTP is down, retries, and delivers once SMTP is up — escaped in HTML, verbatim in text', async () => {
    // The 取下げ受付 mail is text only by default; a supervisor gives it an HTML part showing the 取下げ理由.
    const current = await server.gql('{ notificationTemplate(key: "application-withdrawn") { version subject text } }', {}, supervisor);
    const { version, subject, text } = current.data!.notificationTemplate;
    const saved = await server.gql(
      'mutation($s: String!, $t: String!, $h: String, $v: Int!) { saveNotificationTemplate(key: "application-withdrawn", subject: $s, text: $t, html: $h, expectedVersion: $v) { version } }',
      { s: subject, t: text, v: version, h: '<p>{{companyName}}<br>{{recipientName}} 様</p><p>申込受付番号 {{receiptNo}} の取下げを受け付けました。</p><p>取下げ理由：{{reason}}</p>' },
      supervisor,
    );
    expect(saved.errors).toBeUndefined();
    const withdrawn = await given(server).application({ status: 'RECEIVED' });
    const w = await server.gql('mutation($id: ID!, $v: Int!, $r: String!) { withdrawApplication(id: $id, reason: $r, expectedVersion: $v) { status } }', { id: withdrawn.id, v: withdrawn.version, r: MARKUP }, portal);
    expect(w.data!.withdrawApplication.status).toBe('WITHDRAWN');

    const app = await given(server).application({ status: 'RECEIVED' });
    const v = (await server.gql('mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { version } }', { id: app.id, v: app.version }, supervisor)).data!.assignApplication.version;
    const start = addBusinessDays(todayInJapan(testClock.now()), 61);
    const approved = await server.gql('mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', { id: app.id, v, d: start }, supervisor);
    expect(approved.data!.approveApplication.status).toBe('APPROVED');

    // SMTP is down: nothing listens on this port.
    const down = nodemailer.createTransport({ host: '127.0.0.1', port: 9, secure: false, ignoreTLS: true, connectionTimeout: 500 });
    expect(await deliverDueEmails(server.orm.em, down, box, testClock)).toBe(0);
    const [pending] = await sql<{ status: string; attempts: number; next_attempt_at: string }>(`select status, attempts, next_attempt_at from outbound_email where application_id = ? and template_key = 'application-approved'`, [app.id]);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect((await sql(`select status from application where id = ?`, [app.id]))[0]!.status).toBe('APPROVED');

    // SMTP is up: the retry delivers it, once, even with two workers.
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _s, cb) {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
        stream.on('end', () => { received.push(raw); cb(); });
      },
    });
    const port = await new Promise<number>((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as { port: number }).port)));
    try {
      const up = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      const later = fixedClock(new Date(new Date(pending!.next_attempt_at).getTime() + 1000));
      // The approval mail, the 受付 mails and the 取下げ受付 mail (and the デジタル証明書 mail when netNACCS terminals were issued).
      const [{ due }] = await sql<{ due: string }>(`select count(*) as due from outbound_email where status = 'PENDING'`) as [{ due: string }];
      const [a, b] = await Promise.all([deliverDueEmails(server.orm.em, up, box, later), deliverDueEmails(server.orm.em, up, box, later)]);
      expect(a + b).toBe(Number(due));
      expect(received).toHaveLength(Number(due));
      const parsed = await Promise.all(received.map((raw) => simpleParser(raw)));
      const approvals = parsed.filter((m) => m.subject === '【NACCS】利用申込確認完了のお知らせ');
      expect(approvals).toHaveLength(1);
      const mail = approvals[0]!;
      expect(mail.subject).toBe('【NACCS】利用申込確認完了のお知らせ');
      const [y, m, d] = start.split('-').map(Number);
      const [dy, dm, dd] = subtractBusinessDays(start, 4).split('-').map(Number);
      expect(mail.text).toContain(`申込受付番号 ：${app.receiptNo}`);
      expect(mail.text).toContain(`利用開始日   ：${y}年${m}月${d}日`);
      expect(mail.text).toContain(`システム設定申込締切日：${dy}年${dm}月${dd}日`);
      expect(mail.text).toMatch(/ 様\n/);
      expect(mail.html).toContain(`<td>${app.receiptNo}</td>`);
      // The customer's markup: escaped in HTML, verbatim in text.
      const withdrawal = parsed.filter((m) => m.subject === subject);
      expect(withdrawal).toHaveLength(1);
      expect(withdrawal[0]!.text).toContain(`取下げ理由   ：${MARKUP}`);
      expect(withdrawal[0]!.text).not.toContain('&amp;');
      expect(withdrawal[0]!.html).toContain('取下げ理由：&lt;script&gt;alert(1)&lt;/script&gt;&amp;港湾');
      expect(withdrawal[0]!.html).not.toContain('<script>');
      process.stdout.write(`\n---- rendered approval mail ----\nSubject: ${mail.subject}\n${mail.text}\n----\n`);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
});
