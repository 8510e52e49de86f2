import type { Role } from '../labels';

/**
 * The roles that may call the デジタル証明書 operations: rows of the server's authorization table
 * (server/src/graphql/access.ts). The console only hides what a role may not do; the server still decides.
 */
export const CERTIFICATE_ACCESS = {
  certificates: ['ADMIN', 'SUPERVISOR', 'REVIEWER', 'SUPPORT', 'INTEGRATOR'],
  issueCertificates: ['REVIEWER', 'SUPERVISOR'],
  reissueCertificate: ['SUPERVISOR'],
  revokeCertificate: ['SUPERVISOR'],
} as const satisfies Record<string, readonly Role[]>;

export type CertificateOperation = keyof typeof CERTIFICATE_ACCESS;

/** Whether a staff member with these roles may call the operation. */
export const mayCertificate = (roles: readonly string[] | undefined | null, operation: CertificateOperation): boolean =>
  Array.isArray(roles) && roles.some((r) => (CERTIFICATE_ACCESS[operation] as readonly string[]).includes(r));
