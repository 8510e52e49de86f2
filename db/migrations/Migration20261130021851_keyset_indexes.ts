import { Migration } from '@mikro-orm/migrations';

export class Migration20261130021851_keyset_indexes extends Migration {

  override name = 'Migration20261130021851_keyset_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "application_export_order_idx" on "application" ("received_at", "id");`);

    this.addSql(`drop index "outbound_email_created_idx";`);
    this.addSql(`create index "outbound_email_created_idx" on "outbound_email" ("created_at", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "application_export_order_idx";`);

    this.addSql(`drop index "outbound_email_created_idx";`);
    this.addSql(`create index "outbound_email_created_idx" on "outbound_email" ("created_at");`);
  }

}
