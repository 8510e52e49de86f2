// `pnpm migration:create [name]`: diff the entities against a database migrated to the latest committed
// migration and write the difference as a new migration file in db/migrations.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { initOrm, migrate, migrationsDir } from './orm.js';
import { startEmbeddedPostgres } from './embedded.js';

const config = loadConfig();
const dir = join(config.dataDir, 'pg-migrations');
rmSync(dir, { recursive: true, force: true });
const db = await startEmbeddedPostgres(dir, config.embeddedPgPort + 7, 'migrations');
try {
  const orm = await initOrm(db.url);
  await migrate(orm);
  const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
  if (result.fileName) {
    // The generator re-emits the hand-written triggers and routines of *_rules.ts (as empty stubs): drop those lines.
    const file = join(migrationsDir, result.fileName);
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace(/\n?\s*this\.addSql\(`(?:[^`\\]|\\.)*`\);/g, (stmt) => (/append_only|next_receipt_no|refuse_change|tally_application|claim_identifier/.test(stmt) ? '' : stmt)));
  }
  console.log(result.fileName ? `created ${result.fileName} (review it before committing)` : 'no changes: entities and migrations agree');
  await orm.close();
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
