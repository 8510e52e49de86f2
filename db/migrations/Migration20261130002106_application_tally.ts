import { Migration } from '@mikro-orm/migrations';

// Counts of applications per status, kind and assignee kept by the database itself (see ApplicationTally): each
// statement on `application` appends its net change through statement-level triggers with transition tables, so a
// set-based insert of a million rows appends a handful of tally rows, and concurrent approvals never wait on one.
const TALLY_FROM = (rows: string) => `
  insert into application_tally (status, kind, assignee_id, n)
  select status, kind, assignee_id, sum(n) from (${rows}) d group by status, kind, assignee_id having sum(n) <> 0;`;

export class Migration20261130002106_application_tally extends Migration {

  override name = 'Migration20261130002106_application_tally';

  override up(): void | Promise<void> {
    this.addSql(`create table "application_tally" ("id" bigserial primary key, "status" text not null, "kind" text not null, "assignee_id" uuid null, "n" int not null);`);

    this.addSql(`alter table "application_tally" add constraint "application_tally_status_check" check ("status" in ('RECEIVED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CANCELLED'));`);
    this.addSql(`alter table "application_tally" add constraint "application_tally_kind_check" check ("kind" in ('NEW', 'CHANGE', 'TERMINATION'));`);

    this.addSql(`create function tally_application_insert() returns trigger language plpgsql as $$ begin
      ${TALLY_FROM('select status, kind, assignee_id, 1 as n from tally_new')}
      return null; end $$;`);
    this.addSql(`create function tally_application_update() returns trigger language plpgsql as $$ begin
      ${TALLY_FROM('select status, kind, assignee_id, 1 as n from tally_new union all select status, kind, assignee_id, -1 from tally_old')}
      return null; end $$;`);
    this.addSql(`create function tally_application_delete() returns trigger language plpgsql as $$ begin
      ${TALLY_FROM('select status, kind, assignee_id, -1 as n from tally_old')}
      return null; end $$;`);
    this.addSql(`create trigger tally_application_insert after insert on application referencing new table as tally_new
      for each statement execute function tally_application_insert();`);
    this.addSql(`create trigger tally_application_update after update on application referencing old table as tally_old new table as tally_new
      for each statement execute function tally_application_update();`);
    this.addSql(`create trigger tally_application_delete after delete on application referencing old table as tally_old
      for each statement execute function tally_application_delete();`);
    // The applications already there.
    this.addSql(`insert into application_tally (status, kind, assignee_id, n)
      select status, kind, assignee_id, count(*) from application group by status, kind, assignee_id;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists tally_application_insert on application;`);
    this.addSql(`drop trigger if exists tally_application_update on application;`);
    this.addSql(`drop trigger if exists tally_application_delete on application;`);
    this.addSql(`drop function if exists tally_application_insert(), tally_application_update(), tally_application_delete();`);
    this.addSql(`drop table if exists "application_tally" cascade;`);
  }

}
