import { Migration } from '@mikro-orm/migrations';

export class Migration20261121234316_staff_sign_in_safety extends Migration {

  override name = 'Migration20261121234316_staff_sign_in_safety';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staff" add "failed_logins" int not null default 0, add "locked_until" timestamptz null, add "tokens_valid_after" timestamptz null;`);
  }

  override down(): void | Promise<void> {

    this.addSql(`alter table "staff" drop column "failed_logins", drop column "locked_until", drop column "tokens_valid_after";`);
  }

}
