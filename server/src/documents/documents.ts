// The customer's documents of an application (seeds 001–004: 申込書 / 変更申込書, 承認通知 / 変更承認通知, and the
// ID通知内容 handed over on paper). Each is read through the GraphQL fields the console and integrators use, run here in
// the process with the caller's context: the same authorization (roles, API key scopes and companies), the same
// masking, and for ID通知内容 the same reveal rules (IdNoticeService: role, パスワード参照期間, history and audit log).
import { GraphQLObjectType, execute, getNamedType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Content } from 'pdfmake/interfaces.js';
import { todayInJapan } from '../common/dates.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { ApplicationKind, ApplicationStatus } from '../common/enums.js';
import { fieldRoles, mayRead } from '../graphql/access.js';
import type { Context } from '../graphql/context.js';
import { describe, japanTime, labelOf, leafText, list, objectType, pathLabel, selection, slashDate } from './model.js';
import { items, renderPdf, rows, section } from './pdf.js';

import type { DocumentKind } from './kinds.js';

export interface Document {
  pdf: Buffer;
  /** The file's name in Japanese (申込書_260001A.pdf) and in ASCII (form-260001A.pdf) for old clients. */
  fileName: string;
  asciiName: string;
}

type Row = Record<string, unknown>;

/** 申込書: the application as submitted, tab by tab as NSS shows it (the fields of each come from the schema). */
const FORM: Array<{ title: string; fields: string[] }> = [
  { title: '申込内容', fields: ['kind', 'connection', 'changeItems', 'otherChange', 'transferTargetOfficeCode', 'receivedAt', 'desiredStartDate', 'startDate', 'reviewedAt', 'systemSettingsDeadline', 'reason', 'remarks'] },
  { title: '申込担当者', fields: ['applicantCompanyName', 'applicantCompanyNameKana', 'applicant'] },
  { title: '事業所・企業', fields: ['companyProfile', 'officeProfile'] },
  { title: '利用者コード', fields: ['userCodes'] },
  { title: '論理端末', fields: ['terminals'] },
  { title: '回線', fields: ['noLineRequired', 'equipmentSharingOfficeCode', 'lines', 'constructionContact', 'constructionAttendee', 'constructionNotes'] },
  { title: 'メールボックス', fields: ['mailboxes'] },
  { title: '料金プラン', fields: ['plan'] },
  { title: '請求先', fields: ['billing'] },
  { title: '添付ファイル', fields: ['attachments'] },
];

/** What a 承認通知 never reads: passwords and what follows their rule (認証コード2/3), nor the terminals' access keys. */
const SECRETS = ['password', 'officePassword', 'authCode2', 'authCode3', 'accessKey'];

const HEAD = 'receiptNo kind status startDate reviewedAt systemSettingsDeadline companyName office { code profile { name } company { abbreviation } }';

const isChange = (kind: unknown) => kind !== ApplicationKind.NEW;
const formTitle = (kind: unknown) => (isChange(kind) ? 'システムサービス利用契約変更申込書' : 'システムサービス利用申込書');
const approvalTitle = (kind: unknown) => (isChange(kind) ? 'システムサービス利用契約変更承認通知' : 'システムサービス利用承認通知');

/** Builds the documents on the schema the server serves (labels and fields from it). */
export class Documents {
  private readonly queries: Record<'form' | 'head' | 'approval' | 'notice', DocumentNode>;

  constructor(private readonly schema: GraphQLSchema) {
    const app = objectType(schema, 'Application');
    const idNotice = objectType(schema, 'IdNotice');
    const notice = selection(idNotice);
    this.queries = {
      form: parse(`query($no: String!) { application(receiptNo: $no) { id ${HEAD} changes { item field before after } ${selection(app, FORM.flatMap((s) => s.fields))} } }`),
      head: parse(`query($no: String!) { application(receiptNo: $no) { id ${HEAD} result { item added changed deleted } } }`),
      approval: parse(`query($id: ID!) { idNotice(applicationId: $id) { ${selection(idNotice, undefined, SECRETS)} } }`),
      notice: parse(`query($id: ID!, $reveal: Boolean!) { idNotice(applicationId: $id, revealPasswords: $reveal) { ${notice} maskReason passwordsRevealed } }`),
    };
  }

  /** One document for the caller of `ctx`; refusals are DomainErrors (NOT_FOUND, FORBIDDEN, INVALID_TRANSITION …). */
  async build(kind: DocumentKind, ctx: Context, receiptNo: string): Promise<Document> {
    if (kind === 'form') return this.form(ctx, receiptNo);
    if (kind === 'approval') return this.approval(ctx, receiptNo);
    return this.idNotice(ctx, receiptNo);
  }

  private async read(ctx: Context, query: DocumentNode, variables: Record<string, unknown>): Promise<Row> {
    const result = await execute({ schema: this.schema, document: query, contextValue: ctx, variableValues: variables });
    const error = result.errors?.[0];
    // The resolver's own error: a DomainError (its code and message are the caller's) or an internal one.
    if (error) throw error.originalError ?? error;
    return result.data as Row;
  }

  private frame(ctx: Context, title: string, app: Row) {
    return { title, receiptNo: String(app.receiptNo), printedAt: japanTime(ctx.services.clock.now()) };
  }

  /** 申込受付番号, 企業名 and the office: the lines every document opens with. */
  private heading(title: string, app: Row, more: Array<[string, string | undefined]>): Content[] {
    const office = app.office as { code?: string; profile?: { name?: string } } | null;
    return [
      { text: title, style: 'title' },
      items([
        ['申込受付番号', String(app.receiptNo)], ['企業名', app.companyName as string | undefined],
        ['事業所コード', office?.code], ['事業所名', office?.profile?.name], ...more,
      ]),
    ];
  }

  private async form(ctx: Context, receiptNo: string): Promise<Document> {
    const app = (await this.read(ctx, this.queries.form, { no: receiptNo })).application as Row;
    const type = objectType(this.schema, 'Application');
    const title = formTitle(app.kind);
    const content: Content[] = this.heading(title, app, [
      ['申込日時', leafText(type.getFields().receivedAt!.type, app.receivedAt)], ['利用開始希望日', slashDate(app.desiredStartDate as string)],
    ]);
    for (const s of FORM) {
      content.push(section(s.title), ...describe(type, app, s.fields, [], s.title));
      if (s.title === '申込内容' && isChange(app.kind)) content.push(section('変更内容 (変更前/変更後)'), this.changes(app));
    }
    return this.document('form', isChange(app.kind) ? '変更申込書' : '申込書', app, await renderPdf(this.frame(ctx, title, app), content));
  }

  /** 変更前/変更後: the changed item, the field in words, and both values shown as the form shows them. */
  private changes(app: Row): Content {
    const root = objectType(this.schema, 'Application');
    const changes = (app.changes as Array<{ item: string; field: string; before?: string; after?: string }>) ?? [];
    const itemType = objectType(this.schema, 'ApplicationChange').getFields().item!.type;
    return rows(['項目', '内容', '変更前', '変更後'], changes.map((c) => {
      const { label, type } = pathLabel(root, c.field);
      const text = (v?: string) => (type ? leafText(type, v) : v ?? '');
      return [leafText(itemType, c.item), label, text(c.before), text(c.after)];
    }), '変更内容はありません。');
  }

  /**
   * 承認通知 / 変更承認通知: only for an approved application and only from its 利用開始日 (seeds 002–004: 利用開始日以降に
   * 出力可能); what was issued (codes and counts), never a password.
   */
  private async approval(ctx: Context, receiptNo: string): Promise<Document> {
    const app = (await this.read(ctx, this.queries.head, { no: receiptNo })).application as Row;
    if (app.status !== ApplicationStatus.APPROVED) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `申込受付番号 ${receiptNo} は審査終了 (承認) していないため、承認通知はありません。`);
    }
    const startDate = app.startDate as string;
    if (todayInJapan(ctx.services.clock.now()) < startDate) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `承認通知は利用開始日 (${slashDate(startDate)}) から出力できます。`, { availableFrom: startDate });
    }
    const notice = (await this.read(ctx, this.queries.approval, { id: app.id })).idNotice as Row;
    const type = objectType(this.schema, 'IdNotice');
    const title = approvalTitle(app.kind);
    const change = isChange(app.kind);
    const content: Content[] = [
      ...this.heading(title, app, [['企業略称', notice.abbreviation as string], ['利用開始日', slashDate(startDate)], ['審査終了日', slashDate(todayInJapan(new Date(app.reviewedAt as string)))]]),
      { text: change ? '下記のとおりシステムサービス利用契約の変更を承認しましたので、通知します。' : '下記のとおりシステムサービスの利用を承認しましたので、通知します。', margin: [0, 10, 0, 0] },
      section('申込結果'),
      ...list(objectType(this.schema, 'ApplicationResultRow'), app.result as Row[]),
      section('払い出したコード'),
      ...describe(type, notice, ['billingCode', 'systemCategory', 'systemSettingsDeadline']),
      ...this.issued(notice, SECRETS),
      { text: 'パスワードは本書に記載していません。ID通知内容でご確認ください。本書は大切に保管してください。', style: 'note' },
    ];
    return this.document('approval', change ? '変更承認通知' : '承認通知', app, await renderPdf(this.frame(ctx, title, app), content));
  }

  /** The issued rows of an ID通知内容 (利用者ID, 廃止, 回線, 論理端末, メールボックス) without the `omit` columns. */
  private issued(notice: Row, omit: readonly string[] = []): Content[] {
    const type = objectType(this.schema, 'IdNotice');
    const out: Content[] = [];
    for (const name of ['userIds', 'abolishedUserIds', 'lines', 'terminals', 'mailboxes']) {
      const values = (notice[name] as Row[]) ?? [];
      if (name !== 'userIds' && !values.length) continue;
      const field = type.getFields()[name]!;
      out.push(section(labelOf(field)), ...list(getNamedType(field.type) as GraphQLObjectType, values, omit));
    }
    return out;
  }

  /**
   * ID通知内容 for handing over on paper: passwords in clear only where the caller could reveal them on screen (the role
   * may read passwords, an API key has the scope, inside the パスワード参照期間) — and then the print is a reveal,
   * written to the application's history and the audit log by IdNoticeService. Anyone else gets the notice masked.
   */
  private async idNotice(ctx: Context, receiptNo: string): Promise<Document> {
    const app = (await this.read(ctx, this.queries.head, { no: receiptNo })).application as Row;
    const reveal = mayRead('password', fieldRoles(ctx, 'password'));
    const notice = (await this.read(ctx, this.queries.notice, { id: app.id, reveal })).idNotice as Row;
    const type = objectType(this.schema, 'IdNotice');
    const content: Content[] = [
      ...this.heading('ID通知内容', app, [['利用開始日', slashDate(notice.startDate as string)]]),
      ...describe(type, notice, ['abbreviation', 'officePassword', 'systemCategory', 'customsOffice', 'billingCode', 'systemSettingsDeadline']),
      ...this.issued(notice),
      notice.passwordsRevealed
        ? { text: 'パスワードを記載しています。お客様への受け渡しまで厳重に管理し、不要になった用紙は裁断してください。', style: 'warning' }
        : { text: `パスワードは記載していません。${(notice.maskReason as string | undefined) ?? ''}`, style: 'note' },
    ];
    return this.document('id-notice', 'ID通知内容', app, await renderPdf(this.frame(ctx, 'ID通知内容', app), content));
  }

  private document(kind: DocumentKind, name: string, app: Row, pdf: Buffer): Document {
    return { pdf, fileName: `${name}_${String(app.receiptNo)}.pdf`, asciiName: `${kind}-${String(app.receiptNo)}.pdf` };
  }
}

