import type { Role } from '../labels';

/**
 * The roles that may call the 送信ログ operations: rows of the server's authorization table
 * (server/src/graphql/access.ts). The console only hides what a role may not do; the server still decides.
 */
export const EMAIL_ACCESS = {
  outboundEmails: ['SUPERVISOR', 'REVIEWER', 'SUPPORT', 'ADMIN'],
  resendEmail: ['SUPERVISOR'],
} as const satisfies Record<string, readonly Role[]>;

export type EmailOperation = keyof typeof EMAIL_ACCESS;

/** Whether a staff member with these roles may call the operation. */
export const mayEmail = (roles: readonly string[] | undefined | null, operation: EmailOperation): boolean =>
  Array.isArray(roles) && roles.some((r) => (EMAIL_ACCESS[operation] as readonly string[]).includes(r));
