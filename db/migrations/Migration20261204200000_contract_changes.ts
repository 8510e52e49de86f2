import { Migration } from '@mikro-orm/migrations';

// Contract changes take effect on their start date (issue 16, server/src/issuance/contractChange.ts):
//  - contract_change: a change of a company, office, 利用者コード, 論理端末 or 回線 recorded at approval with its
//    effective date; the database checks that the target exists, that only its columns are named (never its key or
//    owner), and that an applied change keeps what it replaced and is never rewritten or removed;
//  - apply_contract_changes(today, at): writes the due ones into their rows (the `contract-changes` job);
//  - contract_delta(id, date): what to lay on a row to read it as of a date (the pending changes due by then, and the
//    replaced values of those applied after it) — reads as of a date stay one query;
//  - user_code_share gets its dates (an office's use of a shared 利用者コード starts and ends on 適用日s) and
//    user_code the owner's own end (the code itself ends only when every sharing office has applied, seed 004).
const TABLES = `case t when 'COMPANY' then 'company' when 'OFFICE' then 'office' when 'USER_CODE' then 'user_code'
  when 'TERMINAL' then 'terminal' when 'LINE' then 'line' end`;

export class Migration20261204200000_contract_changes extends Migration {

  override name = 'Migration20261204200000_contract_changes';

  override up(): void | Promise<void> {
    this.addSql(`create table "contract_change" ("id" uuid not null, "office_id" uuid not null, "application_id" uuid not null, "effective_date" date not null, "target" text not null, "target_id" uuid not null, "after" jsonb not null, "before" jsonb null, "applied_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "contract_change_office_id_index" on "contract_change" ("office_id");`);
    this.addSql(`create index "contract_change_application_id_index" on "contract_change" ("application_id");`);
    this.addSql(`create index "contract_change_pending_idx" on "contract_change" ("effective_date") where "applied_at" is null;`);
    this.addSql(`create index "contract_change_target_idx" on "contract_change" ("target_id", "effective_date");`);
    this.addSql(`alter table "contract_change" add constraint "contract_change_office_id_foreign" foreign key ("office_id") references "office" ("id");`);
    this.addSql(`alter table "contract_change" add constraint "contract_change_application_id_foreign" foreign key ("application_id") references "application" ("id");`);
    this.addSql(`alter table "contract_change" add constraint "contract_change_applied_keeps_before" check ((applied_at is null) = (before is null));`);
    this.addSql(`alter table "contract_change" add constraint "contract_change_after_object" check (jsonb_typeof(after) = 'object' and after <> '{}'::jsonb);`);
    this.addSql(`alter table "contract_change" add constraint "contract_change_target_check" check ("target" in ('COMPANY', 'OFFICE', 'USER_CODE', 'TERMINAL', 'LINE'));`);

    this.addSql(`alter table "user_code" add "owner_end_date" date null;`);
    this.addSql(`alter table "user_code_share" add "start_date" date null, add "end_date" date null, add "issued_by_id" uuid null;`);
    this.addSql(`alter table "user_code_share" add constraint "user_code_share_issued_by_id_foreign" foreign key ("issued_by_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "user_code_share" add constraint "user_code_share_dates" check (end_date is null or start_date is null or end_date >= start_date);`);

    // The target exists and the change names only its data columns; an applied change is history.
    this.addSql(`create function contract_change_guard() returns trigger language plpgsql as $$
      declare tbl text := (select ${TABLES.replace(/\bt\b/g, 'new.target')}); found boolean; bad text;
      begin
        if tg_op = 'DELETE' then
          if old.applied_at is not null then raise exception 'contract_change: an applied change is history and cannot be removed'; end if;
          return old;
        end if;
        if tg_op = 'UPDATE' and (old.applied_at is not null or new.after is distinct from old.after or new.target_id <> old.target_id
            or new.target <> old.target or new.effective_date <> old.effective_date) then
          raise exception 'contract_change: only a pending change is applied, once; its values and date are not rewritten';
        end if;
        execute format('select exists (select 1 from %I where id = $1)', tbl) into found using new.target_id;
        if not found then raise exception 'contract_change: % % does not exist', new.target, new.target_id; end if;
        select string_agg(k, ', ') into bad from jsonb_object_keys(new.after) k
          where k in ('id', 'office_id', 'company_id', 'user_code_id', 'line_id', 'code', 'abbreviation', 'ip_address', 'access_key', 'created_at')
             or (tbl = 'terminal' and k = 'name')
             or not exists (select 1 from pg_attribute a where a.attrelid = tbl::regclass and a.attname = k and a.attnum > 0 and not a.attisdropped);
        if bad is not null then raise exception 'contract_change: % cannot be changed on %', bad, tbl; end if;
        return new;
      end $$;`);
    this.addSql(`create trigger contract_change_guard before insert or update or delete on "contract_change"
      for each row execute function contract_change_guard();`);

    this.addSql(`create function apply_contract_changes(today date, at timestamptz) returns integer language plpgsql as $$
      declare c record; tbl text; cols text; vals text; prev jsonb; n integer := 0;
      begin
        for c in select * from contract_change where applied_at is null and effective_date <= today
            order by effective_date, created_at, id for update skip locked loop
          tbl := (select ${TABLES.replace(/\bt\b/g, 'c.target')});
          select string_agg(quote_ident(k), ', '), string_agg('x.' || quote_ident(k), ', ') into cols, vals from jsonb_object_keys(c.after) k;
          execute format('select coalesce((select jsonb_object_agg(k, to_jsonb(t) -> k) from jsonb_object_keys($1) k), ''{}'') from %I t where t.id = $2', tbl)
            into prev using c.after, c.target_id;
          -- Schema-qualified row type: "line" alone is the built-in geometric type.
          execute format('update %I t set (%s) = (select %s from jsonb_populate_record(null::%I.%I, $1) x) where t.id = $2', tbl, cols, vals, current_schema(), tbl)
            using c.after, c.target_id;
          update contract_change set before = coalesce(prev, '{}'::jsonb), applied_at = at where id = c.id;
          n := n + 1;
        end loop;
        return n;
      end $$;`);

    // Later changes win (jsonb keeps the last of duplicate keys): the replaced values of changes applied after the
    // date, latest first, so the earliest one's is what the row had; then the pending changes due by the date.
    this.addSql(`create function contract_delta(row_id uuid, on_date date) returns jsonb language sql stable as $$
      select coalesce((select jsonb_object_agg(e.key, e.value order by c.effective_date desc, c.created_at desc)
                         from contract_change c, jsonb_each(c.before) e
                        where c.target_id = $1 and c.applied_at is not null and c.effective_date > $2), '{}'::jsonb)
          || coalesce((select jsonb_object_agg(e.key, e.value order by c.effective_date, c.created_at)
                         from contract_change c, jsonb_each(c.after) e
                        where c.target_id = $1 and c.applied_at is null and c.effective_date <= $2), '{}'::jsonb)
    $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists contract_delta(uuid, date);`);
    this.addSql(`drop function if exists apply_contract_changes(date, timestamptz);`);
    this.addSql(`drop table if exists "contract_change" cascade;`);
    this.addSql(`drop function if exists contract_change_guard();`);
    this.addSql(`alter table "user_code_share" drop constraint if exists "user_code_share_dates";`);
    this.addSql(`alter table "user_code_share" drop constraint if exists "user_code_share_issued_by_id_foreign";`);
    this.addSql(`alter table "user_code_share" drop column "start_date", drop column "end_date", drop column "issued_by_id";`);
    this.addSql(`alter table "user_code" drop column "owner_end_date";`);
  }

}
