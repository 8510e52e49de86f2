import { Migration } from '@mikro-orm/migrations';

export class Migration20261130020632_outbound_email_created_index extends Migration {

  override name = 'Migration20261130020632_outbound_email_created_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "outbound_email_created_idx" on "outbound_email" ("created_at");`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop index "outbound_email_created_idx";`);
  }

}
