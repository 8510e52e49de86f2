import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockFromEnv, type Clock } from './common/clock.js';

/**
 * The product's root: the nearest folder above this module holding templates/ (the repository from server/src, and
 * from the compiled server/dist/server/src; /app in the image).
 */
export const repoRoot = ((): string => {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'templates'))) return dir;
  return resolve(here, '../..');
})();

/** The pool the lines' IP addresses are issued from unless IP_POOL says otherwise. */
export const DEFAULT_IP_POOL = '10.200.0.0/16';

export interface Config {
  port: number;
  /** A real PostgreSQL server; when absent the embedded one under dataDir is used. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  demoPassword: string;
  tokenSecret: Uint8Array;
  tokenTtlSeconds: number;
  /** AES-256-GCM key for issued secrets (SECRET_KEY base64, else generated into the data folder). */
  secretKey: Buffer;
  consoleDir: string;
  seedDemo: boolean;
  /** IPv4 pool (CIDR) from which 一般NACCS lines get their addresses. */
  ipPool: string;
  /** Origins allowed to call the API from a browser (CORS); the console is same-origin. */
  corsOrigins: string[];
  /** SMTP server for the outbox (e.g. smtp://mailpit:1025); without it an in-process sink receives the mail. */
  smtpUrl?: string;
  /** The certificate authority for digital certificates (CA_CERT_PATH / CA_KEY_PATH, PEM); else generated in dataDir/ca. */
  caCertPath?: string;
  caKeyPath?: string;
  /** Business time: the real time, or the instant NOW names (demos, screenshots, support reproductions). */
  clock: Clock;
  /** Express 'trust proxy' (TRUST_PROXY): a hop count or addresses/CIDRs whose X-Forwarded-For is believed; default none. */
  trustProxy: false | number | string;
}

/** A secret kept in the data folder: generated on first use so the embedded default needs no setup. */
export function persistentSecret(dataDir: string, name: string, bytes = 32): Buffer {
  const file = join(dataDir, 'secrets', name);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  // The data folder stays traversable: the embedded PostgreSQL runs as its own user when we are root.
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes);
  writeFileSync(file, secret.toString('base64'), { mode: 0o600 });
  return secret;
}

/** TRUST_PROXY: empty or `false` trusts no proxy (the peer's address is the caller's); digits are a hop count; else a list. */
function trustProxyOf(value: string | undefined): false | number | string {
  const v = value?.trim() ?? '';
  if (!v || v === 'false') return false;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? join(repoRoot, '.data'));
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 54320),
    demoPassword: env.DEMO_PASSWORD ?? 'naccs-demo',
    tokenSecret: env.TOKEN_SECRET ? Buffer.from(env.TOKEN_SECRET, 'utf8') : persistentSecret(dataDir, 'token.key'),
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 8 * 3600),
    secretKey: env.SECRET_KEY ? Buffer.from(env.SECRET_KEY, 'base64') : persistentSecret(dataDir, 'secret.key'),
    consoleDir: resolve(env.CONSOLE_DIR ?? join(repoRoot, 'admin-ui', 'dist')),
    seedDemo: env.SEED_DEMO !== 'false',
    ipPool: env.IP_POOL ?? DEFAULT_IP_POOL,
    smtpUrl: env.SMTP_URL || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    caCertPath: env.CA_CERT_PATH || undefined,
    caKeyPath: env.CA_KEY_PATH || undefined,
    clock: clockFromEnv(env.NOW),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
  };
}
