import 'reflect-metadata';
import { SMTPServer } from 'smtp-server';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { fixedClock, type Clock } from '../common/clock.js';
import { Role } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { createStaff } from '../applications/intake/fixtures.js';
import { LEASE_MS, MAX_ATTEMPTS, deliverDueEmails } from './delivery.js';

// Mail exactly once, promptly: a dead worker's claim is free again within the short lease, a live worker's heartbeat
// keeps its batch, SMTP acceptance is recorded at once, and a mail whose earlier attempt may have been accepted goes
// out again with the same Message-ID and is flagged in 送信ログ. Real PostgreSQL, real SMTP; time from the test clock.

let server: TestServer;
let supervisor: string;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
/** Far longer than any test: a worker whose heartbeat never comes (as if it had been killed). */
const NO_HEARTBEAT = { heartbeatMs: 3_600_000 };

/** A real SMTP server recording the Message-ID of every message it accepts; `holdNext` keeps the next one waiting. */
async function sink() {
  const received: string[] = [];
  const held: Array<() => void> = [];
  let holdNext = false;
  const srv = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _s, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        const accept = () => {
          received.push(/^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '');
          cb();
        };
        if (holdNext) {
          holdNext = false;
          held.push(accept);
        } else accept();
      });
    },
  });
  const port = await new Promise<number>((r) => srv.listen(0, '127.0.0.1', () => r((srv.server.address() as { port: number }).port)));
  return {
    received,
    transport: nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }),
    holdNext: () => (holdNext = true),
    held: () => held.length,
    release: () => held.splice(0).forEach((accept) => accept()),
    close: () => new Promise<void>((r) => srv.close(() => r())),
  };
}

async function until(what: string, test: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  for (const start = performance.now(); !(await test()); await new Promise((r) => setTimeout(r, 20))) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

/** Queues `n` test mails (the supervisor's 送信テスト) and returns their ids and Message-IDs, oldest first. */
async function queue(n: number): Promise<Array<{ id: string; messageId: string }>> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const res = await server.gql('mutation { sendTestNotification(key: "application-received") { id messageId } }', {}, supervisor);
    out.push(res.data!.sendTestNotification as { id: string; messageId: string });
  }
  return out;
}

const row = async (id: string) =>
  (await sql<{ status: string; possible_duplicate: boolean; attempts: number; sending_since: string | null; next_attempt_at: string }>(
    `select status, possible_duplicate, attempts, sending_since, next_attempt_at from outbound_email where id = ?`, [id],
  ))[0]!;

const logOf = async (id: string) => {
  const res = await server.gql('{ outboundEmails(limit: 100) { items { id status messageId possibleDuplicate } } }', {}, supervisor);
  expect(res.errors).toBeUndefined();
  return (res.data!.outboundEmails.items as Array<{ id: string; status: string; messageId: string; possibleDuplicate: boolean }>).find((m) => m.id === id);
};

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  const em = server.orm.em.fork();
  await createStaff(em, 'supervisor@example.jp', [Role.SUPERVISOR], 'pw-supervisor-1');
  await em.flush();
  supervisor = await server.login('supervisor@example.jp', 'pw-supervisor-1');
});
afterAll(async () => server?.close());
// Each test sees only its own mails.
beforeEach(async () => {
  await sql(`update outbound_email set status = 'SENT', claim_token = null, sending_since = null where status <> 'SENT'`);
});

describe('outbox delivery, exactly once and promptly', () => {
  it('frees the claim of a worker that stopped within the short lease; the mail it was sending goes again with the same Message-ID, flagged', async () => {
    expect(LEASE_MS).toBeLessThanOrEqual(60_000);
    const [first, second, third] = await queue(3);
    const smtp = await sink();
    const t0 = testClock.now().getTime();
    try {
      // Worker A claims the three and starts the first; it never hears back (it is as good as killed).
      smtp.holdNext();
      const a = deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0), NO_HEARTBEAT);
      await until('the first message to reach the sink', () => smtp.held() === 1);
      expect((await row(first!.id)).status).toBe('SENDING');

      // Within the lease nobody else takes them; just after it, worker B does: a delay of seconds, not minutes.
      expect(await deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0 + LEASE_MS - 1000))).toBe(0);
      expect(await deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0 + LEASE_MS + 1000))).toBe(3);

      // A's SMTP conversation ends after all: the first mail has now reached the sink twice, with one Message-ID.
      smtp.release();
      await a;
      expect(smtp.received.filter((id) => id === first!.messageId)).toHaveLength(2);
      expect(smtp.received.filter((id) => id === second!.messageId)).toHaveLength(1);
      expect(smtp.received.filter((id) => id === third!.messageId)).toHaveLength(1);

      // Only the mail whose attempt had started is flagged; the two A never began are plain sends.
      expect(await row(first!.id)).toMatchObject({ status: 'SENT', possible_duplicate: true, sending_since: null });
      expect(await row(second!.id)).toMatchObject({ status: 'SENT', possible_duplicate: false, attempts: 1 });
      expect(await logOf(first!.id)).toEqual({ id: first!.id, status: 'SENT', messageId: first!.messageId, possibleDuplicate: true });
      expect(await logOf(third!.id)).toMatchObject({ status: 'SENT', possibleDuplicate: false });
      const flagged = await server.gql('{ outboundEmails(filter: { possibleDuplicate: true }) { totalCount items { id } } }', {}, supervisor);
      expect(flagged.data!.outboundEmails.items.map((m: { id: string }) => m.id)).toContain(first!.id);
      expect(flagged.data!.outboundEmails.items.map((m: { id: string }) => m.id)).not.toContain(second!.id);
    } finally {
      smtp.release();
      await smtp.close();
    }
  });

  it('keeps a long batch claimed by its heartbeat, so no second worker sends it', async () => {
    const mails = await queue(2);
    const smtp = await sink();
    let now = testClock.now().getTime();
    const clock: Clock = { now: () => new Date(now) };
    try {
      smtp.holdNext();
      const a = deliverDueEmails(server.orm.em, smtp.transport, box, clock, { heartbeatMs: 50 });
      await until('the first message to reach the sink', () => smtp.held() === 1);
      // The first message takes three leases; the heartbeat keeps both mails claimed meanwhile.
      now += 3 * LEASE_MS;
      await until('the heartbeat to renew the lease', async () => new Date((await row(mails[1]!.id)).next_attempt_at).getTime() > now);
      expect(await deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(now))).toBe(0);
      smtp.release();
      expect(await a).toBe(2);
      expect(smtp.received.sort()).toEqual(mails.map((m) => m.messageId).sort());
      for (const m of mails) expect(await row(m.id)).toMatchObject({ status: 'SENT', possible_duplicate: false, attempts: 1 });
    } finally {
      smtp.release();
      await smtp.close();
    }
  });

  /** The database refuses to record SENT, as during an outage (the write comes right after the acceptance). */
  async function refuseSent(during: () => Promise<void>) {
    await sql(`create function refuse_sent() returns trigger language plpgsql as $$ begin raise exception 'database unavailable'; end $$`);
    await sql(`create trigger refuse_sent before update on outbound_email for each row when (new.status = 'SENT') execute function refuse_sent()`);
    try {
      await during();
    } finally {
      await sql(`drop trigger refuse_sent on outbound_email`);
      await sql(`drop function refuse_sent()`);
    }
  }

  it('records an acceptance whose SENT write failed on the next run of the same process, sending nothing twice', async () => {
    const [mail] = await queue(1);
    const smtp = await sink();
    const t0 = testClock.now().getTime();
    const memory = new Map<string, Date>();
    try {
      await refuseSent(async () => {
        await expect(deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0), { unrecorded: memory })).rejects.toThrow(/database unavailable/);
      });
      expect([...memory.keys()]).toEqual([mail!.id]);
      // After the lease, too: the process records what it knows before it claims anything.
      expect(await deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0 + LEASE_MS + 1000), { unrecorded: memory })).toBe(0);
      expect(smtp.received).toEqual([mail!.messageId]);
      expect(await row(mail!.id)).toMatchObject({ status: 'SENT', possible_duplicate: false, attempts: 1 });
      expect(memory.size).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it('when the database fails the SENT write after SMTP accepted and that process is gone, the retry reuses the Message-ID and carries the flag', async () => {
    const [mail] = await queue(1);
    const smtp = await sink();
    const t0 = testClock.now().getTime();
    await refuseSent(async () => {
      await expect(deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0), { unrecorded: new Map() })).rejects.toThrow(/database unavailable/);
      expect(smtp.received).toEqual([mail!.messageId]);
      const left = await row(mail!.id);
      expect(left.status).toBe('SENDING');
      expect(left.sending_since).not.toBeNull();
    });
    try {
      // Another process (the one that knew of the acceptance died with the outage).
      expect(await deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0 + LEASE_MS - 1000), { unrecorded: new Map() })).toBe(0);
      expect(await deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0 + LEASE_MS + 1000), { unrecorded: new Map() })).toBe(1);
      expect(smtp.received).toEqual([mail!.messageId, mail!.messageId]);
      expect(await row(mail!.id)).toMatchObject({ status: 'SENT', possible_duplicate: true, attempts: 2 });
      expect(await logOf(mail!.id)).toMatchObject({ status: 'SENT', messageId: mail!.messageId, possibleDuplicate: true });
    } finally {
      await smtp.close();
    }
  });

  it('gives up on a mail started MAX_ATTEMPTS times without an outcome (DEAD, flagged), instead of looping', async () => {
    const [mail] = await queue(1);
    const t0 = testClock.now().getTime();
    await sql(`update outbound_email set status = 'SENDING', attempts = ?, sending_since = ?, next_attempt_at = ? where id = ?`, [MAX_ATTEMPTS, new Date(t0 - LEASE_MS), new Date(t0 - 1000), mail!.id]);
    const smtp = await sink();
    try {
      expect(await deliverDueEmails(server.orm.em, smtp.transport, box, fixedClock(t0))).toBe(0);
      expect(smtp.received).toEqual([]);
      expect(await row(mail!.id)).toMatchObject({ status: 'DEAD', possible_duplicate: true });
      expect(await logOf(mail!.id)).toMatchObject({ status: 'DEAD', possibleDuplicate: true });
    } finally {
      await smtp.close();
    }
  });
});
