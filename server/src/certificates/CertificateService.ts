import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../common/clock.js';
import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ApplicationStatus, AuditAction, CertificateStatus, NoticeCategory, TerminalType } from '../common/enums.js';
import { DomainError, ErrorCode, badInput, notFound } from '../common/errors.js';
import { japaneseDate, todayInJapan } from '../common/dates.js';
import { fullName } from '../common/embeddables.js';
import { randomFrom, type SecretBox } from '../common/secrets.js';
import { Application } from '../applications/Application.js';
import { Office } from '../companies/Office.js';
import { CalendarService } from '../calendar/CalendarService.js';
import { Terminal } from '../issuance/contract.js';
import { enqueueMail } from '../notifications/outbox.js';
import { NOTICE_TEXT, addNotice } from '../notifications/notices.js';
import type { Actor } from '../review/history.js';
import { AuditLog } from '../staff/security.js';
import { CrlReason, csrProblem, parseCsr, randomSerial, type CertificateAuthority, type RevokedEntry } from './authority.js';
import { Certificate } from './Certificate.js';

/** Wrong auth codes in a row that lock a terminal's acquisition (until a reissue). */
export const MAX_FAILED_ATTEMPTS = 5;
/** A certificate not acquired within this many months of the start date (or of its reissue) is stopped. */
export const ACQUIRE_MONTHS = 2;
/** Renewal opens this many days before expiry. */
export const RENEWAL_DAYS = 28;
/** Terminal kinds that get a digital certificate. */
export const CERTIFICATE_TERMINALS: readonly TerminalType[] = [TerminalType.NET, TerminalType.WEB];

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MASK = '********';

/** 認証コード1 (SPEC.md): 企業略称 + the last 4 characters of the 論理端末名, e.g. NAC + 999W. */
export const authCode1 = (abbreviation: string, terminalName: string): string => `${abbreviation}${terminalName.slice(-4)}`;
/** 認証コード2 (6) and 3 (5): random [A-Z0-9] from the cryptographic RNG. */
export const newAuthCode2 = (): string => randomFrom(CODE_ALPHABET, 6);
export const newAuthCode3 = (): string => randomFrom(CODE_ALPHABET, 5);

/** `iso` + n calendar months; a day the target month lacks becomes its last day (01-31 + 1 month → 02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Within the renewal window: acquired, and expiring within RENEWAL_DAYS (not yet expired). */
export function isRenewable(cert: Pick<Certificate, 'status' | 'notAfter'>, now: Date): boolean {
  if (cert.status !== CertificateStatus.ACQUIRED || !cert.notAfter) return false;
  return now.getTime() < cert.notAfter.getTime() && now.getTime() >= cert.notAfter.getTime() - RENEWAL_DAYS * 86_400_000;
}

export const isLocked = (cert: Pick<Certificate, 'status' | 'failedAttempts'>): boolean =>
  cert.status === CertificateStatus.PENDING && cert.failedAttempts >= MAX_FAILED_ATTEMPTS;

/** Normalises a typed code or name: full-width → half-width, trimmed, upper case. */
const normalise = (s: unknown): string => (typeof s === 'string' ? s.normalize('NFKC').trim().toUpperCase() : '');

/** Constant-time comparison of a typed code with the issued one (digests: equal lengths whatever was typed). */
function sameCode(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** An ID通知内容 secret: the value, or ******** when it may not be shown. */
export interface ShownSecret {
  value: string;
  readable: boolean;
}

/** The certificate part of an ID通知内容 terminal row. */
export interface NoticeCodes {
  status: CertificateStatus;
  authCode1: string;
  authCode2: ShownSecret;
  authCode3: ShownSecret;
}

export interface CertificateFilter {
  officeCode?: string;
  status?: CertificateStatus[];
  /** Acquired certificates whose validity ends within this many days (renewal and expiry planning). */
  expiringWithinDays?: number;
  terminalName?: string;
  /** The offices an API key is limited to (staff/keyScope.ts); set by the server, not a GraphQL field. */
  officeIds?: string[];
}

export interface EnrollRequest {
  terminalName?: unknown;
  authCode1?: unknown;
  authCode2?: unknown;
  authCode3?: unknown;
  csr?: unknown;
}

export type EnrollResult =
  | { ok: true; certificate: Certificate; pem: string; chain: string; caCertificate: string }
  | { ok: false; status: number; code: string; message: string };

const fail = (status: number, code: string, message: string): EnrollResult => ({ ok: false, status, code, message });

/**
 * デジタル証明書: issue (on approval, in its transaction), acquisition by the terminal with its single-use 認証コード,
 * reissue, revocation and the CRL. Auth codes 2 and 3 rest sealed; their reading in ID通知内容 follows the password rules.
 */
export class CertificateService {
  private readonly calendar: CalendarService;

  constructor(private readonly em: EntityManager, private readonly secrets: SecretBox, private readonly clock: Clock, calendar?: CalendarService) {
    this.calendar = calendar ?? new CalendarService(em);
  }

  /**
   * Issues a PENDING certificate with new auth codes for each netNACCS/webNACCS terminal of an approved application
   * that has none yet (idempotent), then tells the 管理責任者 (mail) and the office (新着情報). Runs in the caller's
   * transaction (the approval's): persist and flush only.
   */
  async issueForApplication(app: Application, startDate: string, issued?: readonly Terminal[]): Promise<Certificate[]> {
    const em = this.em;
    const today = todayInJapan(this.clock.now());
    let missing: Terminal[];
    if (issued) {
      // The terminals the approval has just issued (in memory, no certificate yet): no query.
      missing = issued.filter((t) => CERTIFICATE_TERMINALS.includes(t.type)).sort((a, b) => a.name.localeCompare(b.name));
    } else {
      await em.flush(); // the terminals the approval issued get their rows
      const terminals = await em.find(
        Terminal,
        { issuedBy: app, type: { $in: [...CERTIFICATE_TERMINALS] }, $or: [{ endDate: null }, { endDate: { $gt: today } }] },
        { populate: ['office.company'], orderBy: { name: 'asc' } },
      );
      if (!terminals.length) return [];
      const having = new Set((await em.find(Certificate, { terminal: { $in: terminals } }, { fields: ['terminal'] })).map((c) => c.terminal.id));
      missing = terminals.filter((t) => !having.has(t.id));
    }
    if (!missing.length) return [];
    // From the start date; for a late issue (start date already past) from today, like a reissue.
    const base = startDate > today ? startDate : today;
    const readableUntil = await this.calendar.referencePeriodEnd(base);
    const certificates = missing.map((terminal) => this.newCertificate(terminal, app, readableUntil, addMonths(base, ACQUIRE_MONTHS)));
    addNotice(em, app, NoticeCategory.APPLICATION, NOTICE_TEXT.certificateIssued, this.clock.now());
    this.mail(app, missing[0]!.office, missing.map((t) => t.name), readableUntil, addMonths(base, ACQUIRE_MONTHS));
    if (!issued) await em.flush();
    return certificates;
  }

  private newCertificate(terminal: Terminal, app: Application | undefined, readableUntil: string, acquireBy: string, reason?: string): Certificate {
    const cert = Object.assign(new Certificate(), {
      terminal, application: app, status: CertificateStatus.PENDING,
      authCode1: authCode1(terminal.office.company.abbreviation!, terminal.name),
      authCode2Enc: this.secrets.seal(newAuthCode2()), authCode3Enc: this.secrets.seal(newAuthCode3()),
      authCodesReadableUntil: readableUntil, acquireBy, reason, createdAt: this.clock.now(),
    });
    this.em.persist(cert);
    return cert;
  }

  /** デジタル証明書発行完了のお知らせ to the office's 管理責任者. */
  private mail(app: Application, office: Office, terminalNames: string[], readableUntil: string, acquireBy: string, reason?: string): void {
    const manager = app.officeProfile?.manager ?? office.profile.manager;
    const toDate = (iso: string) => japaneseDate(new Date(`${iso}T00:00:00+09:00`));
    enqueueMail(this.em, this.secrets, {
      key: 'certificate-issued', application: app, recipients: [manager?.email ?? ''],
      variables: {
        companyName: app.companyProfile?.name ?? office.company.profile.name, officeName: app.officeProfile?.name ?? office.profile.name,
        department: manager?.department, recipientName: fullName(manager), receiptNo: app.receiptNo, receivedDate: japaneseDate(app.receivedAt),
        terminals: terminalNames.join('、'), reissue: reason !== undefined, reason, readableUntil: toDate(readableUntil), acquireBy: toDate(acquireBy),
      },
    });
  }

  private audit(actor: Actor | undefined, action: AuditAction, target: string, detail?: string, ip?: string): void {
    this.em.persist(Object.assign(new AuditLog(), { staff: actor?.staff, action, target, detail, ip: ip?.slice(0, 64), at: this.clock.now() }));
  }

  /** issueCertificates (staff): the approved application's terminals that lack a certificate get one (idempotent). */
  async issueCertificates(applicationId: string, actor: Actor): Promise<{ issued: Certificate[]; certificates: Certificate[] }> {
    return this.em.transactional(async (em) => {
      const service = new CertificateService(em, this.secrets, this.clock);
      // The application row is the lock: two concurrent calls issue once.
      const app = /^[0-9a-f-]{36}$/i.test(applicationId)
        ? await em.findOne(Application, { id: applicationId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!app) throw notFound('指定された申込');
      if (app.status !== ApplicationStatus.APPROVED || !app.startDate) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `申込受付番号 ${app.receiptNo} は審査終了していないため、デジタル証明書を発行できません。`);
      }
      const issued = await service.issueForApplication(app, app.startDate);
      if (issued.length) service.audit(actor, AuditAction.CERTIFICATE_ISSUE, app.receiptNo, issued.map((c) => c.terminal.name).join(', '));
      await em.flush();
      const certificates = await em.find(Certificate, { terminal: { issuedBy: app } }, { populate: ['terminal.office'], orderBy: { terminal: { name: 'asc' }, createdAt: 'asc' } });
      return { issued, certificates };
    });
  }

  /**
   * デジタル証明書再発行 (supervisor; PC replaced, OS reinstalled, expired, locked …): new auth codes readable for a new
   * reference period and a new acquisition deadline; a certificate still waiting is superseded at once, the acquired
   * one is revoked when the new one is acquired. 新着情報 (証明書再発行) and mail to the 管理責任者.
   */
  async reissue(terminalName: string, reason: string, actor: Actor): Promise<Certificate> {
    const text = reason?.trim() ?? '';
    if (!text) throw badInput([{ path: 'reason', message: '再発行の理由を入力してください。' }]);
    if ([...text].length > 240) throw badInput([{ path: 'reason', message: '再発行の理由は240文字以内で入力してください。' }]);
    const name = normalise(terminalName);
    return this.em.transactional(async (em) => {
      const service = new CertificateService(em, this.secrets, this.clock);
      const today = todayInJapan(this.clock.now());
      // The terminal row is the lock: concurrent reissues of one terminal run one after the other.
      const terminal = await em.findOne(Terminal, { name }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!terminal) throw notFound(`論理端末 ${name}`);
      await em.populate(terminal, ['office.company', 'issuedBy']);
      if (!CERTIFICATE_TERMINALS.includes(terminal.type)) {
        throw badInput([{ path: 'terminalName', message: `論理端末 ${name} は netNACCS・webNACCS の端末ではないため、デジタル証明書はありません。` }]);
      }
      if (terminal.endDate && terminal.endDate <= today) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `論理端末 ${name} は ${terminal.endDate} に廃止されたため、再発行できません。`);
      }
      const previous = await em.find(Certificate, { terminal }, { populate: ['application'], orderBy: { createdAt: 'desc' } });
      const app = terminal.issuedBy ?? previous.find((c) => c.application)?.application;
      if (!app) throw notFound(`論理端末 ${name} を払い出した申込 (認証コードを通知する ID通知内容)`);
      for (const old of previous.filter((c) => c.status === CertificateStatus.PENDING)) {
        Object.assign(old, { status: CertificateStatus.REVOKED, revokedAt: this.clock.now(), reason: `再発行により無効 (${text})` });
      }
      await em.flush(); // the superseded PENDING row leaves the one-pending-per-terminal index first
      const readableUntil = await service.calendar.referencePeriodEnd(today);
      const cert = service.newCertificate(terminal, app, readableUntil, addMonths(today, ACQUIRE_MONTHS), text);
      addNotice(em, app, NoticeCategory.CERTIFICATE_REISSUE, NOTICE_TEXT.certificateReissued, this.clock.now());
      service.mail(app, terminal.office, [terminal.name], readableUntil, cert.acquireBy!, text);
      service.audit(actor, AuditAction.CERTIFICATE_REISSUE, terminal.name, text);
      await em.flush();
      return cert;
    });
  }

  /** 失効 (supervisor): an acquired certificate is revoked and listed in the CRL from now on. */
  async revoke(serial: string, reason: string, actor: Actor): Promise<Certificate> {
    const text = reason?.trim() ?? '';
    if (!text) throw badInput([{ path: 'reason', message: '失効の理由を入力してください。' }]);
    const hex = (serial ?? '').replace(/[\s:]/g, '').toLowerCase();
    if (!/^[0-9a-f]{1,40}$/.test(hex)) throw badInput([{ path: 'serial', message: 'シリアル番号は16進数で指定してください。' }]);
    return this.em.transactional(async (em) => {
      const cert = await em.findOne(Certificate, { serial: hex }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!cert) throw notFound(`シリアル番号 ${hex} のデジタル証明書`);
      if (cert.status !== CertificateStatus.ACQUIRED) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `シリアル番号 ${hex} のデジタル証明書は取得済 (有効) ではないため失効できません (状態: ${cert.status})。`);
      }
      Object.assign(cert, { status: CertificateStatus.REVOKED, revokedAt: this.clock.now(), reason: text, crlReason: undefined });
      await em.populate(cert, ['terminal.office']);
      new CertificateService(em, this.secrets, this.clock).audit(actor, AuditAction.CERTIFICATE_REVOKE, cert.terminal.name, `${hex}: ${text}`);
      await em.flush();
      return cert;
    });
  }

  /**
   * Acquisition by the terminal: 論理端末名 + 認証コード1–3 + a PKCS#10 request → a client certificate valid one year.
   * The codes are single use; 5 wrong attempts lock the terminal until a reissue. A refusal says which step failed,
   * never which of the three codes was wrong.
   */
  async enroll(request: EnrollRequest, ca: CertificateAuthority, ip?: string): Promise<EnrollResult> {
    const name = normalise(request.terminalName);
    const codes = [request.authCode1, request.authCode2, request.authCode3].map(normalise);
    const csrText = typeof request.csr === 'string' ? request.csr : '';
    if (!name || codes.some((c) => !c) || !csrText.trim()) {
      return fail(400, 'BAD_REQUEST', '論理端末名 (terminalName)・認証コード1〜3 (authCode1〜3)・証明書署名要求 (csr) をすべて指定してください。');
    }
    const csr = parseCsr(csrText);
    if (!csr) return fail(400, 'BAD_CSR', '証明書署名要求 (CSR) を読み取れません。PKCS#10 形式 (PEM) で指定してください。');
    const problem = await csrProblem(csr);
    if (problem) return fail(400, 'BAD_CSR', problem);

    return this.em.transactional(async (em) => {
      const service = new CertificateService(em, this.secrets, this.clock);
      const now = this.clock.now();
      const today = todayInJapan(now);
      const terminal = await em.findOne(Terminal, { name, type: { $in: [...CERTIFICATE_TERMINALS] }, $or: [{ endDate: null }, { endDate: { $gt: today } }] }, { populate: ['office'] });
      if (!terminal) return fail(404, 'TERMINAL_NOT_FOUND', `論理端末名 ${name} が見つかりません。ID通知内容の論理端末名を確認してください。`);
      // The newest certificate of the terminal, locked: concurrent attempts are decided one after the other.
      const cert = await em.findOne(Certificate, { terminal }, { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!cert) return fail(404, 'NOT_ISSUED', `論理端末 ${name} にはデジタル証明書が発行されていません。`);
      if (isLocked(cert)) {
        return fail(423, 'LOCKED', `認証コードの誤りが${MAX_FAILED_ATTEMPTS}回に達したため、論理端末 ${name} のデジタル証明書の取得はロックされています。NACCSセンターに再発行を依頼してください。`);
      }
      const expected = [cert.authCode1, this.secrets.open(cert.authCode2Enc), this.secrets.open(cert.authCode3Enc)];
      // Every code is compared (no early exit), and the answer is the same whichever was wrong.
      const right = codes.map((c, i) => sameCode(c, expected[i]!)).every(Boolean);
      if (!right) {
        if (cert.status !== CertificateStatus.PENDING) return fail(401, 'WRONG_AUTH_CODE', '認証コードが正しくありません。ID通知内容の認証コードを確認してください。');
        cert.failedAttempts += 1;
        service.audit(undefined, AuditAction.CERTIFICATE_AUTH_FAILED, name, `${cert.failedAttempts}回目`, ip);
        await em.flush();
        const left = MAX_FAILED_ATTEMPTS - cert.failedAttempts;
        return fail(401, 'WRONG_AUTH_CODE', left > 0
          ? `認証コードが正しくありません。ID通知内容の認証コードを確認してください (あと${left}回誤るとロックされます)。`
          : `認証コードが正しくありません。誤りが${MAX_FAILED_ATTEMPTS}回に達したため、論理端末 ${name} のデジタル証明書の取得をロックしました。NACCSセンターに再発行を依頼してください。`);
      }
      switch (cert.status) {
        case CertificateStatus.ACQUIRED:
          return fail(409, 'ALREADY_ACQUIRED', `論理端末 ${name} のデジタル証明書は取得済みです。認証コードは1回限り有効です。再度取得するには再発行を依頼してください。`);
        case CertificateStatus.STOPPED:
          return fail(409, 'STOPPED', `論理端末 ${name} のデジタル証明書は取得期限 (${cert.acquireBy ?? '-'}) までに取得されなかったため停止されています。再発行を依頼してください。`);
        case CertificateStatus.REVOKED:
          return fail(409, 'REVOKED', `論理端末 ${name} のデジタル証明書は失効しています。再発行を依頼してください。`);
        case CertificateStatus.EXPIRED:
          return fail(409, 'EXPIRED', `論理端末 ${name} のデジタル証明書は有効期限切れです。再発行を依頼してください。`);
        default:
      }
      if (cert.acquireBy && cert.acquireBy < today) {
        return fail(409, 'STOPPED', `論理端末 ${name} のデジタル証明書は取得期限 (${cert.acquireBy}) を過ぎたため停止されています。再発行を依頼してください。`);
      }

      const serial = randomSerial();
      const signed = await ca.issue(csr, { terminalName: terminal.name, officeCode: terminal.office.code! }, serial, now);
      Object.assign(cert, {
        status: CertificateStatus.ACQUIRED, serial, pem: signed.toString('pem'), notBefore: signed.notBefore, notAfter: signed.notAfter,
        acquiredAt: now, authCodesUsedAt: now, failedAttempts: 0,
      });
      // The terminal's previous certificate (before a reissue) stops being valid now.
      for (const old of await em.find(Certificate, { terminal, status: CertificateStatus.ACQUIRED, id: { $ne: cert.id } })) {
        Object.assign(old, { status: CertificateStatus.REVOKED, revokedAt: now, crlReason: CrlReason.superseded, reason: `再発行した証明書の取得により失効${cert.reason ? ` (再発行の理由: ${cert.reason})` : ''}` });
      }
      service.audit(undefined, AuditAction.CERTIFICATE_ACQUIRE, name, serial, ip);
      await em.flush();
      const pem = cert.pem!;
      return { ok: true, certificate: cert, pem, chain: `${pem.trim()}\n${ca.pem.trim()}\n`, caCertificate: ca.pem };
    });
  }

  /** Revoked certificates still within their validity: the CRL's entries. */
  async revokedEntries(): Promise<RevokedEntry[]> {
    const rows = await this.em.find(
      Certificate,
      { status: CertificateStatus.REVOKED, serial: { $ne: null }, notAfter: { $gt: this.clock.now() } },
      { orderBy: { revokedAt: 'asc' }, fields: ['serial', 'revokedAt', 'crlReason', 'notBefore'] },
    );
    return rows.map((c) => ({ serial: c.serial!, revokedAt: c.revokedAt ?? c.notBefore!, reason: c.crlReason ?? undefined }));
  }

  /** The console's and integrators' list (no auth codes). */
  async list(filter: CertificateFilter = {}, offset = 0, limit = 25): Promise<{ items: Certificate[]; totalCount: number }> {
    const where: FilterQuery<Certificate>[] = [];
    if (filter.officeCode?.trim()) where.push({ terminal: { office: { code: normalise(filter.officeCode) } } });
    if (filter.terminalName?.trim()) where.push({ terminal: { name: normalise(filter.terminalName) } });
    if (filter.status?.length) where.push({ status: { $in: filter.status } });
    if (filter.officeIds) where.push({ terminal: { office: { $in: filter.officeIds } } });
    if (filter.expiringWithinDays !== undefined && filter.expiringWithinDays !== null) {
      if (!Number.isInteger(filter.expiringWithinDays) || filter.expiringWithinDays < 0 || filter.expiringWithinDays > 3660) {
        throw badInput([{ path: 'filter.expiringWithinDays', message: 'expiringWithinDays は0〜3660の整数で指定してください。' }]);
      }
      const until = new Date(this.clock.now().getTime() + filter.expiringWithinDays * 86_400_000);
      where.push({ status: CertificateStatus.ACQUIRED, notAfter: { $lte: until } });
    }
    const [items, totalCount] = await this.em.findAndCount(Certificate, where.length ? { $and: where } : {}, {
      populate: ['terminal.office'],
      orderBy: filter.expiringWithinDays !== undefined && filter.expiringWithinDays !== null ? { notAfter: 'asc', id: 'asc' } : { createdAt: 'desc', id: 'asc' },
      offset, limit,
    });
    return { items, totalCount };
  }

  /**
   * The 論理端末/デジタル証明書 rows of ID通知内容: each terminal's newest certificate, its 認証コード opened by
   * `open` (the password rules: role, reveal, reference period; reads are recorded by the caller). 認証コード1 is
   * always shown: it is derived from the 企業略称 and the 論理端末名 printed beside it. Consumed or superseded codes
   * are masked.
   */
  async noticeCodes(terminals: Terminal[], open: (sealed: string | undefined, readableUntil: string | undefined, label: string) => ShownSecret): Promise<Map<string, NoticeCodes>> {
    const out = new Map<string, NoticeCodes>();
    if (!terminals.length) return out;
    const certs = await this.em.find(Certificate, { terminal: { $in: terminals } }, { orderBy: { createdAt: 'desc' } });
    for (const cert of certs) {
      if (out.has(cert.terminal.id)) continue;
      const label = `認証コード ${terminals.find((t) => t.id === cert.terminal.id)?.name ?? ''}`.trim();
      let pair: [ShownSecret, ShownSecret];
      if (cert.status === CertificateStatus.PENDING) {
        // One reveal opens both codes of a terminal: record it once.
        const two = open(cert.authCode2Enc, cert.authCodesReadableUntil, label);
        pair = [two, two.value === MASK ? two : { value: this.secrets.open(cert.authCode3Enc), readable: true }];
      } else {
        pair = [{ value: MASK, readable: false }, { value: MASK, readable: false }];
      }
      out.set(cert.terminal.id, { status: cert.status, authCode1: cert.authCode1, authCode2: pair[0], authCode3: pair[1] });
    }
    return out;
  }
}
