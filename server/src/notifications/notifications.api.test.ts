import { SMTPServer } from 'smtp-server';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { given } from '../testing/given.js';
import { testClock } from '../testing/clock.js';
import { fixedClock } from '../common/clock.js';
import { SecretBox } from '../common/secrets.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { IntakeService } from '../applications/intake/IntakeService.js';
import { applicantKonsai } from '../applications/intake/fixtures.js';
import { MAX_ATTEMPTS, deliverDueEmails } from './delivery.js';

let server: TestServer;
let supervisor: string;
let reviewer: string;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

/** A real SMTP server that records what it receives, and can refuse the first deliveries. */
async function smtp(refuse: (n: number) => boolean = () => false) {
  const received: Array<{ messageId: string; raw: string }> = [];
  let count = 0;
  const srv = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _s, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        if (refuse(++count)) return cb(Object.assign(new Error('451 一時的に受信できません'), { responseCode: 451 }));
        received.push({ messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '', raw });
        cb();
      });
    },
  });
  const port = await new Promise<number>((r) => srv.listen(0, '127.0.0.1', () => r((srv.server.address() as { port: number }).port)));
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return { received, transport, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

beforeAll(async () => {
  server = await startTestServer();
  supervisor = await server.login('supervisor@example.jp');
  reviewer = await server.login('reviewer@example.jp');
});
afterAll(async () => server?.close());

const SAVE = `mutation($k: String!, $s: String!, $t: String!, $v: Int!) { saveNotificationTemplate(key: $k, subject: $s, text: $t, expectedVersion: $v) { version versions { version } } }`;

describe('notification templates', () => {
  it('are loaded from templates/ as version 1 for every event, with their variables', async () => {
    const res = await server.gql('{ notificationTemplates { key label version subject variables { name type required } } }', {}, supervisor);
    const keys = res.data!.notificationTemplates.map((t: any) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['provisional-account-registered', 'application-received', 'application-returned', 'application-approved', 'application-withdrawn', 'application-cancelled', 'certificate-issued', 'password-reissued']));
    const approved = res.data!.notificationTemplates.find((t: any) => t.key === 'application-approved');
    expect(approved).toMatchObject({ label: '利用申込確認完了', version: 1, subject: '{{#if newApplication}}【NACCS】{{else}}【NSS】{{/if}}利用申込確認完了のお知らせ' });
    expect(approved.variables).toEqual(expect.arrayContaining([{ name: 'receiptNo', type: 'string', required: true }, { name: 'startDate', type: 'date', required: true }]));
  });

  it('refuses a template that does not compile, uses an unknown variable, or omits a required one — naming variable and line', async () => {
    const unknown = await server.gql(SAVE, { k: 'application-received', s: '件名 {{receiptNo}}', t: '{{> addressee}}\n受付番号 {{receiptNo}}\n{{password}}', v: 1 }, supervisor);
    expect(unknown.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'text', message: expect.stringMatching(/3行目: 変数 \{\{password\}\}/) }]);
    const missing = await server.gql(SAVE, { k: 'application-received', s: '件名', t: '{{> addressee}}\nご連絡です。', v: 1 }, supervisor);
    expect(missing.errors?.[0]?.extensions?.fieldErrors[0].message).toContain('{{receiptNo}}');
    const broken = await server.gql(SAVE, { k: 'application-received', s: '件名', t: '{{receiptNo}}\n{{#if receiptNo}}閉じていない', v: 1 }, supervisor);
    expect(broken.errors?.[0]?.extensions?.fieldErrors[0]).toMatchObject({ path: 'text', message: expect.stringContaining('構文') });
    const byReviewer = await server.gql(SAVE, { k: 'application-received', s: '件名', t: '{{receiptNo}}', v: 1 }, reviewer);
    expect(byReviewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('saves versions (stale version → CONFLICT), uses the latest for new mails, previews real data, and rolls back', async () => {
    const saved = await server.gql(SAVE, { k: 'application-received', s: '【NSS】受付完了 {{receiptNo}}', t: '{{> addressee}}\n申込受付番号：{{receiptNo}}\n新しい文面です。', v: 1 }, supervisor);
    expect(saved.data!.saveNotificationTemplate.version).toBe(2);
    const stale = await server.gql(SAVE, { k: 'application-received', s: 'x {{receiptNo}}', t: '{{> addressee}}\n{{receiptNo}}', v: 1 }, supervisor);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const app = await given(server).application();
    const preview = await server.gql('query($a: ID) { previewNotification(key: "application-received", applicationId: $a) { subject text version } }', { a: app.id }, reviewer);
    expect(preview.data!.previewNotification).toMatchObject({ subject: `【NSS】受付完了 ${app.receiptNo}`, version: 2 });
    const v1 = await server.gql('{ previewNotification(key: "application-received", version: 1) { subject text } }', {}, reviewer);
    expect(v1.data!.previewNotification.text).toContain('180055A');

    // A new submission's mail uses version 2.
    await given(server).application({ kind: 'CHANGE' });
    const [mail] = await sql<{ template_version: number; subject: string }>(`select template_version, subject from outbound_email where template_key = 'application-received' order by created_at desc limit 1`);
    expect(mail!.template_version).toBe(2);
    expect(mail!.subject).toMatch(/^【NSS】受付完了 \d{6}[A-Z]$/);

    const rolled = await server.gql('mutation { rollbackNotificationTemplate(key: "application-received", version: 1, expectedVersion: 2) { version subject } }', {}, supervisor);
    expect(rolled.data!.rollbackNotificationTemplate).toEqual({ version: 3, subject: '【NACCS】利用申込受付完了のお知らせ' });
    const audit = await sql(`select detail from audit_log where action = 'TEMPLATE_SAVE' and target = 'application-received' order by id`);
    expect(audit.map((a) => a.detail)).toEqual(['保存: 版 2', '版 1 に戻す: 版 3']);
  });
});

describe('outbox delivery over SMTP', () => {
  it('delivers with the stored Message-ID, fills secrets in only on the wire, and marks SENT', async () => {
    await sql(`update outbound_email set status = 'SENT'`);
    const { password, loginId } = await new IntakeService(server.orm.em.fork(), box, testClock).registerProvisionalAccount({ companyName: '株式会社配信テスト', companyNameKana: 'カブシキガイシャハイシンテスト', applicant: applicantKonsai });
    const sink = await smtp();
    try {
      expect(await deliverDueEmails(server.orm.em, sink.transport, box, testClock)).toBe(1);
      const [row] = await sql<{ status: string; message_id: string; text: string }>(`select status, message_id, text from outbound_email where text like ?`, [`%${loginId}%`]);
      expect(row!.status).toBe('SENT');
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.messageId).toBe(row!.message_id);
      const wire = nodemailerDecode(sink.received[0]!.raw);
      expect(wire).toContain(password);
      expect(row!.text).not.toContain(password);
      const log = await server.gql('query($q: String) { outboundEmails(filter: { q: $q }) { items { status text } } }', { q: '仮アカウント' }, supervisor);
      expect(log.data!.outboundEmails.items[0].text).toContain('********');
    } finally {
      await sink.close();
    }
  });

  it('retries with backoff and ends DEAD after the last attempt', async () => {
    await sql(`update outbound_email set status = 'SENT' where status <> 'SENT'`);
    await server.gql('mutation { sendTestNotification(key: "application-approved") { id } }', {}, supervisor);
    const sink = await smtp(() => true);
    let now = testClock.now().getTime();
    try {
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        await deliverDueEmails(server.orm.em, sink.transport, box, fixedClock(now));
        const [row] = await sql<{ status: string; attempts: number; next_attempt_at: string; last_error: string }>(`select status, attempts, next_attempt_at, last_error from outbound_email where template_key = 'application-approved' order by created_at desc limit 1`);
        expect(row!.attempts).toBe(i);
        expect(row!.status).toBe(i < MAX_ATTEMPTS ? 'PENDING' : 'DEAD');
        expect(row!.last_error).toMatch(/451|受信できません/);
        // Not retried before its backoff…
        expect(await deliverDueEmails(server.orm.em, sink.transport, box, fixedClock(now))).toBe(0);
        now = new Date(row!.next_attempt_at).getTime() + 1000;
      }
    } finally {
      await sink.close();
    }
    const [dead] = await sql<{ id: string }>(`select id from outbound_email where status = 'DEAD' order by created_at desc limit 1`);
    const resent = await server.gql('mutation($id: ID!) { resendEmail(id: $id) { status attempts messageId } }', { id: dead!.id }, supervisor);
    expect(resent.data!.resendEmail).toMatchObject({ status: 'PENDING', attempts: 0 });
  });

  it('sends each mail exactly once with two workers at once', async () => {
    await sql(`update outbound_email set status = 'SENT' where status <> 'SENT'`);
    for (let i = 0; i < 30; i++) await server.gql('mutation { sendTestNotification(key: "application-received") { id } }', {}, supervisor);
    const sink = await smtp();
    try {
      const [a, b] = await Promise.all([deliverDueEmails(server.orm.em, sink.transport, box, testClock), deliverDueEmails(server.orm.em, sink.transport, box, testClock)]);
      expect(a + b).toBe(30);
      const ids = sink.received.map((m) => m.messageId);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    } finally {
      await sink.close();
    }
  });
});

/** The decoded text parts of a raw MIME message (quoted-printable / base64 bodies). */
function nodemailerDecode(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.split('=').slice(1).map((h) => parseInt(h, 16))).toString('utf8'));
  const b64 = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8')).join('\n');
  return `${qp}\n${b64}`;
}
