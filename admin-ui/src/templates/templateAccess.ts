import type { Role } from '../labels';

/**
 * The roles that may call the notification-template operations: rows of the server's authorization table
 * (server/src/graphql/access.ts). The console only hides what a role may not do; the server still decides.
 */
export const TEMPLATE_ACCESS = {
  notificationTemplates: ['SUPERVISOR', 'REVIEWER', 'ADMIN'],
  notificationTemplate: ['SUPERVISOR', 'REVIEWER', 'ADMIN'],
  previewNotification: ['SUPERVISOR', 'REVIEWER', 'ADMIN'],
  saveNotificationTemplate: ['SUPERVISOR'],
  rollbackNotificationTemplate: ['SUPERVISOR'],
  sendTestNotification: ['SUPERVISOR'],
} as const satisfies Record<string, readonly Role[]>;

export type TemplateOperation = keyof typeof TEMPLATE_ACCESS;

/** Whether a staff member with these roles may call the operation. */
export const mayTemplate = (roles: readonly string[] | undefined | null, operation: TemplateOperation): boolean =>
  Array.isArray(roles) && roles.some((r) => (TEMPLATE_ACCESS[operation] as readonly string[]).includes(r));
