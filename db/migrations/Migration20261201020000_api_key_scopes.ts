import { Migration } from '@mikro-orm/migrations';

// Integrator keys get scopes (read, submit, reveal passwords) and may be limited to named companies or offices.
// Keys made before keep their power: every scope, no limit.
export class Migration20261201020000_api_key_scopes extends Migration {

  override name = 'Migration20261201020000_api_key_scopes';

  override up(): void | Promise<void> {
    this.addSql(`alter table "api_key" add "scopes" text[] not null default '{READ,SUBMIT,REVEAL_PASSWORDS}', add "company_codes" text[] not null default '{}', add "office_codes" text[] not null default '{}';`);
    this.addSql(`alter table "api_key" alter column "scopes" drop default;`);
    this.addSql(`alter table "api_key" add constraint "api_key_scopes_check" check ("scopes" <@ array['READ'::text, 'SUBMIT'::text, 'REVEAL_PASSWORDS'::text]);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "api_key" drop constraint "api_key_scopes_check";`);
    this.addSql(`alter table "api_key" drop column "scopes", drop column "company_codes", drop column "office_codes";`);
  }

}
