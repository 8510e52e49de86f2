import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { EntityManager } from '@mikro-orm/postgresql';
import { repoRoot } from '../config.js';
import type { SecretBox } from '../common/secrets.js';
import type { Application } from '../applications/Application.js';
import { OutboundEmail } from './entities.js';

/** Template keys of the e-mails this system sends (folders under templates/). */
export type MailKey =
  | 'provisional-account-registered'
  | 'application-received'
  | 'application-withdrawn'
  | 'application-returned'
  | 'application-approved'
  | 'application-cancelled'
  | 'password-reissued';

export const NSS_URL = 'https://nss.nac6.naccs.jp/dfw/login/nsscoapp/';
const templatesDir = join(repoRoot, 'templates');

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
}

const hbs = Handlebars.create();
for (const file of existsSync(join(templatesDir, '_partials')) ? readdirSync(join(templatesDir, '_partials')) : []) {
  hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(templatesDir, '_partials', file), 'utf8'));
}
const compiled = new Map<MailKey, Compiled>();

/** The default template of an event, compiled once per process (plain text: no HTML escaping). */
function template(key: MailKey): Compiled {
  let t = compiled.get(key);
  if (!t) {
    const read = (f: string) => readFileSync(join(templatesDir, key, f), 'utf8');
    t = {
      subject: hbs.compile(read('subject.hbs').trim(), { noEscape: true, strict: true }),
      text: hbs.compile(read('text.hbs'), { noEscape: true, strict: true }),
    };
    compiled.set(key, t);
  }
  return t;
}

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
  const t = template(req.key);
  const secrets = req.secrets ?? {};
  const vars = { nssUrl: NSS_URL, ...req.variables, ...Object.fromEntries(Object.keys(secrets).map((k) => [k, marker(k)])) };
  const mail = Object.assign(new OutboundEmail(), {
    templateKey: req.key,
    application: req.application,
    recipients,
    subject: t.subject(vars),
    text: t.text(vars),
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
