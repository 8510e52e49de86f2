import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entities } from './entities.js';

/**
 * db/migrations beside this module's tree: the TypeScript sources when run from source (tsx, tests), the compiled
 * JavaScript in server/dist/db/migrations when run compiled (rootDir is the repository, so the layout is the same).
 */
export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'db', 'migrations');
const compiled = import.meta.url.endsWith('.js');

/**
 * No statement runs longer than this: a search or list that would is cancelled (the caller gets SERVICE_UNAVAILABLE)
 * instead of holding a connection and a core. Generous enough for waits on the serialised counters (receipt numbers,
 * company serials) when many approvals and submissions queue at once; migrations lift it for their own transaction.
 */
export const STATEMENT_TIMEOUT_MS = 30_000;

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
    // Set on every pooled connection at its start (pg's client options). No JIT: at a million applications a read of
    // the open set is costed above its threshold, and compiling costs more (70–500 ms) than the statement runs.
    driverOptions: { statement_timeout: STATEMENT_TIMEOUT_MS, options: '-c jit=off' },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: compiled ? '*.js' : '*.ts',
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

/** Applies pending migrations (in one transaction, without the statement timeout: an index on millions of rows takes minutes). */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    await em.getConnection().execute('set local statement_timeout = 0', [], 'run', em.getTransactionContext());
    await orm.migrator.up({ transaction: em.getTransactionContext() });
  });
}
