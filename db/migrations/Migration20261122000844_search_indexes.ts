import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000844_search_indexes extends Migration {

  override name = 'Migration20261122000844_search_indexes';

  override up(): void | Promise<void> {
    // Trigram indexes for the support desk's "any part of a name or kana" search.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`drop index "office_search_text_idx";`);
    this.addSql(`create index "office_search_trgm_idx" on "office" using gin ("search_text" gin_trgm_ops);`);

    this.addSql(`create index "application_desired_start_idx" on "application" ("desired_start_date");`);
    this.addSql(`create index "application_search_trgm_idx" on "application" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create index "application_receipt_prefix_idx" on "application" ("receipt_no" varchar_pattern_ops);`);
    this.addSql(`create index "application_received_order_idx" on "application" ("received_at" desc, "receipt_no" desc);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "application_desired_start_idx";`);
    this.addSql(`drop index "application_search_trgm_idx";`);
    this.addSql(`drop index "application_receipt_prefix_idx";`);
    this.addSql(`drop index "application_received_order_idx";`);

    this.addSql(`drop index "office_search_trgm_idx";`);
    this.addSql(`create index "office_search_text_idx" on "office" ("search_text");`);
  }

}
