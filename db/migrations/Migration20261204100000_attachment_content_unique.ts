import { Migration } from '@mikro-orm/migrations';

/**
 * One stored file per content and application (issue 16: "Resubmitting does not store an unchanged attachment twice").
 * Copies stored by earlier resubmissions are removed first, keeping the first one received.
 */
export class Migration20261204100000_attachment_content_unique extends Migration {

  override name = 'Migration20261204100000_attachment_content_unique';

  override up(): void | Promise<void> {
    this.addSql(`delete from "attachment" a using "attachment" b
      where a."application_id" = b."application_id" and a."sha256" = b."sha256"
        and (a."created_at", a."id") > (b."created_at", b."id");`);
    this.addSql(`alter table "attachment" add constraint "attachment_application_sha256_unique" unique ("application_id", "sha256");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "attachment" drop constraint "attachment_application_sha256_unique";`);
  }

}
