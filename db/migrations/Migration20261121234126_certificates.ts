import { Migration } from '@mikro-orm/migrations';

/** Digital certificates: auth-code reference period, acquisition deadline, CRL reason; one PENDING per terminal. */
export class Migration20261121234126_certificates extends Migration {

  override name = 'Migration20261121234126_certificates';

  override up(): void | Promise<void> {
    this.addSql(`alter table "certificate" add "auth_codes_readable_until" date null, add "acquire_by" date null, add "crl_reason" smallint null;`);
    this.addSql(`create unique index "certificate_one_pending_per_terminal" on "certificate" ("terminal_id") where status = 'PENDING';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "certificate_one_pending_per_terminal";`);
    this.addSql(`alter table "certificate" drop column "auth_codes_readable_until", drop column "acquire_by", drop column "crl_reason";`);
  }

}
