import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SecretBox } from '../common/secrets.js';
import { freshDatabase, type TestDatabase } from '../testing/db.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { checkSecrets, chooseTool, findTools, serverMajor, type Tool } from './backup.js';

// `pnpm db:backup` / `pnpm db:restore` as an operator runs them (backupCli.ts, a real process, DATABASE_URL), on a
// database holding the demo (about 300 applications, issued passwords and 認証コード sealed with the suite's key):
// restored into a new database, the same applications come back and the sealed secrets open with the same key.
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(join(tmpdir(), 'naccs-backup-'));
const made: string[] = [];
let source: TestDatabase;
let major: number;
let dumpTool: Tool | undefined;

const adminUrl = () => inject('adminDatabaseUrl');
const urlOf = (db: string) => Object.assign(new URL(adminUrl()), { pathname: `/${db}` }).toString();

async function sql<T = any>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

/** A new, empty database (from template0: not even the migrations). */
async function emptyDatabase(): Promise<string> {
  const name = `naccs_t_restore_${randomBytes(5).toString('hex')}`;
  await sql(adminUrl(), `create database ${name} template template0`);
  made.push(name);
  return urlOf(name);
}

function cli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/backupCli.ts', ...args], {
      cwd: serverDir,
      // Only what the operator would set: no SECRET_KEY/DATABASE_URL of this process leaks in unless given.
      env: { ...process.env, SECRET_KEY: undefined, DATABASE_URL: undefined, DATA_DIR: join(work, 'data'), INIT_CWD: work, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

const applications = (url: string) => sql<{ r: unknown }>(url, 'select to_jsonb(a) as r from application a order by id').then((rows) => rows.map((x) => x.r));

/** Row counts of every table of the schema. */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const tables = await sql<{ t: string }>(url, `select tablename as t from pg_tables where schemaname = current_schema() order by 1`);
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = Number((await sql(url, `select count(*) as n from ${pg.escapeIdentifier(t)}`))[0].n);
  return counts;
}

beforeAll(async () => {
  source = await freshDatabase({}, true);
  major = await serverMajor(source.url);
  dumpTool = chooseTool(await findTools('pg_dump'), major);
});
afterAll(async () => {
  await source?.drop();
  for (const db of made) await sql(adminUrl(), `drop database if exists ${db} with (force)`).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  // .ci/run's system PostgreSQL (15) comes with its pg_dump: there the round trip runs. The embedded PostgreSQL 18's
  // package ships no pg_dump (native/bin: initdb, pg_ctl, postgres) and Debian 12 has only 15's: without a pg_dump 18
  // (PG_BIN) the backup must refuse, naming what to install and leaving no file. Choosing among versions is
  // backup.unit.test.ts's.
  it('restores a backup into a new database: the same applications and every table, secrets readable with the same key (refused without a pg_dump as new as the server)', async () => {
    if (!dumpTool) {
      const refused = await cli(['backup', 'never.dump'], { DATABASE_URL: source.url, SECRET_KEY: TEST_SECRET_KEY });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`pg_dump ${major} 以上が必要です`);
      expect(refused.stderr).toContain(`postgresql-client-${major}`);
      expect(readdirSync(work).filter((f) => f.startsWith('never.dump'))).toEqual([]);
      return;
    }
    const backup = await cli(['backup', 'demo.dump'], { DATABASE_URL: source.url, SECRET_KEY: TEST_SECRET_KEY });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    // A relative FILE is where the operator ran pnpm (INIT_CWD), readable by its owner only.
    const file = join(work, 'demo.dump');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = await applications(source.url);
    expect(before.length).toBeGreaterThan(100);
    expect(backup.stdout).toContain(`申込 ${before.length} 件`);
    expect(backup.stdout).toContain('SECRET_KEY');

    const target = await emptyDatabase();
    const restore = await cli(['restore', 'demo.dump'], { DATABASE_URL: target, SECRET_KEY: TEST_SECRET_KEY });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`申込 ${before.length} 件`);
    expect(await applications(target)).toEqual(before);
    expect(await tableCounts(target)).toEqual(await tableCounts(source.url));

    // The sealed passwords came back as they were, and open with the suite's key only.
    const sealed = (url: string) => sql<{ id: string; p: string }>(url, `select id, password_enc as p from office where password_enc is not null order by id`);
    const originals = await sealed(source.url);
    expect(originals.length).toBeGreaterThan(0);
    expect(await sealed(target)).toEqual(originals);
    const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
    expect(box.open(originals[0]!.p)).toMatch(/^[A-Z0-9]{8}$/);
    const withKey = await checkSecrets(target, Buffer.from(TEST_SECRET_KEY, 'base64'));
    expect(withKey.tried).toBeGreaterThanOrEqual(2);
    expect(withKey.opened).toBe(withKey.tried);
    expect((await checkSecrets(target, randomBytes(32))).opened).toBe(0);
    expect(restore.stdout).toContain(`${withKey.tried} 列がこの鍵で読めます`);

    // A database that is not empty is refused as it is; --clean replaces it with the backup.
    const again = await cli(['restore', file], { DATABASE_URL: target, SECRET_KEY: TEST_SECRET_KEY });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('空ではありません');
    expect(await applications(target)).toEqual(before);
    // Something changed since: --clean puts the backup's rows back.
    await sql(target, `delete from application_tally`);
    const clean = await cli(['restore', file, '--clean'], { DATABASE_URL: target, SECRET_KEY: TEST_SECRET_KEY });
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(await tableCounts(target)).toEqual(await tableCounts(source.url));

    // Another key: restored, but the operator is told the secrets do not open (and the run fails).
    const other = await emptyDatabase();
    const wrong = await cli(['restore', file], { DATABASE_URL: other, SECRET_KEY: randomBytes(32).toString('base64') });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(`0 列がこの鍵で読めます`);
    expect(wrong.stderr).toContain('この鍵では発行済みのパスワード・認証コードが読めません');

    // No key at all (no SECRET_KEY, no key file in DATA_DIR): refused before anything is written.
    const none = await emptyDatabase();
    const keyless = await cli(['restore', file], { DATABASE_URL: none });
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain('鍵がありません');
    expect(await sql(none, `select count(*)::int as n from pg_tables where schemaname = 'public'`)).toEqual([{ n: 0 }]);
  });

  it('refuses a file that is not a backup, and usage mistakes', async () => {
    const target = await emptyDatabase();
    const notDump = join(work, 'not-a-dump.txt');
    writeFileSync(notDump, 'hello');
    const res = await cli(['restore', notDump], { DATABASE_URL: target, SECRET_KEY: TEST_SECRET_KEY });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('バックアップとして読めません');
    expect((await cli(['restore'], { DATABASE_URL: target })).code).toBe(2);
    expect((await cli(['backup', '--clean'], { DATABASE_URL: target })).code).toBe(2);
    expect((await cli(['restore', join(work, 'missing.dump')], { DATABASE_URL: target, SECRET_KEY: TEST_SECRET_KEY })).stderr).toContain('がありません');
  });
});
