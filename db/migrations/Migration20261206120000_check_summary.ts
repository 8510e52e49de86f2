import { Migration } from '@mikro-orm/migrations';

/**
 * The automatic checks' outcome per open application (server/src/review/checks/summaries.ts), which the application list
 * filters on (checkSeverity). A table of its own so that refreshing it never locks or rewrites application rows; one row
 * per open application (closed ones are removed by the job), so its scans stay the size of the queue. version null: due.
 * The severity index is partial: most applications have no finding.
 */
export class Migration20261206120000_check_summary extends Migration {

  override name = 'Migration20261206120000_check_summary';

  override up(): void | Promise<void> {
    this.addSql(`create table "application_check_summary" ("application_id" uuid not null, "severity" text null, "blocker" int not null default 0, "warning" int not null default 0, "info" int not null default 0, "version" int null, "as_of" date null, "computed_at" timestamptz null, primary key ("application_id"));`);
    this.addSql(`alter table "application_check_summary" add constraint "application_check_summary_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "application_check_summary" add constraint "application_check_summary_severity_check" check ("severity" in ('INFO', 'WARNING', 'BLOCKER'));`);
    this.addSql(`create index "application_check_summary_severity_idx" on "application_check_summary" ("severity") where "severity" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "application_check_summary" cascade;`);
  }

}
