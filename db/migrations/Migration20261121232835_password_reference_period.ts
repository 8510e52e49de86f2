import { Migration } from '@mikro-orm/migrations';

export class Migration20261121232835_password_reference_period extends Migration {

  override name = 'Migration20261121232835_password_reference_period';

  override up(): void | Promise<void> {
    this.addSql(`alter table "office" add "password_readable_until" date null;`);

    this.addSql(`alter table "mailbox" add "password_readable_until" date null;`);

    this.addSql(`alter table "user_id" add "password_readable_until" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "mailbox" drop column "password_readable_until";`);

    this.addSql(`alter table "office" drop column "password_readable_until";`);

    this.addSql(`alter table "user_id" drop column "password_readable_until";`);


  }

}
