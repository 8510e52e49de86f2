import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SecretBox } from '../common/secrets.js';
import type { Application } from '../applications/Application.js';
import { OutboundEmail } from './entities.js';
import type { MailKey } from './events.js';
import { renderMail } from './templates.js';

export type { MailKey };

export const NSS_URL = 'https://nss.nac6.naccs.jp/dfw/login/nsscoapp/';

const marker = (name: string) => `[[secret:${name}]]`;

export interface MailRequest {
  key: MailKey;
  recipients: string[];
  variables: Record<string, unknown>;
  /** Values that must not rest in plain text (passwords): sealed, filled in at delivery. */
  secrets?: Record<string, string>;
  application?: Application;
}

/**
 * Writes a mail to the outbox in the caller's transaction (persist only; the caller flushes). Delivery is the
 * worker's job, never inline.
 */
export function enqueueMail(em: EntityManager, box: SecretBox, req: MailRequest): OutboundEmail | undefined {
  const recipients = [...new Set(req.recipients.filter(Boolean))];
  // Records entered before e-mail addresses were required may have none: nothing to send, not an error.
  if (!recipients.length) return undefined;
  const secrets = req.secrets ?? {};
  const vars = { nssUrl: NSS_URL, ...req.variables, ...Object.fromEntries(Object.keys(secrets).map((k) => [k, marker(k)])) };
  // Never throws for a broken latest version: an earlier one (or the file default) is used and the mail says so.
  const rendered = renderMail(req.key, vars);
  const mail = Object.assign(new OutboundEmail(), {
    templateKey: req.key,
    application: req.application,
    recipients,
    templateVersion: rendered.template.version,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    renderNote: rendered.note,
    secretsEnc: Object.keys(secrets).length ? box.seal(JSON.stringify(secrets)) : undefined,
    messageId: `<${randomUUID()}@naccs-back-office>`,
  });
  em.persist(mail);
  return mail;
}

/** The body as sent: secret markers replaced by their values (delivery only). */
export function revealSecrets(text: string, secretsEnc: string | undefined, box: SecretBox): string {
  if (!secretsEnc) return text;
  const secrets = JSON.parse(box.open(secretsEnc)) as Record<string, string>;
  return text.replace(/\[\[secret:(\w+)\]\]/g, (m, name: string) => secrets[name] ?? m);
}
