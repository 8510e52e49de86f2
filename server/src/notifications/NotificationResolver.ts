import { randomUUID } from 'node:crypto';
import { raw, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Projection, pageKeys, readPage } from '../graphql/projection.js';
import { Arg, Authorized, Ctx, Field, ID, Info, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AuditAction, EmailStatus } from '../common/enums.js';
import { badInput, notFound } from '../common/errors.js';
import { DEFAULT_PAGE_SIZE, checkPage } from '../common/paging.js';
import { escapeLike } from '../common/search.js';
import { roles } from '../graphql/access.js';
import type { Context } from '../graphql/context.js';
import { Application } from '../applications/Application.js';
import { audit } from '../staff/audit.js';
import { NotificationTemplate, OutboundEmail } from './entities.js';
import { EVENTS, MAIL_KEYS, sampleVariables, type MailKey } from './events.js';
import { NSS_URL, enqueueMail } from './outbox.js';
import { latestTemplate, mailKey, renderTemplate, saveTemplate, validateTemplate } from './templates.js';
import { applicationVariables } from './variables.js';
import { japaneseDate } from '../common/dates.js';

@ObjectType({ description: '通知テンプレートで使える変数' })
class TemplateVariable {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'string / date / boolean' }) type!: string;
  @Field(() => Boolean) required!: boolean;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'プレビュー用のサンプル値' }) sample!: string;
}

@ObjectType({ description: '通知テンプレートの版' })
class TemplateVersionView {
  @Field(() => Int) version!: number;
  @Field(() => String) subject!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) html?: string;
  @Field(() => String, { nullable: true, description: '作成者' }) createdBy?: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '通知テンプレート (イベントごと)' })
class NotificationTemplateView {
  @Field(() => ID, { description: 'イベントのキー (例: application-approved)' }) key!: string;
  @Field(() => String, { description: '通知名' }) label!: string;
  @Field(() => Int, { description: '最新の版' }) version!: number;
  @Field(() => String) subject!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) html?: string;
  @Field(() => [TemplateVariable]) variables!: TemplateVariable[];
  @Field(() => [TemplateVersionView], { description: '版の履歴 (新しい順)' }) versions!: TemplateVersionView[];
}

@ObjectType({ description: '通知のプレビュー' })
class RenderedNotification {
  @Field(() => String) subject!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) html?: string;
  @Field(() => Int, { nullable: true, description: '使った版 (下書きは null)' }) version?: number;
}

@ObjectType({ description: '送信メール (送信ログ)' })
class OutboundEmailView {
  @Field(() => ID) id!: string;
  @Field(() => String) templateKey!: string;
  @Field(() => Int, { nullable: true }) templateVersion?: number;
  @Field(() => String, { nullable: true, description: '申込受付番号' }) receiptNo?: string;
  @Field(() => [String]) recipients!: string[];
  @Field(() => String) subject!: string;
  @Field(() => String, { description: '本文 (パスワード等の秘密は伏せたまま)' }) text!: string;
  @Field(() => String, { nullable: true }) html?: string;
  @Field(() => EmailStatus) status!: EmailStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError?: string;
  @Field(() => String, { nullable: true, description: '描画の注記: 最新の版を描画できず、前の版 (または既定の文面) で作成した理由' }) renderNote?: string;
  @Field(() => String) messageId!: string;
  @Field(() => Boolean, { description: '重複の可能性: 前の送信の結果が記録されないまま同じ Message-ID で送り直した (受信側に2通届いたかもしれない)' }) possibleDuplicate!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt?: Date;
  @Field(() => Date) nextAttemptAt!: Date;
}

@ObjectType()
class OutboundEmailPage {
  @Field(() => [OutboundEmailView]) items!: OutboundEmailView[];
  @Field(() => Int) totalCount!: number;
}

@InputType({ description: '送信ログの絞り込み' })
export class OutboundEmailFilter {
  @Field(() => [EmailStatus], { nullable: true }) status?: EmailStatus[];
  @Field(() => String, { nullable: true }) templateKey?: string;
  @Field(() => String, { nullable: true, description: '宛先・件名の部分一致' }) q?: string;
  @Field(() => ID, { nullable: true }) applicationId?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: 重複の可能性があるメールだけ' }) possibleDuplicate?: boolean;
}

/** 送信ログ's conditions (the list and its CSV export). */
export function outboundEmailWhere(filter: OutboundEmailFilter | undefined): FilterQuery<OutboundEmail> {
  const and: FilterQuery<OutboundEmail>[] = [];
  if (filter?.status?.length) and.push({ status: { $in: filter.status } });
  if (filter?.templateKey) and.push({ templateKey: filter.templateKey });
  if (filter?.applicationId) and.push({ application: filter.applicationId });
  if (filter?.possibleDuplicate) and.push({ possibleDuplicate: true });
  if (filter?.q?.trim()) {
    const q = `%${escapeLike(filter.q.trim())}%`;
    and.push({ $or: [{ subject: { $ilike: q } }, { recipients: { $overlap: [filter.q.trim().toLowerCase()] } }] });
  }
  return and.length ? { $and: and } : {};
}

/** 送信ログ's order: newest first. */
export const OUTBOUND_EMAIL_ORDER: QueryOrderMap<OutboundEmail>[] = [{ createdAt: 'desc' }, { id: 'desc' }];

/** A template that does not render is the caller's input to fix (BAD_USER_INPUT), never an internal error. */
function rendered<T>(path: string, render: () => T): T {
  try {
    return render();
  } catch (e) {
    throw badInput([{ path, message: `テンプレートを描画できません (${String((e as Error).message).split('\n')[0]})。` }]);
  }
}

const secretMask = (s: string) => s.replace(/\[\[secret:\w+\]\]/g, '********');
const view = (m: OutboundEmail): OutboundEmailView => ({
  id: m.id, templateKey: m.templateKey, templateVersion: m.templateVersion, receiptNo: m.application?.receiptNo, recipients: m.recipients,
  subject: m.subject, text: secretMask(m.text), html: m.html ? secretMask(m.html) : undefined, status: m.status, attempts: m.attempts,
  lastError: m.lastError, renderNote: m.renderNote, messageId: m.messageId, possibleDuplicate: m.possibleDuplicate, createdAt: m.createdAt, sentAt: m.sentAt, nextAttemptAt: m.nextAttemptAt,
});

async function templateView(ctx: Context, key: MailKey): Promise<NotificationTemplateView> {
  const versions = await ctx.em.find(NotificationTemplate, { key }, { orderBy: { version: 'desc' }, populate: ['createdBy'] });
  const t = latestTemplate(key);
  return {
    key, label: EVENTS[key].label, version: t.version, subject: t.subject, text: t.text, html: t.html,
    variables: Object.entries(EVENTS[key].variables).map(([name, v]) => ({ name, type: v.type, required: 'required' in v && !!v.required, description: v.description, sample: String(v.sample) })),
    versions: versions.map((v) => ({ version: v.version, subject: v.subject, text: v.text, html: v.html, createdBy: v.createdBy?.name, createdAt: v.createdAt })),
  };
}

@Resolver()
export class NotificationResolver {
  @Authorized(...roles('notificationTemplates'))
  @Query(() => [NotificationTemplateView], { description: '通知テンプレートの一覧' })
  async notificationTemplates(@Ctx() ctx: Context): Promise<NotificationTemplateView[]> {
    return Promise.all(MAIL_KEYS.map((k) => templateView(ctx, k)));
  }

  @Authorized(...roles('notificationTemplate'))
  @Query(() => NotificationTemplateView, { description: '通知テンプレート (版の履歴つき)' })
  notificationTemplate(@Arg('key', () => String) key: string, @Ctx() ctx: Context): Promise<NotificationTemplateView> {
    return templateView(ctx, mailKey(key));
  }

  @Authorized(...roles('saveNotificationTemplate'))
  @Mutation(() => NotificationTemplateView, { description: '通知テンプレートの新しい版を保存する (監督者)。変数と構文を検証する' })
  async saveNotificationTemplate(
    @Arg('key', () => String) key: string,
    @Arg('subject', () => String) subject: string,
    @Arg('text', () => String) text: string,
    @Arg('html', () => String, { nullable: true }) html: string | undefined,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<NotificationTemplateView> {
    const k = mailKey(key);
    await saveTemplate(ctx.em, k, { subject, text, html }, expectedVersion, ctx.staff);
    return templateView(ctx, k);
  }

  @Authorized(...roles('rollbackNotificationTemplate'))
  @Mutation(() => NotificationTemplateView, { description: '過去の版の内容で新しい版を作る (監督者)' })
  async rollbackNotificationTemplate(
    @Arg('key', () => String) key: string,
    @Arg('version', () => Int) version: number,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<NotificationTemplateView> {
    const k = mailKey(key);
    const old = await ctx.em.findOne(NotificationTemplate, { key: k, version });
    if (!old) throw notFound(`${EVENTS[k].label} の版 ${version}`);
    await saveTemplate(ctx.em, k, { subject: old.subject, text: old.text, html: old.html }, expectedVersion, ctx.staff, `版 ${version} に戻す`);
    return templateView(ctx, k);
  }

  @Authorized(...roles('previewNotification'))
  @Query(() => RenderedNotification, { description: '通知のプレビュー: 実際の申込 (applicationId) またはサンプルで、保存済みの版か下書き (subject/text/html) を描画する' })
  async previewNotification(
    @Arg('key', () => String) key: string,
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | undefined,
    @Arg('version', () => Int, { nullable: true }) version: number | undefined,
    @Arg('subject', () => String, { nullable: true }) subject: string | undefined,
    @Arg('text', () => String, { nullable: true }) text: string | undefined,
    @Arg('html', () => String, { nullable: true }) html: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<RenderedNotification> {
    const k = mailKey(key);
    let vars: Record<string, unknown> = { ...sampleVariables(k), nssUrl: NSS_URL };
    if (applicationId) {
      const app = /^[0-9a-f-]{36}$/i.test(applicationId) ? await ctx.em.findOne(Application, { id: applicationId }) : null;
      if (!app) throw notFound('指定された申込');
      const date = (iso?: string) => (iso ? japaneseDate(new Date(`${iso}T00:00:00+09:00`)) : undefined);
      const real = { ...applicationVariables(app), startDate: date(app.startDate), systemSettingsDeadline: date(app.systemSettingsDeadline), message: app.returnMessage };
      vars = { ...vars, ...Object.fromEntries(Object.entries(real).filter(([, v]) => v !== undefined)) };
    }
    if (text !== undefined || subject !== undefined) {
      const draft = { subject: subject ?? latestTemplate(k).subject, text: text ?? latestTemplate(k).text, html };
      const errors = validateTemplate(k, draft);
      if (errors.length) throw badInput(errors);
      return rendered('text', () => renderTemplate({ key: k, version: 0, ...draft }, vars, true));
    }
    if (version !== undefined) {
      const row = await ctx.em.findOne(NotificationTemplate, { key: k, version });
      if (!row) throw notFound(`${EVENTS[k].label} の版 ${version}`);
      return { version, ...rendered('version', () => renderTemplate({ key: k, version, subject: row.subject, text: row.text, html: row.html }, vars)) };
    }
    const t = latestTemplate(k);
    return { ...rendered('key', () => t.render(vars)), version: t.version };
  }

  @Authorized(...roles('sendTestNotification'))
  @Mutation(() => OutboundEmailView, { description: '最新の版でテストメールを自分宛てに送る (サンプル値)' })
  async sendTestNotification(@Arg('key', () => String) key: string, @Ctx() ctx: Context): Promise<OutboundEmailView> {
    const k = mailKey(key);
    if (!ctx.staff) throw badInput([{ path: 'key', message: 'テスト送信は職員のサインインで行ってください。' }]);
    const mail = enqueueMail(ctx.em, ctx.services.secrets, { key: k, recipients: [ctx.staff.email], variables: { ...sampleVariables(k), recipientName: `${ctx.staff.name} (テスト)` } })!;
    await ctx.em.flush();
    return view(mail);
  }

  @Authorized(...roles('outboundEmails'))
  @Query(() => OutboundEmailPage, { description: '送信ログ (新しい順)' })
  async outboundEmails(
    @Arg('filter', () => OutboundEmailFilter, { nullable: true }) filter: OutboundEmailFilter | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) limit: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OutboundEmailPage> {
    checkPage(offset, limit);
    const where = outboundEmailWhere(filter);
    // One statement: the page's columns (the view's fields are the entity's, the receipt number joined) and the count.
    const projection = new Projection(ctx.em.getMetadata(), info, {
      OutboundEmail: { fields: { receiptNo: (_p, alias) => `(select a."receipt_no" from "application" a where a."id" = ${alias}."application_id")` } },
    });
    const selected = projection.child('items');
    const json = selected ? projection.object('OutboundEmail', 'r0', selected.sets) : `json_build_object('id', r0."id")`;
    if (json !== undefined) {
      const keys = ctx.em.createQueryBuilder(OutboundEmail, 'm').select('m.id').where(where as never).orderBy(OUTBOUND_EMAIL_ORDER).toQuery();
      const count = projection.selects('totalCount') ? ctx.em.createQueryBuilder(OutboundEmail, 'm').select(raw('count(*)::int')).where(where as never).toQuery() : undefined;
      const page = await readPage<OutboundEmailView>(ctx.em, 'outbound_email', json, pageKeys(keys, offset, limit), count);
      // Secrets stay masked (the same rule as view()).
      const items = page.items.map((m) => ({ ...m, text: m.text === undefined ? m.text : secretMask(m.text), html: m.html ? secretMask(m.html) : m.html }));
      return { items, totalCount: page.total };
    }
    const [rows, totalCount] = await ctx.em.findAndCount(OutboundEmail, where, { populate: ['application'], orderBy: OUTBOUND_EMAIL_ORDER, offset, limit });
    return { items: rows.map(view), totalCount };
  }

  @Authorized(...roles('resendEmail'))
  @Mutation(() => OutboundEmailView, { description: '再送する (監督者): 同じ内容の新しいメールを送信待ちにする' })
  async resendEmail(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OutboundEmailView> {
    const mail = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.em.findOne(OutboundEmail, { id }, { populate: ['application'] }) : null;
    if (!mail) throw notFound('指定されたメール');
    const copy = Object.assign(new OutboundEmail(), {
      templateKey: mail.templateKey, templateVersion: mail.templateVersion, application: mail.application, recipients: mail.recipients,
      subject: mail.subject, text: mail.text, html: mail.html, renderNote: mail.renderNote, secretsEnc: mail.secretsEnc, messageId: `<${randomUUID()}@naccs-back-office>`,
    });
    ctx.em.persist(copy);
    audit(ctx.em, { action: AuditAction.EMAIL_RESEND, staff: ctx.staff, target: mail.messageId, detail: `→ ${copy.messageId}`, ip: ctx.ip });
    await ctx.em.flush();
    return view(copy);
  }
}
