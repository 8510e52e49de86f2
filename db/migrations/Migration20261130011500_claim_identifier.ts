import { Migration } from '@mikro-orm/migrations';

// claim_identifier: the guard of one candidate identifier (server/src/issuance/allocation.ts). It tries the
// candidate's transaction advisory lock without waiting and only then looks the value up, in a statement of its own:
// a fresh snapshot, so a value the lock's previous holder committed is seen as taken (a check in the claiming
// statement itself would use a snapshot from before that commit).
export class Migration20261130011500_claim_identifier extends Migration {

  override name = 'Migration20261130011500_claim_identifier';

  override up(): void | Promise<void> {
    this.addSql(`create function claim_identifier(namespace int, tbl text, col text, candidate text) returns boolean
      language plpgsql volatile as $$
      declare taken boolean;
      begin
        if not pg_try_advisory_xact_lock(namespace, hashtext(candidate)) then return false; end if;
        execute format('select exists (select 1 from %I where %I = $1)', tbl, col) into taken using candidate;
        return not taken;
      end $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists claim_identifier(int, text, text, text);`);
  }

}
