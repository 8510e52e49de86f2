import { Migration } from '@mikro-orm/migrations';

// Mail exactly once, promptly (delivery.ts): a claim token per batch under a short renewed lease, the start of each
// SMTP attempt, and the flag of a mail whose earlier attempt may have been accepted.
export class Migration20261201000100_outbox_exactly_once extends Migration {

  override name = 'Migration20261201000100_outbox_exactly_once';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbound_email" add "claim_token" uuid null, add "sending_since" timestamptz null, add "possible_duplicate" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbound_email" drop column "claim_token", drop column "sending_since", drop column "possible_duplicate";`);
  }

}
