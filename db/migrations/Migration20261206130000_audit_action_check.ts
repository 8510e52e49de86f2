import { Migration } from '@mikro-orm/migrations';

const ACTIONS = [
  'LOGIN_OK', 'LOGIN_FAILED', 'LOGIN_LOCKED', 'LOGOUT', 'PASSWORD_CHANGE', 'PASSWORD_REVEAL', 'STAFF_CREATE', 'STAFF_UPDATE',
  'STAFF_PASSWORD_RESET', 'API_KEY_CREATE', 'API_KEY_REVOKE', 'API_KEY_USE', 'TEMPLATE_SAVE', 'EMAIL_RESEND', 'CSV_EXPORT', 'JOB_RUN',
  'OFFICE_CLOSE', 'CERTIFICATE_ISSUE', 'CERTIFICATE_REISSUE', 'CERTIFICATE_REVOKE', 'CERTIFICATE_ACQUIRE', 'CERTIFICATE_AUTH_FAILED',
  'CERTIFICATE_STOP', 'CERTIFICATE_EXPIRE', 'CERTIFICATE_CLOSE',
];

/**
 * The audit log's actions are one enum (AuditAction, also in the GraphQL schema): the database refuses any other. varchar
 * → text rewrites nothing (the same storage), so the append-only table is only scanned once for the CHECK.
 */
export class Migration20261206130000_audit_action_check extends Migration {

  override name = 'Migration20261206130000_audit_action_check';

  override up(): void | Promise<void> {
    this.addSql('alter table "audit_log" alter column "action" type text using ("action"::text);');
    this.addSql(`alter table "audit_log" add constraint "audit_log_action_check" check ("action" in (${ACTIONS.map((a) => `'${a}'`).join(', ')}));`);
  }

  override down(): void | Promise<void> {
    this.addSql('alter table "audit_log" drop constraint if exists "audit_log_action_check";');
    this.addSql('alter table "audit_log" alter column "action" type varchar(60) using ("action"::varchar(60));');
  }

}
