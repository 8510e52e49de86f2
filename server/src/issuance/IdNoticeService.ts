import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import { ApplicationKind, ApplicationStatus, AuditAction, HistoryAction, LineConnectionMethod, NoticeCategory, Role, RowAction, TerminalType } from '../common/enums.js';
import { DomainError, ErrorCode, badInput, notFound } from '../common/errors.js';
import { japaneseDate, todayInJapan } from '../common/dates.js';
import { issuePassword, type SecretBox } from '../common/secrets.js';
import { Application } from '../applications/Application.js';
import { Office } from '../companies/Office.js';
import { CalendarService } from '../calendar/CalendarService.js';
import { enqueueMail } from '../notifications/outbox.js';
import { NOTICE_TEXT, addNotice } from '../notifications/notices.js';
import { applicationRecipients, applicationVariables } from '../notifications/variables.js';
import { recordHistory, type Actor } from '../review/history.js';
import { audit } from '../staff/audit.js';
import { mayRead } from '../graphql/access.js';
import { Line, Mailbox, Terminal, UserCode, UserId } from './contract.js';
import { CertificateService, type NoticeCodes } from '../certificates/CertificateService.js';

export const MASK = '********';

export interface Secret {
  value: string;
  readable: boolean;
}

export interface IdNoticeData {
  application: Application;
  office: Office;
  userIds: Array<{ id: UserId; code: UserCode; password: Secret }>;
  abolishedUserIds: Array<{ id: UserId; code: UserCode }>;
  terminals: Terminal[];
  /** Each terminal's デジタル証明書 and 認証コード (by terminal id; shown under the password rules). */
  certificates: Map<string, NoticeCodes>;
  lines: Line[];
  mailboxes: Array<{ mailbox: Mailbox; password: Secret }>;
  officePassword?: Secret;
  revealed: boolean;
  maskReason?: string;
}

export type ReissueKind = 'USER_ID' | 'MAILBOX' | 'OFFICE';

/** パッケージソフト区分 of an ID通知内容 terminal row (seed 001 "インタ", seed 003 "net"). */
export enum PackageSoftware {
  /** netNACCS パッケージソフト */
  NET = 'NET',
  /** 一般NACCS インタラクティブ パッケージソフト */
  INTERACTIVE = 'INTERACTIVE',
}

/**
 * The NACCS package software a terminal is installed with: netNACCS terminals the netNACCS package; 一般NACCS terminals
 * on an インタラクティブ line the interactive one; none for webNACCS (a browser), ebMS and a ゲートウェイ接続 (自社システム:
 * seed 001 "パッケージソフトのインストール（自社システム接続の一部のお客様は除く）").
 */
export function packageSoftwareOf(terminal: Terminal): PackageSoftware | undefined {
  if (terminal.type === TerminalType.NET) return PackageSoftware.NET;
  if (terminal.type === TerminalType.GENERAL && terminal.line?.connectionMethod !== LineConnectionMethod.GATEWAY) return PackageSoftware.INTERACTIVE;
  return undefined;
}

/**
 * ID通知内容: what an approval issued. Passwords are opened only when asked (reveal), only for roles that may read
 * them and only within their パスワード参照期間; every reveal is written to the application's history and the audit log.
 */
export class IdNoticeService {
  constructor(private readonly em: EntityManager, private readonly secrets: SecretBox, private readonly clock: Clock) {}

  async read(applicationId: string, roles: Role[], actor: Actor, reveal: boolean): Promise<IdNoticeData> {
    const app = /^[0-9a-f-]{36}$/i.test(applicationId) ? await this.em.findOne(Application, { id: applicationId }, { populate: ['office.company'] }) : null;
    if (!app) throw notFound('指定された申込');
    if (app.status !== ApplicationStatus.APPROVED && app.status !== ApplicationStatus.CANCELLED) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `申込受付番号 ${app.receiptNo} は審査終了していないため、ID通知内容はありません。`);
    }
    const office = app.office!;
    if (!office.code || !office.company.abbreviation) throw notFound(`申込受付番号 ${app.receiptNo} のID通知内容`);
    const today = todayInJapan(this.clock.now());
    // Support staff never read passwords; admins manage accounts, not customers (graphql/access.ts FIELD_ACCESS).
    const roleMayRead = mayRead('password', roles);
    const maskReason = !roleMayRead ? 'このロールではパスワードを参照できません。' : undefined;
    const opened: string[] = [];
    const open = (sealed: string | undefined, readableUntil: string | undefined, label: string): Secret => {
      const inPeriod = !!readableUntil && today <= readableUntil;
      if (!sealed || !roleMayRead || !reveal || !inPeriod) return { value: MASK, readable: roleMayRead && inPeriod };
      opened.push(label);
      return { value: this.secrets.open(sealed), readable: true };
    };

    const issuedIds = await this.em.find(UserId, { issuedBy: app }, { populate: ['userCode'], orderBy: { userCode: { code: 'asc' }, identNo: 'asc' } });
    const userIds = issuedIds.map((id) => ({ id, code: id.userCode, password: open(id.passwordEnc, id.passwordReadableUntil, `利用者ID ${id.userCode.code}${id.identNo}`) }));
    await this.em.populate(app, ['userCodes.userIds']);
    const deleted = [...app.userCodes]
      .flatMap((c) => [...c.userIds].filter((u) => u.action === RowAction.DELETE).map((u) => ({ code: c.userCode!, identNo: u.identNo! })));
    const abolishedUserIds = [];
    for (const d of deleted) {
      const id = await this.em.findOne(UserId, { userCode: { code: d.code }, identNo: d.identNo, office }, { populate: ['userCode'] });
      if (id) abolishedUserIds.push({ id, code: id.userCode });
    }
    const mailboxes = (await this.em.find(Mailbox, { issuedBy: app }, { orderBy: { mailboxId: 'asc' } }))
      .map((mailbox) => ({ mailbox, password: open(mailbox.passwordEnc, mailbox.passwordReadableUntil, `メールボックス ${mailbox.mailboxId}`) }));
    const officePassword = app.kind === ApplicationKind.NEW ? open(office.passwordEnc, office.passwordReadableUntil, `事業所パスワード ${office.code}`) : undefined;
    const terminals = await this.em.find(Terminal, { issuedBy: app }, { populate: ['line'], orderBy: { name: 'asc' } });
    const certificates = await new CertificateService(this.em, this.secrets, this.clock).noticeCodes(terminals, open);

    const anyReadable = [...userIds.map((u) => u.password), ...mailboxes.map((m) => m.password), officePassword].some((p) => p?.readable);
    if (opened.length) {
      recordHistory(this.em, app, actor, { at: this.clock.now(), action: HistoryAction.PASSWORD_READ, message: `パスワード参照: ${opened.join(', ')}`, internal: true });
      audit(this.em, { action: AuditAction.PASSWORD_REVEAL, staff: actor.staff, target: app.receiptNo, detail: opened.join(', ') });
      await this.em.flush();
    }
    return {
      application: app, office, userIds, abolishedUserIds,
      terminals, certificates,
      lines: await this.em.find(Line, { issuedBy: app }, { orderBy: { ipAddress: 'asc' } }),
      mailboxes, officePassword, revealed: opened.length > 0,
      maskReason: maskReason ?? (opened.length ? undefined : anyReadable ? '「パスワードを表示」で参照できます (参照は記録されます)。'
        : 'パスワード参照期間 (審査終了日から利用開始日の2営業日後まで) を過ぎています。参照するには再発行が必要です。'),
    };
  }

  /** パスワード再発行 (supervisor): a new password, readable for a new period, with history, notice and mail. */
  async reissue(kind: ReissueKind, code: string, reason: string, actor: Actor): Promise<{ application: Application; readableUntil: string }> {
    if (!reason?.trim()) throw badInput([{ path: 'reason', message: '再発行の理由を入力してください。' }]);
    const c = code.normalize('NFKC').trim().toUpperCase();
    return this.em.transactional(async (em) => {
      let target: { passwordEnc?: string; passwordReadableUntil?: string; issuedBy?: Application } | null = null;
      let label = '';
      if (kind === 'USER_ID') {
        target = await em.findOne(UserId, { userCode: { code: c.slice(0, 5) }, identNo: c.slice(5), endDate: null }, { populate: ['issuedBy'] });
        label = `利用者ID ${c}`;
      } else if (kind === 'MAILBOX') {
        target = await em.findOne(Mailbox, { mailboxId: c, endDate: null }, { populate: ['issuedBy'] });
        label = `メールボックス ${c}`;
      } else {
        const office = await em.findOne(Office, { code: c, endDate: null });
        const issuedBy = office ? await em.findOne(Application, { office, kind: ApplicationKind.NEW, status: ApplicationStatus.APPROVED }) : null;
        target = office && issuedBy ? Object.assign(office, { issuedBy }) : null;
        label = `事業所パスワード ${c}`;
      }
      if (!target?.issuedBy) throw notFound(label);
      const calendar = new CalendarService(em);
      // A new period from today — never shorter than the one the password had (a reissue before the start date).
      const fromToday = await calendar.referencePeriodEnd(todayInJapan(this.clock.now()));
      const readableUntil = target.passwordReadableUntil && target.passwordReadableUntil > fromToday ? target.passwordReadableUntil : fromToday;
      target.passwordEnc = this.secrets.seal(issuePassword());
      target.passwordReadableUntil = readableUntil;
      if (target instanceof UserId) target.passwordIssuedAt = this.clock.now();
      const app = target.issuedBy;
      recordHistory(em, app, actor, { at: this.clock.now(), action: HistoryAction.PASSWORD_REISSUE, message: `${label} を再発行 (理由: ${reason.trim()})。参照期限 ${readableUntil}` });
      addNotice(em, app, NoticeCategory.APPLICATION, NOTICE_TEXT.passwordReissued, this.clock.now());
      enqueueMail(em, this.secrets, {
        key: 'password-reissued', application: app, recipients: applicationRecipients(app),
        variables: { ...applicationVariables(app), target: label, readableUntil: japaneseDate(new Date(`${readableUntil}T00:00:00+09:00`)) },
      });
      await em.flush();
      return { application: app, readableUntil };
    });
  }
}
