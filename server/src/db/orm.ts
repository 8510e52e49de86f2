import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import { entities } from './entities.js';

export const migrationsDir = join(repoRoot, 'db', 'migrations');

/** The ORM configuration shared by the server, the migration generator and the tests. */
export function ormConfig(clientUrl: string, extra: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // References and collections requested in one tick load in one query (no N+1 from field resolvers).
    dataloader: true,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    pool: { min: 0, max: 10 },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    // Hand-written rules (receipt-number function, append-only triggers) live in db/migrations/*_rules.ts.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    debug: process.env.ORM_DEBUG === '1',
    ...extra,
  });
}

export async function initOrm(clientUrl: string, extra: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, extra));
}

/** Applies pending migrations (in one transaction). */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.migrator.up();
}
