// `pnpm migration:create [name]`: diff the entities against a database migrated to the latest committed
// migration and write the difference as a new migration file in db/migrations.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { initOrm, migrate } from './orm.js';
import { startEmbeddedPostgres } from './embedded.js';

const config = loadConfig();
const dir = join(config.dataDir, 'pg-migrations');
rmSync(dir, { recursive: true, force: true });
const db = await startEmbeddedPostgres(dir, config.embeddedPgPort + 7, 'migrations');
try {
  const orm = await initOrm(db.url);
  await migrate(orm);
  const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
  console.log(result.fileName ? `created ${result.fileName}` : 'no changes: entities and migrations agree');
  await orm.close();
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
