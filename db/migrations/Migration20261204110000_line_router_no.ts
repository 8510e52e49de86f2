import { Migration } from '@mikro-orm/migrations';

/**
 * ルータ番号 of a line (its number in the application that added it), for the ID通知内容's line and terminal rows
 * (seed 001). Lines issued before it are numbered where their application added exactly one line.
 */
export class Migration20261204110000_line_router_no extends Migration {

  override name = 'Migration20261204110000_line_router_no';

  override up(): void | Promise<void> {
    this.addSql(`alter table "line" add column "router_no" int null;`);
    this.addSql(`update "line" l set "router_no" = al."line_no"
      from "application_line" al
      where al."application_id" = l."issued_by_id" and al."action" = 'ADD'
        and (select count(*) from "application_line" x where x."application_id" = al."application_id" and x."action" = 'ADD') = 1;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "line" drop column "router_no";`);
  }

}
