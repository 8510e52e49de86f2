import { Migration } from '@mikro-orm/migrations';

export class Migration20261121233101_history_password_reissue extends Migration {

  override name = 'Migration20261121233101_history_password_reissue';

  override up(): void | Promise<void> {
    this.addSql(`alter table "application_history" drop constraint "application_history_action_check";`);
    this.addSql(`alter table "application_history" add constraint "application_history_action_check" check ("action" in ('SUBMIT', 'ASSIGN', 'UNASSIGN', 'START_REVIEW', 'RETURN', 'RESUBMIT', 'APPROVE', 'WITHDRAW', 'CANCEL', 'COMMENT', 'INTERNAL_NOTE', 'SYSTEM_SETTINGS', 'PASSWORD_READ', 'PASSWORD_REISSUE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application_history" drop constraint "application_history_action_check";`);
    this.addSql(`alter table "application_history" add constraint "application_history_action_check" check ("action" in ('SUBMIT', 'ASSIGN', 'UNASSIGN', 'START_REVIEW', 'RETURN', 'RESUBMIT', 'APPROVE', 'WITHDRAW', 'CANCEL', 'COMMENT', 'INTERNAL_NOTE', 'SYSTEM_SETTINGS', 'PASSWORD_READ'));`);
  }

}
