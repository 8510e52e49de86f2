import { Migration } from '@mikro-orm/migrations';

/** 変更(通関士) (NSS 「通関士IDの追加」) as an application kind: the kind checks of the application and its tally. */
export class Migration20261205100000_customs_officer_kind extends Migration {

  override name = 'Migration20261205100000_customs_officer_kind';

  override up(): void | Promise<void> {
    for (const table of ['application', 'application_tally']) {
      this.addSql(`alter table "${table}" drop constraint if exists "${table}_kind_check";`);
      this.addSql(`alter table "${table}" add constraint "${table}_kind_check" check ("kind" in ('NEW', 'CHANGE', 'TERMINATION', 'CUSTOMS_OFFICER'));`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of ['application', 'application_tally']) {
      this.addSql(`alter table "${table}" drop constraint if exists "${table}_kind_check";`);
      this.addSql(`alter table "${table}" add constraint "${table}_kind_check" check ("kind" in ('NEW', 'CHANGE', 'TERMINATION'));`);
    }
  }

}
