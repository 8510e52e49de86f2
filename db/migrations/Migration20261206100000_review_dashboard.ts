import { Migration } from '@mikro-orm/migrations';

/**
 * The reviewers' dashboard (server/src/review/dashboard): its history figures read approvals of the last 12 weeks and
 * assignments of today. Partial indexes on those actions by time keep each read bounded by that window, never by the
 * history's millions of rows; INCLUDE carries what the figures group by (application, actor), so the history table
 * itself is not visited (index-only scans once the visibility map is set). Its open-application figures read each
 * open application's lines (whether a line is laid: the lead time), which had no index on their application.
 */
export class Migration20261206100000_review_dashboard extends Migration {

  override name = 'Migration20261206100000_review_dashboard';

  override up(): void | Promise<void> {
    this.addSql(`create index "application_history_approve_at_idx" on "application_history" ("at") include ("application_id", "actor_id") where "action" = 'APPROVE';`);
    this.addSql(`create index "application_history_assign_at_idx" on "application_history" ("at") include ("application_id") where "action" = 'ASSIGN';`);
    this.addSql(`create index "application_line_application_id_index" on "application_line" ("application_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "application_history_approve_at_idx";`);
    this.addSql(`drop index "application_history_assign_at_idx";`);
    this.addSql(`drop index "application_line_application_id_index";`);
  }

}
