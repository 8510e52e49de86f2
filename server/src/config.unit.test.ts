import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

// Secrets given, so a valid configuration writes nothing; DATA_DIR a fresh folder in case one is generated.
const base = {
  DATA_DIR: mkdtempSync(join(tmpdir(), 'naccs-config-')),
  TOKEN_SECRET: 'a-token-secret-of-at-least-32-characters',
  SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
};

const refusal = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig({ ...base, ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 4000, embeddedPgPort: 54320, demoPassword: 'naccs-demo', tokenTtlSeconds: 28_800, ipPool: '10.200.0.0/16',
      corsOrigins: [], trustProxy: false, logLevel: 'info', jobIntervalSeconds: 60, mailIntervalSeconds: 5,
      leadTimes: { newLine: 60, newOther: 10, change: 5 }, shutdownTimeoutMs: 15_000, ormDebug: false, seedDemo: true,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.secretKey).toEqual(Buffer.alloc(32, 1));
  });

  it('seeds the demo by default only into the embedded database', () => {
    const url = 'postgres://naccs:secret@db.internal:5432/naccs';
    expect(loadConfig({ ...base, DATABASE_URL: url }).seedDemo).toBe(false);
    expect(loadConfig({ ...base, DATABASE_URL: url, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ ...base, SEED_DEMO: 'false' }).seedDemo).toBe(false);
    // An empty value is an unset one (compose files and `FOO= cmd` say so).
    expect(loadConfig({ ...base, DATABASE_URL: url, SEED_DEMO: '' }).seedDemo).toBe(false);
  });

  it('reads every value it validates', () => {
    const config = loadConfig({
      ...base, PORT: '8080', LEAD_TIME_CHANGE: '7', MAIL_INTERVAL_SECONDS: '0', JOB_INTERVAL_SECONDS: '0.5', TRUST_PROXY: '10.0.0.5, 10.1.0.0/16, loopback',
      CORS_ORIGINS: 'https://portal.example.jp, http://localhost:5173', SHUTDOWN_TIMEOUT_SECONDS: '30', LOG_LEVEL: 'warn',
      INITIAL_ADMIN_EMAIL: 'Ops@Example.jp', INITIAL_ADMIN_PASSWORD: 'first-admin-2027',
    });
    expect(config).toMatchObject({
      port: 8080, leadTimes: { change: 7 }, mailIntervalSeconds: 0, jobIntervalSeconds: 0.5, trustProxy: '10.0.0.5, 10.1.0.0/16, loopback',
      corsOrigins: ['https://portal.example.jp', 'http://localhost:5173'], shutdownTimeoutMs: 30_000, logLevel: 'warn',
      initialAdmin: { email: 'ops@example.jp', password: 'first-admin-2027' },
    });
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it.each([
    ['LEAD_TIME_CHANGE', 'abc'],
    ['PORT', 'x'],
    ['PORT', '70000'],
    ['MAIL_INTERVAL_SECONDS', '-1'],
    ['JOB_INTERVAL_SECONDS', 'often'],
    ['SECRET_KEY', 'c2hvcnQ='],
    ['SECRET_KEY', 'not base64 at all, but long enough to be 32 bytes!!'],
    ['TOKEN_SECRET', 'short'],
    ['DATABASE_URL', 'mysql://db/naccs'],
    ['SMTP_URL', 'mailpit:1025'],
    ['SEED_DEMO', 'yes'],
    ['LOG_LEVEL', 'verbose'],
    ['NOW', '2027-01-07'],
    ['IP_POOL', '10.300.0.0/16'],
    ['TRUST_PROXY', 'my-proxy'],
    ['CORS_ORIGINS', 'https://portal.example.jp/path'],
    ['TOKEN_TTL_SECONDS', '0'],
    ['SHUTDOWN_TIMEOUT_SECONDS', '0'],
    ['INITIAL_ADMIN_PASSWORD', 'short'],
  ])('refuses %s=%s, naming the variable and its rule', (variable, value) => {
    const e = refusal({ [variable]: value, ...(variable === 'INITIAL_ADMIN_PASSWORD' ? { INITIAL_ADMIN_EMAIL: 'ops@example.jp' } : {}) });
    expect(e.problems.map((p) => p.variable)).toEqual([variable]);
    expect(e.message).toContain(variable);
    expect(e.message).toMatch(/指定してください/);
  });

  it('names every bad variable at once, and never repeats a secret', () => {
    const e = refusal({ LEAD_TIME_CHANGE: 'abc', PORT: 'x', SECRET_KEY: 'hunter2-is-my-key', DATABASE_URL: 'mysql://root:topsecret@db/x' });
    expect(e.problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'LEAD_TIME_CHANGE', 'PORT', 'SECRET_KEY']);
    expect(e.message).toContain('LEAD_TIME_CHANGE="abc"');
    expect(e.message).not.toMatch(/hunter2|topsecret/);
  });

  it('wants both halves of a pair', () => {
    expect(refusal({ CA_CERT_PATH: '/etc/naccs/ca.pem' }).problems.map((p) => p.variable)).toEqual(['CA_KEY_PATH']);
    expect(refusal({ INITIAL_ADMIN_EMAIL: 'ops@example.jp' }).problems.map((p) => p.variable)).toEqual(['INITIAL_ADMIN_PASSWORD']);
  });
});
