import { useGetIdentity, usePermissions } from 'react-admin';
import type { Role } from './labels';

/**
 * The roles that may call each operation the console offers — a copy of the rows of the server's one
 * authorization table (server/src/graphql/access.ts) for those operations. The console only hides what a role
 * may not do; the server still decides (and says FORBIDDEN in Japanese if this copy ever lags behind).
 */
export const ACCESS = {
  applications: ['ADMIN', 'SUPERVISOR', 'REVIEWER', 'SUPPORT', 'INTEGRATOR'],
  assignApplication: ['REVIEWER', 'SUPERVISOR'],
  unassignApplication: ['REVIEWER', 'SUPERVISOR'],
  returnApplication: ['REVIEWER', 'SUPERVISOR'],
  approveApplication: ['REVIEWER', 'SUPERVISOR'],
  cancelApplication: ['SUPERVISOR'],
  addInternalNote: ['REVIEWER', 'SUPERVISOR', 'SUPPORT'],
  recordSystemSettings: ['INTEGRATOR', 'REVIEWER', 'SUPERVISOR'],
  suggestedAbbreviation: ['REVIEWER', 'SUPERVISOR'],
  approvalPreview: ['REVIEWER', 'SUPERVISOR'],
  registerProvisionalAccount: ['INTEGRATOR', 'REVIEWER', 'SUPERVISOR'],
  reissuePassword: ['SUPERVISOR'],
  staffAccounts: ['ADMIN'],
  apiKeys: ['ADMIN'],
  auditLog: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof ACCESS;

/** Whether a staff member with these roles may call the operation. */
export const mayCall = (roles: readonly string[] | undefined | null, operation: Operation): boolean =>
  Array.isArray(roles) && roles.some((r) => (ACCESS[operation] as readonly string[]).includes(r));

/** The signed-in staff member: id (getIdentity), roles (getPermissions) and a `may(operation)` check. */
export const useAccess = () => {
  const { permissions, isPending } = usePermissions<string[]>();
  const { identity, isPending: identityPending } = useGetIdentity();
  const roles = Array.isArray(permissions) ? permissions : [];
  const me = identity?.id ? { id: String(identity.id), roles } : undefined;
  return { roles, me, isPending: isPending || identityPending, may: (operation: Operation) => mayCall(roles, operation) };
};
