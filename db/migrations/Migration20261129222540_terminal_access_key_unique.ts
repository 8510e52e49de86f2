import { Migration } from '@mikro-orm/migrations';

export class Migration20261129222540_terminal_access_key_unique extends Migration {

  override name = 'Migration20261129222540_terminal_access_key_unique';

  override up(): void | Promise<void> {
    this.addSql(`alter table "terminal" add constraint "terminal_access_key_unique" unique ("access_key");`);
  }

  override down(): void | Promise<void> {

    this.addSql(`alter table "terminal" drop constraint "terminal_access_key_unique";`);
  }

}
