import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { EntityManager } from '@mikro-orm/postgresql';
import { repoRoot } from '../config.js';
import { DomainError, ErrorCode, badInput, notFound, type FieldError } from '../common/errors.js';
import type { Staff } from '../staff/Staff.js';
import { audit } from '../staff/audit.js';
import { EVENTS, MAIL_KEYS, type MailKey } from './events.js';
import { NotificationTemplate } from './entities.js';

// Notification templates: the defaults in templates/<key>/ become version 1 in the database; supervisors save new
// versions (validated against the event's variables) and roll back. Compiled templates are cached per version, and
// the latest version of every event is kept in memory so that writing a mail to the outbox needs no query.

const templatesDir = join(repoRoot, 'templates');
const hbs = Handlebars.create();
const PARTIALS: Record<string, string> = {};
for (const file of existsSync(join(templatesDir, '_partials')) ? readdirSync(join(templatesDir, '_partials')) : []) {
  PARTIALS[file.replace(/\.hbs$/, '')] = readFileSync(join(templatesDir, '_partials', file), 'utf8');
  hbs.registerPartial(file.replace(/\.hbs$/, ''), PARTIALS[file.replace(/\.hbs$/, '')]!);
}
/** Variables the shared partials use (part of every event's addressee block). */
const PARTIAL_VARIABLES = ['companyName', 'officeName', 'department', 'recipientName'];

export interface TemplateVersion {
  key: MailKey;
  version: number;
  subject: string;
  text: string;
  html?: string;
}

export interface CompiledTemplate extends TemplateVersion {
  render(vars: Record<string, unknown>): { subject: string; text: string; html?: string };
}

const compiledCache = new Map<string, CompiledTemplate>();
const latest = new Map<MailKey, CompiledTemplate>();

function compile(t: TemplateVersion, cache = true): CompiledTemplate {
  const id = `${t.key}@${t.version}`;
  let c = cache ? compiledCache.get(id) : undefined;
  if (!c) {
    const subject = hbs.compile(t.subject.trim(), { noEscape: true });
    const text = hbs.compile(t.text, { noEscape: true });
    // HTML mail escapes its variables (Handlebars' default).
    const html = t.html ? hbs.compile(t.html) : undefined;
    c = { ...t, render: (vars) => ({ subject: subject(vars).replace(/\s+/g, ' ').trim(), text: text(vars), html: html?.(vars) }) };
    if (cache) compiledCache.set(id, c);
  }
  return c;
}

/** Renders a saved version (compiled once per version) or an unsaved draft (compiled, not cached). */
export function renderTemplate(t: TemplateVersion, vars: Record<string, unknown>, draft = false) {
  return compile(t, !draft).render(vars);
}

export function defaultTemplate(key: MailKey): TemplateVersion {
  const read = (f: string) => (existsSync(join(templatesDir, key, f)) ? readFileSync(join(templatesDir, key, f), 'utf8') : undefined);
  return { key, version: 1, subject: read('subject.hbs')!.trim(), text: read('text.hbs')!, html: read('html.hbs') };
}

/** The latest version of an event's template (the file default until the database has been loaded). */
export function latestTemplate(key: MailKey): CompiledTemplate {
  return latest.get(key) ?? compile(defaultTemplate(key));
}

/** Loads the latest versions into memory, inserting the file defaults as version 1 where an event has none. */
export async function loadTemplates(em: EntityManager): Promise<void> {
  const rows = await em.getConnection().execute<Array<{ key: string; version: number; subject: string; text: string; html: string | null }>>(
    `select distinct on (key) key, version, subject, text, html from notification_template order by key, version desc`,
  );
  const found = new Map(rows.map((r) => [r.key, r]));
  for (const key of MAIL_KEYS) {
    const row = found.get(key);
    if (row) {
      latest.set(key, compile({ key, version: row.version, subject: row.subject, text: row.text, html: row.html ?? undefined }));
      continue;
    }
    const t = defaultTemplate(key);
    await em.getConnection().execute(
      `insert into notification_template (id, key, version, subject, text, html, created_at) values (gen_random_uuid(), ?, 1, ?, ?, ?, now()) on conflict do nothing`,
      [key, t.subject, t.text, t.html ?? null],
    );
    latest.set(key, compile(t));
  }
}

/** Variables a template uses: every path expression outside helpers' own names, with its line. */
function usedVariables(source: string): Array<{ name: string; line: number }> {
  const out: Array<{ name: string; line: number }> = [];
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'PathExpression' && !node.data && node.parts?.length && node.original !== 'this') {
      out.push({ name: node.parts[0], line: node.loc?.start.line ?? 0 });
    }
    if (node.type === 'PartialStatement') {
      // A partial's own name is not a variable; what it uses is the addressee block.
      for (const v of PARTIAL_VARIABLES) out.push({ name: v, line: node.loc?.start.line ?? 0 });
      return;
    }
    const helper = (node.type === 'BlockStatement' || node.type === 'MustacheStatement' || node.type === 'SubExpression') && node.params?.length ? node.path : undefined;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'loc' || v === helper) continue;
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(Handlebars.parse(source));
  return out;
}

/** Validation at save: compiles, uses only the event's variables, includes the required ones. */
export function validateTemplate(key: MailKey, parts: { subject: string; text: string; html?: string }): FieldError[] {
  const spec = EVENTS[key].variables as Record<string, { required?: boolean }>;
  const errors: FieldError[] = [];
  const used = new Set<string>();
  for (const part of ['subject', 'text', 'html'] as const) {
    const source = parts[part];
    if (source === undefined || source === null) continue;
    if (part !== 'html' && !source.trim()) {
      errors.push({ path: part, message: `${part === 'subject' ? '件名' : '本文'}を入力してください。` });
      continue;
    }
    try {
      for (const v of usedVariables(source)) {
        used.add(v.name);
        if (!(v.name in spec) && !['if', 'unless', 'each', 'with', 'else'].includes(v.name)) {
          errors.push({ path: part, message: `${v.line}行目: 変数 {{${v.name}}} はこの通知 (${EVENTS[key].label}) では使えません。使える変数: ${Object.keys(spec).join(', ')}` });
        }
      }
      hbs.precompile(source);
    } catch (e) {
      const m = /line (\d+)/.exec(String((e as Error).message));
      errors.push({ path: part, message: `${m ? `${m[1]}行目: ` : ''}テンプレートの構文に誤りがあります (${String((e as Error).message).split('\n')[0]})。` });
    }
  }
  for (const [name, s] of Object.entries(spec)) {
    if (s.required && !used.has(name)) errors.push({ path: 'text', message: `必須の変数 {{${name}}} がありません (${EVENTS[key].label} には必ず含めてください)。` });
  }
  return errors;
}

export function mailKey(key: string): MailKey {
  if (!(MAIL_KEYS as string[]).includes(key)) throw notFound(`通知テンプレート ${key}`);
  return key as MailKey;
}

/** Saves a new version (expectedVersion guards against concurrent edits) and makes it the latest. */
export async function saveTemplate(
  em: EntityManager,
  key: MailKey,
  parts: { subject: string; text: string; html?: string },
  expectedVersion: number,
  staff: Staff | undefined,
  note = '保存',
): Promise<NotificationTemplate> {
  const errors = validateTemplate(key, parts);
  if (errors.length) throw badInput(errors);
  return em.transactional(async (tem) => {
    const current = await tem.findOne(NotificationTemplate, { key }, { orderBy: { version: 'desc' } });
    if ((current?.version ?? 0) !== expectedVersion) {
      throw new DomainError(ErrorCode.CONFLICT, `他の担当者が先にテンプレートを更新しました (現在の版 ${current?.version ?? 0})。画面を再読み込みしてください。`, { currentVersion: current?.version });
    }
    const row = Object.assign(new NotificationTemplate(), { key, version: expectedVersion + 1, subject: parts.subject, text: parts.text, html: parts.html || undefined, createdBy: staff });
    tem.persist(row);
    audit(tem, { action: 'TEMPLATE_SAVE', staff, target: key, detail: `${note}: 版 ${row.version}` });
    await tem.flush();
    latest.set(key, compile({ key, version: row.version, subject: row.subject, text: row.text, html: row.html }));
    return row;
  });
}
