import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIP } from 'node:net';
import { z } from 'zod';
import { clockFromEnv, parseInstant, type Clock } from './common/clock.js';

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

/** Standard lead times in business days (calendar/CalendarService.ts uses the ones main.ts installs). */
export interface LeadTimeSettings {
  newLine: number;
  newOther: number;
  change: number;
}

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
  /** Seed the demo into an empty database: SEED_DEMO, else true for the embedded database only. */
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
  /** NOW as given (shown at start), when set. */
  now?: string;
  /** Express 'trust proxy' (TRUST_PROXY): a hop count or addresses/CIDRs whose X-Forwarded-For is believed; default none. */
  trustProxy: false | number | string;
  logLevel: LogLevel;
  /** Seconds between runs of the deadline, office, tally and certificate jobs (0: off). */
  jobIntervalSeconds: number;
  /** Seconds between outbox deliveries (0: off). */
  mailIntervalSeconds: number;
  leadTimes: LeadTimeSettings;
  /** How long SIGTERM/SIGINT may take: requests and jobs finish within it, then the process leaves regardless. */
  shutdownTimeoutMs: number;
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** An ADMIN account created at start when the database has no staff account at all (a production's first sign-in). */
  initialAdmin?: { email: string; password: string };
  /** ORM_DEBUG=1: the ORM logs every statement. */
  ormDebug: boolean;
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

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// Rules of the variables, each with the message an operator sees (the variable's name is put in front).
const integer = (min: number, max: number) =>
  z.string().regex(/^\d+$/, `${min}〜${max} の整数で指定してください`).transform(Number)
    .pipe(z.number().min(min, `${min}〜${max} の整数で指定してください`).max(max, `${min}〜${max} の整数で指定してください`));
const seconds = (max: number) =>
  z.string().regex(/^\d+(\.\d+)?$/, `0 以上 ${max} 以下の秒数で指定してください (0 で停止)`).transform(Number)
    .pipe(z.number().max(max, `0 以上 ${max} 以下の秒数で指定してください (0 で停止)`));
const port = integer(1, 65535);
const bool = z.enum(['true', 'false'], { error: 'true または false で指定してください' }).transform((v) => v === 'true');
const urlOf = (protocols: string[], rule: string) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, rule);
const ipv4Cidr = (v: string) => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(v);
  return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) >= 8 && Number(m[5]) <= 30;
};
const proxyEntry = (v: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(v)) return true;
  const [ip, bits, extra] = v.split('/');
  if (extra !== undefined || !ip || !isIP(ip)) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128));
};
const isOrigin = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v;
  } catch {
    return false;
  }
};
const STRONG_PASSWORD = '12文字以上で英字と数字を含むパスワードを指定してください';

/**
 * Every environment variable the product reads, with its rule. An empty value is the same as an unset one.
 * TEST_DATABASE_URL, TEST_NOW and FUZZ_* are the tests' own (testing/).
 */
export const envSchema = z.object({
  PORT: port.default(4000),
  DATABASE_URL: urlOf(['postgres:', 'postgresql:'], 'postgres://user:pass@host:5432/db の形式で指定してください').optional(),
  DATA_DIR: z.string().optional(),
  EMBEDDED_PG_PORT: port.default(54320),
  DEMO_PASSWORD: z.string().min(8, '8文字以上で指定してください').default('naccs-demo'),
  SEED_DEMO: bool.optional(),
  TOKEN_SECRET: z.string().min(32, '32文字以上のランダムな文字列を指定してください').optional(),
  TOKEN_TTL_SECONDS: integer(60, 7 * 24 * 3600).default(8 * 3600),
  SECRET_KEY: z.string().refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32,
    '32バイトの鍵を base64 で指定してください (例: openssl rand -base64 32)').optional(),
  CONSOLE_DIR: z.string().optional(),
  IP_POOL: z.string().refine(ipv4Cidr, 'IPv4 の CIDR (例: 10.200.0.0/16、/8〜/30) で指定してください').default(DEFAULT_IP_POOL),
  SMTP_URL: urlOf(['smtp:', 'smtps:'], 'smtp://host:port または smtps://user:pass@host:port の形式で指定してください').optional(),
  CORS_ORIGINS: z.string().refine((v) => v.split(',').map((o) => o.trim()).filter(Boolean).every(isOrigin),
    'オリジン (https://example.jp のようにパスなし) をカンマ区切りで指定してください').optional(),
  CA_CERT_PATH: z.string().optional(),
  CA_KEY_PATH: z.string().optional(),
  NOW: z.string().refine((v) => !!parseInstant(v), 'オフセット付きの ISO 8601 の時刻 (例: 2027-01-07T10:00:00+09:00) で指定してください').optional(),
  TRUST_PROXY: z.string().refine((v) => v === 'false' || /^\d+$/.test(v) || v.split(',').map((e) => e.trim()).every(proxyEntry),
    'ホップ数 (例: 1)、またはアドレス・CIDR・loopback をカンマ区切りで指定してください').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `${LOG_LEVELS.join(', ')} のいずれかで指定してください` }).default('info'),
  MAIL_INTERVAL_SECONDS: seconds(86_400).default(5),
  JOB_INTERVAL_SECONDS: seconds(86_400).default(60),
  LEAD_TIME_NEW_LINE: integer(0, 365).default(60),
  LEAD_TIME_NEW: integer(0, 365).default(10),
  LEAD_TIME_CHANGE: integer(0, 365).default(5),
  SHUTDOWN_TIMEOUT_SECONDS: integer(1, 600).default(15),
  METRICS_TOKEN: z.string().min(16, '16文字以上で指定してください').optional(),
  INITIAL_ADMIN_EMAIL: z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'E-mailアドレスで指定してください').optional(),
  INITIAL_ADMIN_PASSWORD: z.string().refine((v) => v.length >= 12 && /[A-Za-z]/.test(v) && /\d/.test(v), STRONG_PASSWORD).optional(),
  ORM_DEBUG: z.enum(['0', '1'], { error: '0 または 1 で指定してください' }).default('0'),
}).superRefine((env, ctx) => {
  if (!env.CA_CERT_PATH !== !env.CA_KEY_PATH) {
    ctx.addIssue({ code: 'custom', path: [env.CA_CERT_PATH ? 'CA_KEY_PATH' : 'CA_CERT_PATH'], message: 'CA_CERT_PATH と CA_KEY_PATH は両方を指定してください' });
  }
  if (!env.INITIAL_ADMIN_EMAIL !== !env.INITIAL_ADMIN_PASSWORD) {
    ctx.addIssue({ code: 'custom', path: [env.INITIAL_ADMIN_EMAIL ? 'INITIAL_ADMIN_PASSWORD' : 'INITIAL_ADMIN_EMAIL'], message: 'INITIAL_ADMIN_EMAIL と INITIAL_ADMIN_PASSWORD は両方を指定してください' });
  }
});

/** Values never repeated in a refusal (they are, or carry, secrets). */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'TOKEN_SECRET', 'SECRET_KEY', 'SMTP_URL', 'DEMO_PASSWORD', 'METRICS_TOKEN', 'INITIAL_ADMIN_PASSWORD']);

/** A configuration the process refuses to start with: one line per variable, its name, value (unless secret) and rule. */
export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; line: string }>) {
    super(`設定が正しくないため起動できません:\n${problems.map((p) => `  ${p.line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The variables the schema knows, empty values dropped, validated; ConfigError names every bad one. */
export function parseEnv(env: NodeJS.ProcessEnv): z.infer<typeof envSchema> {
  const known = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, env[k]?.trim() || undefined]).filter(([, v]) => v !== undefined),
  );
  const parsed = envSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0]);
    const value = known[variable];
    const shown = value === undefined || SECRET_VARIABLES.has(variable) ? '' : `="${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
    return { variable, line: `${variable}${shown}: ${issue.message}` };
  }));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(env);
  const dataDir = resolve(e.DATA_DIR ?? join(repoRoot, '.data'));
  const trustProxy = !e.TRUST_PROXY || e.TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    demoPassword: e.DEMO_PASSWORD,
    tokenSecret: e.TOKEN_SECRET ? Buffer.from(e.TOKEN_SECRET, 'utf8') : persistentSecret(dataDir, 'token.key'),
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    secretKey: e.SECRET_KEY ? Buffer.from(e.SECRET_KEY, 'base64') : persistentSecret(dataDir, 'secret.key'),
    consoleDir: resolve(e.CONSOLE_DIR ?? join(repoRoot, 'admin-ui', 'dist')),
    // A database of one's own is never given the demo (its admin and key are published) unless asked for.
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    ipPool: e.IP_POOL,
    smtpUrl: e.SMTP_URL,
    corsOrigins: (e.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    caCertPath: e.CA_CERT_PATH,
    caKeyPath: e.CA_KEY_PATH,
    clock: clockFromEnv(e.NOW),
    now: e.NOW,
    trustProxy,
    logLevel: e.LOG_LEVEL,
    jobIntervalSeconds: e.JOB_INTERVAL_SECONDS,
    mailIntervalSeconds: e.MAIL_INTERVAL_SECONDS,
    leadTimes: { newLine: e.LEAD_TIME_NEW_LINE, newOther: e.LEAD_TIME_NEW, change: e.LEAD_TIME_CHANGE },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    metricsToken: e.METRICS_TOKEN,
    initialAdmin: e.INITIAL_ADMIN_EMAIL && e.INITIAL_ADMIN_PASSWORD ? { email: e.INITIAL_ADMIN_EMAIL.toLowerCase(), password: e.INITIAL_ADMIN_PASSWORD } : undefined,
    ormDebug: e.ORM_DEBUG === '1',
  };
}
