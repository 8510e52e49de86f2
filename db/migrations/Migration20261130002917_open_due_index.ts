import { Migration } from '@mikro-orm/migrations';

export class Migration20261130002917_open_due_index extends Migration {

  override name = 'Migration20261130002917_open_due_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "application_open_due_idx" on "application" ("desired_start_date") where "status" in ('RECEIVED', 'IN_REVIEW', 'RETURNED');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "application_open_due_idx";`);
  }

}
