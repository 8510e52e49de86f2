import { Migration } from '@mikro-orm/migrations';

// Session tokens carry the staff row's generation; sign-out moves it on (staff/Staff.ts endSessions).
export class Migration20261201010000_staff_session_generation extends Migration {

  override name = 'Migration20261201010000_staff_session_generation';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staff" add "session_generation" int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staff" drop column "session_generation";`);
  }

}
