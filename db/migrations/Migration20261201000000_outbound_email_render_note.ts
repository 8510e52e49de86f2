import { Migration } from '@mikro-orm/migrations';

// A mail written from an earlier template version because the latest one failed to render says why (送信ログ).
export class Migration20261201000000_outbound_email_render_note extends Migration {

  override name = 'Migration20261201000000_outbound_email_render_note';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbound_email" add "render_note" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbound_email" drop column "render_note";`);
  }

}
