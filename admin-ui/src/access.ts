import { useGetIdentity, usePermissions } from 'react-admin';

/**
 * The operations of the server's authorization table (server/src/graphql/access.ts) that the console offers. Who may
 * call them is not repeated here: at sign-in the server lists the staff member's operations (Staff.operations), and
 * the console hides what is not on that list. The server still decides on every call.
 */
export type Operation =
  | 'assignApplication' | 'unassignApplication' | 'returnApplication' | 'approveApplication' | 'cancelApplication'
  | 'addInternalNote' | 'recordSystemSettings' | 'registerProvisionalAccount' | 'reissuePassword'
  | 'certificates' | 'issueCertificates' | 'reissueCertificate' | 'revokeCertificate'
  | 'notificationTemplates' | 'saveNotificationTemplate' | 'rollbackNotificationTemplate'
  | 'outboundEmails' | 'resendEmail' | 'staffAccounts' | 'apiKeys' | 'auditLog';

/** Whether the signed-in staff member's operations (getPermissions) include this one. */
export const mayCall = (operations: readonly string[] | undefined | null, operation: Operation): boolean =>
  Array.isArray(operations) && operations.includes(operation);

/** The signed-in staff member: id and roles (getIdentity), operations (getPermissions) and a `may(operation)` check. */
export const useAccess = () => {
  const { permissions, isPending } = usePermissions<string[]>();
  const { identity, isPending: identityPending } = useGetIdentity();
  const operations = Array.isArray(permissions) ? permissions : [];
  const roles: string[] = Array.isArray(identity?.roles) ? identity.roles : [];
  const me = identity?.id ? { id: String(identity.id), roles, operations } : undefined;
  return { roles, me, isPending: isPending || identityPending, may: (operation: Operation) => mayCall(operations, operation) };
};
