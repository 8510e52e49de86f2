import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import { DomainError, ErrorCode, badInput, type FieldError } from '../common/errors.js';
import { issuePassword } from '../common/secrets.js';
import { AuditLog } from './security.js';
import { Staff } from './Staff.js';
import { audit } from './audit.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import type { TokenService } from './tokens.js';
import { AuditAction } from '../common/enums.js';

/** Failed sign-ins before an account is locked, and for how long. */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins from one address within the window before that address is throttled. */
export const ADDRESS_LIMIT = 20;
const WINDOW_MS = 15 * 60_000;
// Made before the first sign-in, so that one costs no extra hash.
void dummyPasswordHash();

/** The one answer to an unknown e-mail, a wrong password, an inactive or a locked account. */
export const SIGN_IN_REFUSED = `E-mailアドレスまたはパスワードが正しくありません (失敗が続いた場合は${LOCKOUT_MINUTES}分ほど待ってから再度お試しください)。`;
const refused = () => new DomainError(ErrorCode.UNAUTHENTICATED, SIGN_IN_REFUSED);

export function checkNewPassword(password: string, path = 'newPassword'): FieldError[] {
  const ok = password.length >= 12 && /[A-Za-z]/.test(password) && /[0-9]/.test(password);
  return ok ? [] : [{ path, message: 'パスワードは12文字以上で、英字と数字を含めてください。' }];
}

/** Staff sign-in with lockout per account and throttling per address; sign-out; password change and reset. */
export class SignInService {
  constructor(private readonly em: EntityManager, private readonly tokens: TokenService, private readonly clock: Clock) {}

  async login(email: string, password: string, ip?: string): Promise<{ token: string; staff: Staff }> {
    const errors: FieldError[] = [];
    if (!email?.trim()) errors.push({ path: 'email', message: 'E-mailアドレスを入力してください。' });
    if (!password) errors.push({ path: 'password', message: 'パスワードを入力してください。' });
    if (errors.length) throw badInput(errors);
    const now = this.clock.now();
    if (ip && (await this.em.count(AuditLog, { action: AuditAction.LOGIN_FAILED, ip, at: { $gt: new Date(now.getTime() - WINDOW_MS) } })) >= ADDRESS_LIMIT) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'サインインの失敗が続いたため、このアドレスからのサインインを一時的に制限しています。しばらくしてから再度お試しください。', { retryAfterSeconds: WINDOW_MS / 1000 });
    }
    const address = email.trim().toLowerCase();
    const staff = await this.em.findOne(Staff, { email: address });
    // One argon2 verification for every attempt (an unknown, inactive or locked account against a dummy hash or its
    // own), and one message for every refusal: neither the answer nor its time tells whether an account exists.
    const matches = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), password);
    if (staff?.lockedUntil && staff.lockedUntil > now) {
      audit(this.em, { action: AuditAction.LOGIN_LOCKED, staff, target: staff.email, ip });
      await this.em.flush();
      throw refused();
    }
    if (!staff || !staff.active || !matches) {
      if (staff) {
        staff.failedLogins += 1;
        if (staff.failedLogins >= LOCKOUT_AFTER) staff.lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      }
      audit(this.em, { action: AuditAction.LOGIN_FAILED, staff: staff ?? undefined, target: address.slice(0, 254), ip });
      await this.em.flush();
      throw refused();
    }
    staff.failedLogins = 0;
    staff.lockedUntil = undefined;
    audit(this.em, { action: AuditAction.LOGIN_OK, staff, target: staff.email, ip });
    await this.em.flush();
    return { token: await this.tokens.issue(staff.id, staff.sessionGeneration), staff };
  }

  /** Sign-out: every session token of the account issued until now stops working. */
  async logout(staff: Staff, ip?: string): Promise<boolean> {
    staff.endSessions(this.clock.now());
    audit(this.em, { action: AuditAction.LOGOUT, staff, target: staff.email, ip });
    await this.em.flush();
    return true;
  }

  async changePassword(staff: Staff, current: string, next: string, ip?: string): Promise<boolean> {
    if (!(await verifyPassword(staff.passwordHash, current))) throw badInput([{ path: 'currentPassword', message: '現在のパスワードが正しくありません。' }]);
    const errors = checkNewPassword(next);
    if (errors.length) throw badInput(errors);
    staff.passwordHash = await hashPassword(next);
    staff.endSessions(this.clock.now());
    audit(this.em, { action: AuditAction.PASSWORD_CHANGE, staff, target: staff.email, ip });
    await this.em.flush();
    return true;
  }

  /** Admin reset: a temporary password returned once; the account's sessions end and its lockout lifts. */
  async resetPassword(admin: Staff, target: Staff, ip?: string): Promise<string> {
    const temporary = `${issuePassword(8)}${issuePassword(6)}`.toLowerCase().replace(/^./, (c) => c.toUpperCase());
    target.passwordHash = await hashPassword(temporary);
    target.endSessions(this.clock.now());
    target.failedLogins = 0;
    target.lockedUntil = undefined;
    audit(this.em, { action: AuditAction.STAFF_PASSWORD_RESET, staff: admin, target: target.email, ip });
    await this.em.flush();
    return temporary;
  }
}
