import { Migration } from '@mikro-orm/migrations';

export class Migration20261130011737_office_status_index extends Migration {

  override name = 'Migration20261130011737_office_status_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "application_office_status_idx" on "application" ("office_id", "status");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "application_office_status_idx";`);
  }

}
