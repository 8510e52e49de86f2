import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { EntityManager } from '@mikro-orm/postgresql';
import { repoRoot } from '../config.js';
import { DomainError, ErrorCode, badInput, notFound, type FieldError } from '../common/errors.js';
import type { Staff } from '../staff/Staff.js';
import { audit } from '../staff/audit.js';
import { logger } from '../common/logger.js';
import { EVENTS, MAIL_KEYS, sampleVariables, type MailKey } from './events.js';
import { NotificationTemplate } from './entities.js';
import { AuditAction } from '../common/enums.js';

// Notification templates: the defaults in templates/<key>/ become version 1 in the database; supervisors save new
// versions (checked and rendered against the event's sample at save) and roll back. Compiled templates are cached per
// version, and the latest versions of every event are kept in memory so that writing a mail to the outbox needs no
// query — and can fall back to an earlier version when the latest one fails to render.

const templatesDir = join(repoRoot, 'templates');
// Only what a mail needs: if/unless/each/with. `log` would write customer data to the server log and `lookup` reaches
// properties by computed name, so neither exists in this environment nor compiles.
const HELPERS = ['if', 'unless', 'each', 'with'];
const hbs = Handlebars.create();
hbs.unregisterHelper('log');
hbs.unregisterHelper('lookup');
const COMPILE = { knownHelpersOnly: true, knownHelpers: { log: false, lookup: false } } as const;
const PARTIALS: Record<string, string> = {};
for (const file of existsSync(join(templatesDir, '_partials')) ? readdirSync(join(templatesDir, '_partials')) : []) {
  PARTIALS[file.replace(/\.hbs$/, '')] = readFileSync(join(templatesDir, '_partials', file), 'utf8');
  hbs.registerPartial(file.replace(/\.hbs$/, ''), PARTIALS[file.replace(/\.hbs$/, '')]!);
}
/** How many recent versions per event stay in memory as fallbacks. */
const KEPT_VERSIONS = 5;

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
/** Per event, the latest versions, newest first. */
const recent = new Map<MailKey, CompiledTemplate[]>();

function compile(t: TemplateVersion, cache = true): CompiledTemplate {
  const id = `${t.key}@${t.version}`;
  let c = cache ? compiledCache.get(id) : undefined;
  if (!c) {
    const subject = hbs.compile(t.subject.trim(), { ...COMPILE, noEscape: true });
    const text = hbs.compile(t.text, { ...COMPILE, noEscape: true });
    // HTML mail escapes its variables (Handlebars' default).
    const html = t.html ? hbs.compile(t.html, COMPILE) : undefined;
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
  return recent.get(key)?.[0] ?? compile(defaultTemplate(key));
}

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 300);

/**
 * Renders a mail from the latest version of its template; a version that fails (a row written around the save check,
 * a partial gone from templates/) is passed over for the previous one that renders, finally the file default, and
 * `note` says so (shown in 送信ログ). The event that sends the mail never fails because of its template.
 */
export function renderMail(key: MailKey, vars: Record<string, unknown>): { template: CompiledTemplate; subject: string; text: string; html?: string; note?: string } {
  const failed: string[] = [];
  const kept = recent.get(key) ?? [];
  // The file default is read only when every kept version has failed (this is the approval's hot path).
  for (let i = 0; i <= kept.length; i++) {
    const fileDefault = i === kept.length;
    const t = fileDefault ? compile(defaultTemplate(key), false) : kept[i]!;
    try {
      const rendered = t.render(vars);
      const used = fileDefault ? '既定の文面 (templates/)' : `版 ${t.version}`;
      return { template: t, ...rendered, note: failed.length ? `テンプレートを描画できなかったため${used} で作成しました: ${failed.join(' / ')}` : undefined };
    } catch (e) {
      // Names and versions only: the variables are customer data.
      logger.error({ template: key, version: t.version, err: firstLine(e) }, 'notification template failed to render; trying an earlier version');
      failed.push(`版 ${t.version}${fileDefault ? ' (既定)' : ''} (${firstLine(e)})`);
    }
  }
  throw new Error(`notification template ${key}: no version renders (${failed.join(' / ')})`);
}

/** Loads the latest versions into memory, inserting the file defaults as version 1 where an event has none. */
export async function loadTemplates(em: EntityManager): Promise<void> {
  const rows = await em.getConnection().execute<Array<{ key: string; version: number; subject: string; text: string; html: string | null }>>(
    `select key, version, subject, text, html from (
       select t.*, row_number() over (partition by key order by version desc) as n from notification_template t) r
      where n <= ${KEPT_VERSIONS} order by key, version desc`,
  );
  for (const key of MAIL_KEYS) {
    const mine = rows.filter((r) => r.key === key);
    if (mine.length) {
      recent.set(key, mine.map((row) => compile({ key, version: row.version, subject: row.subject, text: row.text, html: row.html ?? undefined })));
      continue;
    }
    const t = defaultTemplate(key);
    await em.getConnection().execute(
      `insert into notification_template (id, key, version, subject, text, html, created_at) values (gen_random_uuid(), ?, 1, ?, ?, ?, now()) on conflict do nothing`,
      [key, t.subject, t.text, t.html ?? null],
    );
    recent.set(key, [compile(t)]);
  }
}

interface Finding {
  line: number;
  message: string;
}

/** Property names that reach into JavaScript objects rather than the mail's variables. */
const PROTOTYPE_NAMES = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', 'toLocaleString']);
const DATA_VARIABLES = new Set(['index', 'key', 'first', 'last']);

/**
 * Walks a template's syntax tree: the variables it uses (with their lines) and what it may not contain — partials
 * other than templates/_partials, dynamic partials, inline partials, helpers other than HELPERS, paths into a
 * variable (`{{a.b}}`, which is how `{{foo.constructor}}` reaches the prototype) and @-variables such as @root.
 */
function inspect(source: string, allowed: ReadonlySet<string>, label?: string): { used: Array<{ name: string; line: number }>; findings: Finding[] } {
  const used: Array<{ name: string; line: number }> = [];
  const findings: Finding[] = [];
  const lineOf = (node: any): number => node?.loc?.start?.line ?? 1;
  const path = (node: any): void => {
    const line = lineOf(node);
    if (node.data) {
      if (!(node.parts.length === 1 && DATA_VARIABLES.has(node.parts[0]))) {
        findings.push({ line, message: `{{${node.original}}}: @ で始まる変数 (@root など) は使えません。` });
      }
      return;
    }
    if (!node.parts.length) return; // {{this}}
    const bad = node.parts.find((p: string) => PROTOTYPE_NAMES.has(p));
    if (bad) {
      findings.push({ line, message: `{{${node.original}}}: ${bad} はJavaScriptの内部を指す名前のため使えません。` });
      return;
    }
    if (node.parts.length > 1) {
      findings.push({ line, message: `{{${node.original}}}: 変数の中の項目 (.${node.parts.slice(1).join('.')}) は参照できません。変数名だけを書いてください。` });
      return;
    }
    used.push({ name: node.parts[0], line });
    if (!allowed.has(node.parts[0])) findings.push({ line, message: `変数 {{${node.parts[0]}}} はこの通知${label ? ` (${label})` : ''}では使えません。使える変数: ${[...allowed].join(', ')}` });
  };
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const line = lineOf(node);
    switch (node.type) {
      case 'PathExpression':
        return path(node);
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        if (node.name.type === 'SubExpression') {
          findings.push({ line, message: '動的なパーシャル {{> (…)}} は使えません。パーシャル名を直接書いてください。' });
          return;
        }
        const name = String(node.name.original ?? node.name.value);
        if (node.name.data || !Object.hasOwn(PARTIALS, name)) {
          findings.push({ line, message: `パーシャル {{> ${name}}} はありません。使えるパーシャル: ${Object.keys(PARTIALS).join(', ')}` });
          return;
        }
        // What the partial uses counts as used here (the addressee block's recipientName).
        for (const v of PARTIAL_USES[name] ?? []) used.push({ name: v, line });
        visit(node.params);
        visit(node.hash);
        visit(node.program);
        return;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        findings.push({ line, message: 'インラインパーシャル・デコレーター ({{#*…}}) は使えません。' });
        return;
      case 'MustacheStatement':
      case 'BlockStatement':
      case 'SubExpression': {
        const isCall = node.params?.length || node.hash?.pairs?.length || node.type === 'SubExpression';
        if (node.path.type === 'PathExpression' && HELPERS.includes(node.path.original) && node.params?.length !== 1) {
          findings.push({ line, message: `{{#${node.path.original}}} には変数を1つ指定してください (例: {{#${node.path.original} receiptNo}})。` });
          return;
        }
        if (!isCall) break;
        const name = node.path.type === 'PathExpression' ? node.path.original : String(node.path.value ?? node.path.original);
        if (name === 'log') findings.push({ line, message: '{{log}} はサーバーのログに書き出すため使えません。' });
        else if (!HELPERS.includes(name) || node.path.type !== 'PathExpression' || node.path.data || node.path.parts.length !== 1) {
          findings.push({ line, message: `ヘルパー {{${name} …}} は使えません。使えるヘルパー: ${HELPERS.join(', ')}` });
        }
        visit(node.params);
        visit(node.hash);
        visit(node.program);
        visit(node.inverse);
        return;
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && v && typeof v === 'object') visit(v);
  };
  visit(Handlebars.parse(source));
  return { used, findings };
}

/** Variables each shared partial uses (trusted files; any name goes). */
const PARTIAL_USES: Record<string, string[]> = {};
for (const [name, source] of Object.entries(PARTIALS)) {
  PARTIAL_USES[name] = [...new Set(inspect(source, new Set()).used.map((u) => u.name))];
}

const lineIn = (e: unknown): number | undefined => {
  const err = e as { lineNumber?: number; message?: string };
  if (typeof err?.lineNumber === 'number') return err.lineNumber;
  const m = /line (\d+)/.exec(String(err?.message));
  return m ? Number(m[1]) : undefined;
};

/** A parse error in words: an unclosed block by the line it opens on, anything else by the parser's line and reason. */
function syntaxError(source: string, e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  if (/got 'EOF'/.test(message)) {
    const open: Array<{ name: string; line: number }> = [];
    source.split('\n').forEach((text, i) => {
      for (const m of text.matchAll(/\{\{~?\s*([#^/])\s*([^\s}~]+)/g)) {
        if (m[1] === '/') open.pop();
        else open.push({ name: m[2]!, line: i + 1 });
      }
    });
    const unclosed = open[open.length - 1];
    if (unclosed) return `${unclosed.line}行目: テンプレートの構文に誤りがあります ({{#${unclosed.name.replace(/^[#>*]+/, '')}}} が {{/…}} で閉じられていません)。`;
  }
  const line = lineIn(e);
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  // The parser's own words list token names; the excerpt it quotes says more to an editor.
  const excerpt = /^Parse error/.test(message) ? message.split('\n')[1]?.trim() : undefined;
  const reason = mismatch ? `{{#${mismatch[1]}}} が {{/${mismatch[2]}}} で閉じられています` : excerpt ? `「${excerpt.slice(0, 60)}」の付近` : firstLine(e);
  return `${line ? `${line}行目: ` : ''}テンプレートの構文に誤りがあります (${reason})。`;
}

/**
 * Validation at save and preview: each part parses, uses only what inspect() allows, and renders — compiled as mails
 * are, in strict mode — against the event's sample; the required variables appear. Every message names the line.
 */
export function validateTemplate(key: MailKey, parts: { subject: string; text: string; html?: string }): FieldError[] {
  const spec = EVENTS[key].variables as Record<string, { required?: boolean }>;
  const allowed = new Set(Object.keys(spec));
  const sample = sampleVariables(key);
  const errors: FieldError[] = [];
  const used = new Set<string>();
  for (const part of ['subject', 'text', 'html'] as const) {
    const source = parts[part];
    if (source === undefined || source === null) continue;
    if (part !== 'html' && !source.trim()) {
      errors.push({ path: part, message: `${part === 'subject' ? '件名' : '本文'}を入力してください。` });
      continue;
    }
    let findings: Finding[];
    try {
      const found = inspect(source, allowed, EVENTS[key].label);
      found.used.forEach((u) => used.add(u.name));
      findings = found.findings;
    } catch (e) {
      errors.push({ path: part, message: syntaxError(source, e) });
      continue;
    }
    for (const f of findings) errors.push({ path: part, message: `${f.line}行目: ${f.message}` });
    if (findings.length) continue;
    try {
      // Strict: a name the sample lacks throws instead of printing nothing.
      hbs.compile(part === 'subject' ? source.trim() : source, { ...COMPILE, strict: true, noEscape: part !== 'html' })(sample);
    } catch (e) {
      const line = lineIn(e);
      errors.push({ path: part, message: `${line ? `${line}行目: ` : ''}サンプル値で描画できません (${firstLine(e)})。` });
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
    audit(tem, { action: AuditAction.TEMPLATE_SAVE, staff, target: key, detail: `${note}: 版 ${row.version}` });
    await tem.flush();
    recent.set(key, [compile({ key, version: row.version, subject: row.subject, text: row.text, html: row.html }), ...(recent.get(key) ?? [])].slice(0, KEPT_VERSIONS));
    return row;
  });
}
