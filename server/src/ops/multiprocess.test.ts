import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { freshDatabase, type TestDatabase } from '../testing/db.js';
import { given } from '../testing/given.js';
import { startServerProcess, type ServerProcess } from '../testing/process.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { SecretBox } from '../common/secrets.js';
import { deliverDueEmails } from '../notifications/delivery.js';

// Two server processes on one database, as behind a load balancer: both run every job often and deliver the outbox to
// one real SMTP server. Due work is made through the product's services (approved new applications whose
// システム設定申込 deadline has passed as of the processes' NOW, each with its approval mail queued); every item must be
// done exactly once — one キャンセル per application, one delivery per mail — whichever process does it.

const APPROVED = 60; // more than one batch of the deadline job (50): the processes' batches interleave
let db: TestDatabase;
const servers: ServerProcess[] = [];
let smtp: SMTPServer;
const received: string[] = [];
let mine: string[] = [];
let now: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  db = await freshDatabase({}, true);
  // The demo's queued mails (hundreds) are delivered nowhere first: the processes get this test's mails only.
  await deliverDueEmails(db.orm.em, nodemailer.createTransport({ jsonTransport: true }), new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64')), testClock);
  const g = given({ orm: db.orm, clock: testClock });
  let next = 0;
  const made: Array<{ id: string; startDate?: string }> = [];
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < APPROVED) {
      next++;
      made.push(await g.application({ status: 'APPROVED' }));
    }
  }));
  mine = made.map((a) => a.id);
  // The processes run as of the start date: every deadline (start − 4 business days) has passed.
  const start = made.map((a) => a.startDate!).sort().at(-1)!;
  now = `${start}T10:00:00+09:00`;
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _s, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        received.push(/^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '');
        cb();
      });
    },
  });
  const port = await new Promise<number>((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as { port: number }).port)));
  const env = { DATABASE_URL: db.url, NOW: now, SMTP_URL: `smtp://127.0.0.1:${port}`, JOB_INTERVAL_SECONDS: '1', MAIL_INTERVAL_SECONDS: '0.2' };
  servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
}, 420_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await db?.drop();
});

async function until(what: string, test: () => Promise<boolean>): Promise<void> {
  // A busy machine may be slow; the bound only turns a hang into a failure that says what it waited for.
  for (let i = 0; !(await test()); i++) {
    if (i > 1800) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two server processes on one database', () => {
  it('cancel each overdue application once and deliver each mail once', { timeout: 300_000 }, async () => {
    const ids = mine.map(() => '?').join(', ');
    await until('the overdue applications to be cancelled', async () =>
      Number((await sql<{ n: string }>(`select count(*) as n from application where status = 'CANCELLED' and id in (${ids})`, mine))[0]!.n) === APPROVED);
    await until('the outbox to be empty', async () =>
      Number((await sql<{ n: string }>(`select count(*) as n from outbound_email where status in ('PENDING', 'SENDING')`))[0]!.n) === 0);

    // One キャンセル in each application's history, by the system.
    const cancels = await sql<{ application_id: string; n: string; actor_role: string }>(
      `select application_id, count(*) as n, min(actor_role) as actor_role from application_history
        where action = 'CANCEL' and application_id in (${ids}) group by application_id`, mine);
    expect(cancels).toHaveLength(APPROVED);
    expect(cancels.filter((c) => Number(c.n) !== 1)).toEqual([]);
    // And nowhere in the database twice (the demo's own approvals fell due too).
    expect(await sql(`select application_id from application_history where action = 'CANCEL' group by application_id having count(*) > 1`)).toEqual([]);
    // Each process's runs are in the audit log; together they count every cancellation once.
    const runs = await sql<{ detail: string }>(`select detail from audit_log where action = 'JOB_RUN' and target = 'deadline'`);
    const counted = runs.reduce((sum, r) => sum + Number(/cancelled=(\d+)/.exec(r.detail)![1]), 0);
    const [{ n: cancelledByJob }] = (await sql<{ n: string }>(
      `select count(*) as n from application_history where action = 'CANCEL' and actor_id is null and at >= ?`, [new Date(now)],
    )) as [{ n: string }];
    expect(counted).toBe(Number(cancelledByJob));
    expect(counted).toBeGreaterThanOrEqual(APPROVED);
    // The other jobs' per-row audit entries: none twice.
    expect(await sql(`select action, target from audit_log where action in ('OFFICE_CLOSE', 'CERTIFICATE_STOP', 'CERTIFICATE_EXPIRE', 'CERTIFICATE_CLOSE')
      group by action, target having count(*) > 1`)).toEqual([]);

    // Every mail the outbox sent reached the SMTP server once: the approvals' mails and whatever the jobs queued.
    const sent = (await sql<{ message_id: string }>(`select message_id from outbound_email where status = 'SENT' and sent_at >= ?`, [new Date(now)]))
      .map((r) => r.message_id);
    expect(sent.length).toBeGreaterThanOrEqual(APPROVED);
    expect(received.length).toBe(new Set(received).size);
    expect([...received].sort()).toEqual([...sent].sort());

    // Both processes ran the jobs (each runs them at start, then every second).
    for (const s of servers) {
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      expect(metrics).toMatch(/naccs_job_runs_total\{job="deadline",outcome="ok"\} [1-9]/);
      expect(metrics).toMatch(/naccs_job_runs_total\{job="mail",outcome="ok"\} [1-9]/);
    }
    for (const s of servers) expect(await s.stop()).toBe(0);
  });
});
