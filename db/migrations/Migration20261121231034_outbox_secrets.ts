import { Migration } from '@mikro-orm/migrations';

export class Migration20261121231034_outbox_secrets extends Migration {

  override name = 'Migration20261121231034_outbox_secrets';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbound_email" add "secrets_enc" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbound_email" drop column "secrets_enc";`);
  }

}
