import 'reflect-metadata';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../common/secrets.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { deliverDueEmails } from '../notifications/delivery.js';
import { Metrics } from '../ops/metrics.js';
import { Scheduler, type Job } from './scheduler.js';

// The scheduler: a job's runs never overlap, a run asked for during one is skipped and counted, a run that changed
// something is audited, stop() waits for the running job; and the outbox worker, told to stop, finishes the mail it is
// sending and hands the rest of its batch back at once.

let server: TestServer;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

/** A promise with its resolver (a job run the test finishes when it wants). */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};
const until = async (test: () => boolean | Promise<boolean>) => {
  while (!(await test())) await new Promise((r) => setTimeout(r, 10));
};
const scheduler = (jobs: Job[], metrics = new Metrics()) => ({ metrics, s: new Scheduler(jobs, { em: server.orm.em, clock: server.clock, metrics }) });
const metricLine = async (metrics: Metrics, prefix: string) => (await metrics.registry.metrics()).split('\n').find((l) => l.startsWith(prefix));

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('scheduler', () => {
  it('never overlaps a job with itself: a run asked for while one goes is skipped and counted', async () => {
    const g = gate();
    let started = 0;
    const { s, metrics } = scheduler([{ name: 'slow', intervalMs: 0, run: async () => (started++, await g.opened) }]);
    const first = s.run('slow');
    expect(await s.run('slow')).toBe('skipped');
    expect(started).toBe(1);
    g.open();
    expect(await first).toBe('ok');
    expect(await metricLine(metrics, 'naccs_job_runs_total{job="slow",outcome="skipped"}')).toMatch(/ 1$/);
    expect(await metricLine(metrics, 'naccs_job_runs_total{job="slow",outcome="ok"}')).toMatch(/ 1$/);
    expect(await metricLine(metrics, 'naccs_job_duration_seconds_count{job="slow"}')).toMatch(/ 1$/);
  });

  it('times the next run from the end of the previous one (never two at once), and stop() waits for a running one', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const last = gate();
    const { s } = scheduler([{
      name: 'busy', intervalMs: 1, run: async () => {
        running++;
        most = Math.max(most, running);
        runs++;
        // Each run spans several of the 1 ms intervals; the fifth waits for the test.
        if (runs === 5) await last.opened;
        else await new Promise((r) => setTimeout(r, 5));
        running--;
      },
    }]);
    s.start();
    await until(() => runs === 5);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    last.open();
    await stopping;
    expect(most).toBe(1);
    // Nothing runs after stop().
    expect(runs).toBe(5);
    expect(await s.run('busy')).toBe('skipped');
  });

  it('audits a run that changed something (JOB_RUN with its counts), not one that did not; a failure is counted', async () => {
    let closed = 2;
    const { s, metrics } = scheduler([
      { name: 'test-offices', intervalMs: 0, audited: true, run: async () => ({ closed }) },
      { name: 'broken', intervalMs: 0, run: async () => { throw new Error('boom'); } },
    ]);
    expect(await s.run('test-offices')).toBe('ok');
    closed = 0;
    expect(await s.run('test-offices')).toBe('ok');
    expect(await sql(`select action, target, detail from audit_log where action = 'JOB_RUN' and target = 'test-offices'`))
      .toEqual([{ action: 'JOB_RUN', target: 'test-offices', detail: 'closed=2' }]);
    expect(await metricLine(metrics, 'naccs_job_changes_total{job="test-offices"}')).toMatch(/ 2$/);
    expect(await s.run('broken')).toBe('failed');
    expect(await metricLine(metrics, 'naccs_job_runs_total{job="broken",outcome="failed"}')).toMatch(/ 1$/);
  });
});

describe('outbox at shutdown', () => {
  it('finishes the mail being sent and releases the rest of the batch at once; another worker sends them, each once', async () => {
    const supervisor = await server.login('supervisor@example.jp');
    // Whatever the demo left queued goes first, so the batch below is only ours.
    await deliverDueEmails(server.orm.em, nodemailer.createTransport({ jsonTransport: true }), box, server.clock);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await server.gql<{ sendTestNotification: { id: string } }>('mutation { sendTestNotification(key: "application-received") { id } }', {}, supervisor);
      ids.push(res.data!.sendTestNotification.id);
    }
    const received: string[] = [];
    const held: Array<() => void> = [];
    let hold = true;
    const sink = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _s, cb) {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
        stream.on('end', () => {
          const accept = () => (received.push(/^Message-ID:\s*(.+)$/im.exec(raw)![1]!.trim()), cb());
          if (hold) held.push(accept);
          else accept();
        });
      },
    });
    const port = await new Promise<number>((r) => sink.listen(0, '127.0.0.1', () => r((sink.server.address() as { port: number }).port)));
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      const stop = new AbortController();
      const worker = deliverDueEmails(server.orm.em, transport, box, server.clock, { signal: stop.signal });
      await until(() => held.length === 1);
      stop.abort();
      hold = false;
      held.splice(0).forEach((accept) => accept());
      expect(await worker).toBe(1);
      const rows = await sql<{ id: string; status: string; claim_token: string | null; attempts: number }>(
        `select id, status, claim_token, attempts from outbound_email where id in (?, ?, ?)`, ids,
      );
      const byStatus = (s: string) => rows.filter((r) => r.status === s);
      expect(byStatus('SENT')).toHaveLength(1);
      // Released, untried, due now: not held back for the lease.
      expect(byStatus('PENDING').map((r) => [r.claim_token, r.attempts])).toEqual([[null, 0], [null, 0]]);
      expect(await deliverDueEmails(server.orm.em, transport, box, server.clock)).toBe(2);
      expect(received).toHaveLength(3);
      expect(new Set(received).size).toBe(3);
    } finally {
      transport.close();
      await new Promise<void>((r) => sink.close(() => r()));
    }
  });
});
