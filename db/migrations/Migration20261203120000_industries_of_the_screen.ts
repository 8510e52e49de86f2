import { Migration } from '@mikro-orm/migrations';

// 業種 become the 17 choices of the NSS 利用者コード screen (seed 000). Stored values keep their meaning: 海貨業 (NVOCC)
// is the screen's 海運業 (MARINE_FORWARDER); 銀行 (BANK) is not on the screen and becomes その他 (OTHER). Both the
// applications' rows and the issued 利用者ID are rewritten, then the CHECKs list the new values.
const NEW = ['CUSTOMS_BROKER', 'CONSOLIDATOR', 'AIRCRAFT_SUPPLIES', 'SELF_CUSTOMS', 'AIRLINE', 'CAPTAIN_AGENT', 'MARINE_FORWARDER',
  'IMPORTER_EXPORTER', 'AIR_CARGO_AGENT', 'IWCC', 'TRADER', 'BONDED_WAREHOUSE', 'CONTAINER_YARD', 'SHIPPING_LINE', 'SHIPPING_AGENT',
  'INSURER', 'OTHER'];
const OLD = ['CUSTOMS_BROKER', 'SELF_CUSTOMS', 'CONSOLIDATOR', 'SHIPPING_LINE', 'SHIPPING_AGENT', 'AIRLINE', 'BONDED_WAREHOUSE',
  'CONTAINER_YARD', 'AIRCRAFT_SUPPLIES', 'BANK', 'TRADER', 'CAPTAIN_AGENT', 'NVOCC'];
const TABLES = ['application_user_id', 'user_id'];
const check = (table: string, values: string[]) =>
  `alter table "${table}" add constraint "${table}_industries_check" check ("industries" <@ array[${values.map((v) => `'${v}'::text`).join(', ')}]);`;

export class Migration20261203120000_industries_of_the_screen extends Migration {

  override name = 'Migration20261203120000_industries_of_the_screen';

  override up(): void | Promise<void> {
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" drop constraint "${table}_industries_check";`);
      this.addSql(`update "${table}" set "industries" = array_replace(array_replace("industries", 'NVOCC', 'MARINE_FORWARDER'), 'BANK', 'OTHER') where "industries" && array['NVOCC', 'BANK']::text[];`);
      this.addSql(check(table, NEW));
    }
  }

  override down(): void | Promise<void> {
    // Back to the old list: the values it never had fold into their nearest old one.
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" drop constraint "${table}_industries_check";`);
      this.addSql(`update "${table}" set "industries" = array_replace(array_replace(array_replace(array_replace(array_replace(array_replace("industries",
        'MARINE_FORWARDER', 'NVOCC'), 'OTHER', 'BANK'), 'IMPORTER_EXPORTER', 'TRADER'), 'AIR_CARGO_AGENT', 'CONSOLIDATOR'), 'IWCC', 'NVOCC'), 'INSURER', 'BANK');`);
      this.addSql(check(table, OLD));
    }
  }

}
