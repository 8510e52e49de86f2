import type { Clock } from '../common/clock.js';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { logger } from '../common/logger.js';
import type { SecretBox } from '../common/secrets.js';
import { EmailStatus } from '../common/enums.js';
import { OutboundEmail } from './entities.js';
import { revealSecrets } from './outbox.js';

/** Attempts before a mail goes to the dead-letter state, and the batch one worker claims at a time. */
export const MAX_ATTEMPTS = 5;
const BATCH = 20;
/** A claimed mail whose worker died is claimable again after this lease. */
const LEASE_MS = 10 * 60_000;
export const FROM = '"NACCSセンター" <no-reply@naccs-center.example.jp>';

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
    const transport = nodemailer.createTransport(smtpUrl);
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

/**
 * Delivers due outbox mails. Each batch is claimed in its own transaction with FOR UPDATE SKIP LOCKED and marked
 * SENDING before anything is sent, so two processes never send the same mail; the Message-ID stays the one written
 * with the mail. Failures retry with backoff and end DEAD after MAX_ATTEMPTS. Returns how many were sent.
 */
export async function deliverDueEmails(root: EntityManager, transport: Transporter, box: SecretBox, clock: Clock): Promise<number> {
  const now = () => clock.now();
  let sent = 0;
  for (;;) {
    const claimed = await root.fork().transactional(async (em) => {
      const rows = await em.getConnection().execute<{ id: string }[]>(
        `update outbound_email set status = 'SENDING', attempts = attempts + 1, next_attempt_at = ?
          where id in (select id from outbound_email
                        where (status = 'PENDING' or status = 'SENDING') and next_attempt_at <= ?
                        order by created_at limit ${BATCH} for update skip locked)
          returning id`,
        [new Date(now().getTime() + LEASE_MS), now()], 'all', em.getTransactionContext(),
      );
      return rows.map((r) => r.id);
    });
    if (!claimed.length) return sent;
    const em = root.fork();
    for (const mail of await em.find(OutboundEmail, { id: { $in: claimed } })) {
      try {
        await transport.sendMail({
          from: FROM, to: mail.recipients, subject: mail.subject, messageId: mail.messageId,
          text: revealSecrets(mail.text, mail.secretsEnc, box),
          html: mail.html ? revealSecrets(mail.html, mail.secretsEnc, box) : undefined,
        });
        Object.assign(mail, { status: EmailStatus.SENT, sentAt: now(), lastError: undefined });
        sent++;
      } catch (e) {
        const message = String((e as Error).message).slice(0, 500);
        const dead = mail.attempts >= MAX_ATTEMPTS;
        Object.assign(mail, { status: dead ? EmailStatus.DEAD : EmailStatus.PENDING, lastError: message, nextAttemptAt: new Date(now().getTime() + backoffMs(mail.attempts)) });
        logger.warn({ mail: mail.id, attempts: mail.attempts, dead }, 'mail delivery failed');
      }
      await em.flush();
    }
  }
}
