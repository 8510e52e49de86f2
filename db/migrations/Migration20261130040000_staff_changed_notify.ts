import { Migration } from '@mikro-orm/migrations';

// Every change of a staff row is announced (NOTIFY staff_changed, the staff id): each server process keeps the session
// rows it has read (staff/sessions.ts) and forgets one when it changes — sign-out, deactivation, role change.
export class Migration20261130040000_staff_changed_notify extends Migration {

  override name = 'Migration20261130040000_staff_changed_notify';

  override up(): void | Promise<void> {
    this.addSql(`create function notify_staff_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('staff_changed', (case when tg_op = 'DELETE' then old.id else new.id end)::text);
  return null;
end $$;`);
    this.addSql(`create trigger staff_changed after update or delete on "staff" for each row execute function notify_staff_changed();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger staff_changed on "staff";`);
    this.addSql(`drop function notify_staff_changed();`);
  }

}
