import type { EntityManager } from '@mikro-orm/postgresql';
import type { Staff } from './Staff.js';
import { AuditLog, type ApiKey } from './security.js';

/** Audit actions (sign-ins, reveals, template edits, role changes, key creation/use). */
export type AuditAction =
  | 'LOGIN_OK' | 'LOGIN_FAILED' | 'LOGIN_LOCKED' | 'LOGOUT' | 'PASSWORD_CHANGE' | 'PASSWORD_REVEAL' | 'STAFF_CREATE' | 'STAFF_UPDATE'
  | 'STAFF_PASSWORD_RESET' | 'API_KEY_CREATE' | 'API_KEY_REVOKE' | 'API_KEY_USE' | 'TEMPLATE_SAVE' | 'EMAIL_RESEND'
  | 'CSV_EXPORT';

/** Appends one audit entry (persist only; flushed with the caller's work). The table refuses UPDATE and DELETE. */
export function audit(
  em: EntityManager,
  entry: { action: AuditAction; staff?: Staff; apiKey?: ApiKey; target?: string; detail?: string; ip?: string },
): void {
  em.persist(Object.assign(new AuditLog(), entry)); // stamped by the process's clock
}
