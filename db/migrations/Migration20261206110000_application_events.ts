import { Migration } from '@mikro-orm/migrations';

// Live updates of the console (server/src/events): every history entry is announced to every server process.
// - NOTIFY application_changed from a constraint trigger deferred to COMMIT: it fires for every way a history row is
//   written (the ORM's flush, the approval's one statement, the jobs) and reads the application as the transaction
//   leaves it (the approval updates the application after inserting its history); a rolled-back change announces
//   nothing. The payload is small (ids, status, names), far below NOTIFY's 8,000 bytes.
// - application_viewer: who has an application open (閲覧中), refreshed by the console every few seconds; UNLOGGED
//   (nothing to recover after a crash: the viewers come back with their next refresh). notify_application_viewers
//   announces an application's current viewers (NOTIFY application_viewers).
export class Migration20261206110000_application_events extends Migration {

  override name = 'Migration20261206110000_application_events';

  override up(): void | Promise<void> {
    this.addSql(`create function notify_application_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('application_changed', json_build_object(
          'id', a.id, 'receiptNo', a.receipt_no, 'officeId', a.office_id, 'status', a.status, 'version', a.version,
          'assigneeId', a.assignee_id, 'assigneeName', s.name,
          'action', new.action, 'actorId', new.actor_id, 'actorName', new.actor_name, 'internal', new.internal,
          'at', new.at)::text)
        from application a left join staff s on s.id = a.assignee_id where a.id = new.application_id;
        return null;
      end $$;`);
    // A bulk load (the benchmark's millions of rows) says `set naccs.announce = 'off'`: nothing is queued for it.
    this.addSql(`create constraint trigger application_history_announced after insert on application_history
      deferrable initially deferred for each row
      when (coalesce(current_setting('naccs.announce', true), '') <> 'off')
      execute function notify_application_changed();`);

    this.addSql(`create unlogged table application_viewer (
      application_id uuid not null, staff_id uuid not null, seen_at timestamptz not null default now(),
      primary key (application_id, staff_id),
      constraint application_viewer_application_id_foreign foreign key (application_id) references application (id) on update cascade on delete cascade,
      constraint application_viewer_staff_id_foreign foreign key (staff_id) references staff (id) on update cascade on delete cascade);`);
    this.addSql('create index application_viewer_seen_at_index on application_viewer (seen_at);');
    this.addSql(`create function notify_application_viewers(app uuid, fresh interval) returns void language sql as $$
      select pg_notify('application_viewers', json_build_object('applicationId', app, 'viewers', coalesce((
        select json_agg(json_build_object('staffId', s.id, 'name', s.name) order by v.seen_at)
        from application_viewer v join staff s on s.id = v.staff_id
        where v.application_id = app and v.seen_at > now() - fresh), '[]'::json))::text);
    $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop function if exists notify_application_viewers(uuid, interval);');
    this.addSql('drop table if exists application_viewer;');
    this.addSql('drop trigger if exists application_history_announced on application_history;');
    this.addSql('drop function if exists notify_application_changed();');
  }

}
