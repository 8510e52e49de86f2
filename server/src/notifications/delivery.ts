import { randomUUID } from 'node:crypto';
import type { Clock } from '../common/clock.js';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { logger } from '../common/logger.js';
import type { SecretBox } from '../common/secrets.js';
import { EmailStatus } from '../common/enums.js';
import { revealSecrets } from './outbox.js';

/** Attempts before a mail goes to the dead-letter state, and the batch one worker claims at a time. */
export const MAX_ATTEMPTS = 5;
const BATCH = 20;
/**
 * A claim lasts this long unless renewed, so the batch of a worker that died is held back at most this long. A
 * worker renews the claim of the batch it is sending every HEARTBEAT_MS (a third of the lease: two renewals may fail).
 */
export const LEASE_MS = 30_000;
export const HEARTBEAT_MS = 10_000;
export const FROM = '"NACCSセンター" <no-reply@naccs-center.example.jp>';
/** SMTP timeouts (nodemailer waits up to 10 minutes by default): a hung peer fails the attempt, it does not hold the batch. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

/** Backoff before retry n (1-based): 1, 2, 4, 8 … minutes. */
export const backoffMs = (attempts: number): number => 60_000 * 2 ** Math.max(0, attempts - 1);

export interface Mailer {
  transport: Transporter;
  close(): Promise<void>;
  /** The in-process sink's port when no SMTP_URL is configured (the demo default). */
  sinkPort?: number;
}

/** SMTP_URL, or (the embedded default) an in-process SMTP sink on 127.0.0.1 so the demo delivers for real. */
export async function createMailer(smtpUrl: string | undefined): Promise<Mailer> {
  if (smtpUrl) {
    // Options ride on the URL's query (nodemailer reads them from there); the operator's own values win.
    const url = new URL(smtpUrl);
    for (const [k, v] of Object.entries(SMTP_TIMEOUTS)) if (!url.searchParams.has(k)) url.searchParams.set(k, String(v));
    const transport = nodemailer.createTransport(url.toString());
    return { transport, close: async () => transport.close() };
  }
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback());
    },
    logger: false,
  });
  const port = await new Promise<number>((resolve) => sink.listen(0, '127.0.0.1', () => resolve((sink.server.address() as { port: number }).port)));
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return { transport, sinkPort: port, close: async () => { transport.close(); await new Promise<void>((r) => sink.close(() => r())); } };
}

interface Claimed {
  id: string;
  recipients: string[];
  subject: string;
  text: string;
  html: string | null;
  secrets_enc: string | null;
  message_id: string;
  created_at: Date;
}

/**
 * Mails the SMTP server accepted whose SENT write failed (the database was unreachable), with when: recorded on this
 * process's next run, before anything is claimed, so a short outage sends nothing twice. A process that dies first
 * forgets them; the lease and the possible_duplicate flag cover that.
 */
const acceptedUnrecorded = new Map<string, Date>();

/**
 * Delivers due outbox mails, each at most once as far as this side can know. A batch is claimed in one statement
 * (FOR UPDATE SKIP LOCKED, marked SENDING with this batch's claim token and a short lease that a heartbeat renews while
 * the batch is sending), so two workers never send the same mail and a dead worker's batch is free again within
 * LEASE_MS. Before each message its start is recorded (sending_since); right after the SMTP server accepts it, SENT is
 * recorded by its own statement, before anything else can fail (if the database fails it, the process remembers it
 * for its next run). A mail reclaimed with a start but no outcome (the worker died, or the database failed the SENT
 * write and the process that knew is gone) may have been delivered: it is flagged possible_duplicate and
 * sent again with its stored Message-ID, so the receiving side can drop the copy. SMTP failures retry with backoff and
 * end DEAD after MAX_ATTEMPTS; a database error ends the run (the lease frees what it held). Returns how many were sent.
 */
export async function deliverDueEmails(
  root: EntityManager,
  transport: Transporter,
  box: SecretBox,
  clock: Clock,
  options: { heartbeatMs?: number; unrecorded?: Map<string, Date>; signal?: AbortSignal } = {},
): Promise<number> {
  const db = root.getConnection();
  const run = <T = Record<string, unknown>>(sql: string, params: unknown[]) => db.execute<T[]>(sql, params);
  const leaseEnd = () => new Date(clock.now().getTime() + LEASE_MS);
  const unrecorded = options.unrecorded ?? acceptedUnrecorded;
  // Accepted: that is a fact whoever holds the claim now, so only a SENT row is left alone.
  const recordSent = (id: string, at: Date) =>
    run(`update outbound_email set status = 'SENT', sent_at = ?, last_error = null, claim_token = null, sending_since = null where id = ? and status <> 'SENT'`, [at, id]);
  for (const [id, at] of unrecorded) {
    await recordSent(id, at);
    unrecorded.delete(id);
  }
  // Started MAX_ATTEMPTS times without a known outcome: no more tries (a message that kills its worker would loop).
  await run(
    `update outbound_email set status = 'DEAD', possible_duplicate = true, claim_token = null, sending_since = null,
            last_error = '送信の結果が分からないまま試行回数の上限に達しました (配信済みの可能性があります)。'
      where status = 'SENDING' and next_attempt_at <= ? and attempts >= ${MAX_ATTEMPTS}`,
    [clock.now()],
  );
  let sent = 0;
  for (;;) {
    // Shutting down: nothing more is claimed.
    if (options.signal?.aborted) return sent;
    const token = randomUUID();
    const claimed = await run<Claimed>(
      `update outbound_email o set status = 'SENDING', claim_token = ?, next_attempt_at = ?,
              possible_duplicate = o.possible_duplicate or (o.status = 'SENDING' and o.sending_since is not null),
              sending_since = null
        where o.id in (select id from outbound_email
                        where (status = 'PENDING' or status = 'SENDING') and next_attempt_at <= ?
                        order by created_at limit ${BATCH} for update skip locked)
        returning o.id, o.recipients, o.subject, o.text, o.html, o.secrets_enc, o.message_id, o.created_at`,
      [token, leaseEnd(), clock.now()],
    );
    if (!claimed.length) return sent;
    claimed.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id));
    const ids = claimed.map((m) => m.id);
    let beat: Promise<unknown> | undefined;
    const heartbeat = setInterval(() => {
      beat ??= run(
        `update outbound_email set next_attempt_at = ? where id in (${ids.map(() => '?').join(', ')}) and claim_token = ? and status = 'SENDING'`,
        [leaseEnd(), ...ids, token],
      )
        .catch((err: Error) => logger.warn({ err: err.message }, 'mail lease renewal failed'))
        .finally(() => (beat = undefined));
    }, options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
    try {
      for (const mail of claimed) {
        if (options.signal?.aborted) {
          // Shutting down: the mails of this batch not yet started go back to the queue now, not after the lease.
          await run(
            `update outbound_email set status = 'PENDING', claim_token = null, next_attempt_at = ?
              where claim_token = ? and status = 'SENDING' and sending_since is null`,
            [clock.now(), token],
          );
          break;
        }
        // Renews this mail's lease and records that an attempt starts; nothing when the claim was lost meanwhile.
        const [started] = await run<{ attempts: number }>(
          `update outbound_email set sending_since = ?, attempts = attempts + 1, next_attempt_at = ?
            where id = ? and claim_token = ? and status = 'SENDING' returning attempts`,
          [clock.now(), leaseEnd(), mail.id, token],
        );
        if (!started) continue;
        try {
          await transport.sendMail({
            from: FROM, to: mail.recipients, subject: mail.subject, messageId: mail.message_id,
            text: revealSecrets(mail.text, mail.secrets_enc ?? undefined, box),
            html: mail.html ? revealSecrets(mail.html, mail.secrets_enc ?? undefined, box) : undefined,
          });
        } catch (e) {
          const dead = started.attempts >= MAX_ATTEMPTS;
          await run(
            `update outbound_email set status = ?, last_error = ?, next_attempt_at = ?, claim_token = null, sending_since = null
              where id = ? and claim_token = ?`,
            [dead ? EmailStatus.DEAD : EmailStatus.PENDING, String((e as Error).message).slice(0, 500), new Date(clock.now().getTime() + backoffMs(started.attempts)), mail.id, token],
          );
          logger.warn({ mail: mail.id, attempts: started.attempts, dead }, 'mail delivery failed');
          continue;
        }
        const at = clock.now();
        sent++;
        try {
          await recordSent(mail.id, at);
        } catch (e) {
          unrecorded.set(mail.id, at);
          throw e;
        }
      }
    } finally {
      clearInterval(heartbeat);
      await beat;
    }
  }
}
