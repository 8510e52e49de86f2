import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrationsDir } from '../db/orm.js';
import { migrationsOnDisk } from './health.js';
import { runServerToExit, startServerProcess } from '../testing/process.js';

// Starting the product as an operator does: a bad value is refused with the variable's name, and a database of one's
// own (DATABASE_URL) never gets the demo's published admin and integrator key unless SEED_DEMO=true asks for it, and
// not even then once it holds data. Real processes on a new, empty database.

const name = `naccs_t_empty_${randomBytes(4).toString('hex')}`;
const adminUrl = inject('adminDatabaseUrl');
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const admin = async <T>(fn: (c: pg.Client) => Promise<T>, database = adminUrl): Promise<T> => {
  const c = new pg.Client({ connectionString: database });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};
const count = (table: string, where = 'true', params: unknown[] = []) =>
  admin(async (c) => Number((await c.query(`select count(*) as n from ${table} where ${where}`, params)).rows[0].n), url);

beforeAll(async () => {
  await admin((c) => c.query(`create database ${name}`));
});

afterAll(async () => {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
});

describe('configuration at start', () => {
  it('refuses bad values, naming each variable and its rule, before touching anything', async () => {
    const { code, output } = await runServerToExit({
      DATABASE_URL: url, LEAD_TIME_CHANGE: 'abc', PORT: 'x', MAIL_INTERVAL_SECONDS: '-1', SECRET_KEY: 'not-a-key',
    });
    expect(code).toBe(78);
    expect(output).toContain('設定が正しくないため起動できません');
    for (const variable of ['LEAD_TIME_CHANGE="abc"', 'PORT="x"', 'MAIL_INTERVAL_SECONDS="-1"', 'SECRET_KEY:']) expect(output).toContain(variable);
    expect(output).not.toContain('not-a-key');
    // Refused before the database: nothing was migrated.
    expect(await admin(async (c) => (await c.query(`select to_regclass('mikro_orm_migrations') as t`)).rows[0].t, url)).toBeNull();
  });
});

describe('a database of its own', () => {
  it('DATABASE_URL without SEED_DEMO: migrated, no demo account, no demo key; INITIAL_ADMIN_* makes the first admin', { timeout: 240_000 }, async () => {
    const server = await startServerProcess({ DATABASE_URL: url, JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', INITIAL_ADMIN_EMAIL: 'ops@naccs-center.example.jp', INITIAL_ADMIN_PASSWORD: 'first-admin-2027' });
    try {
      expect(await count('mikro_orm_migrations')).toBe(migrationsOnDisk(migrationsDir).length);
      expect(await count('staff', `email like '%@example.jp'`)).toBe(0);
      expect(await count('api_key')).toBe(0);
      expect(await count('application')).toBe(0);
      // The one account is the operator's admin, made and audited at start; it signs in.
      expect(await admin(async (c) => (await c.query('select email, roles from staff')).rows, url)).toEqual([{ email: 'ops@naccs-center.example.jp', roles: ['ADMIN'] }]);
      expect(await count('audit_log', `action = 'STAFF_CREATE' and target = 'ops@naccs-center.example.jp'`)).toBe(1);
      const login = await fetch(`${server.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(email: "ops@naccs-center.example.jp", password: "first-admin-2027") { token } }' }),
      }).then((r) => r.json() as Promise<{ data?: { login?: { token: string } } }>);
      expect(login.data?.login?.token).toBeTruthy();
      // The demo's key is not a key here.
      const demoKey = await fetch(`${server.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nk_nssportl_demo-only_NSS-portal_key_not-for-production' },
        body: JSON.stringify({ query: '{ applications(limit: 1) { totalCount } }' }),
      }).then((r) => r.json() as Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>);
      expect(demoKey.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('SEED_DEMO=true on a database that holds data: not seeded, said so in the log; INITIAL_ADMIN_* once only', { timeout: 240_000 }, async () => {
    const server = await startServerProcess({ DATABASE_URL: url, SEED_DEMO: 'true', JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', INITIAL_ADMIN_EMAIL: 'second@naccs-center.example.jp', INITIAL_ADMIN_PASSWORD: 'second-admin-2027' });
    try {
      await server.waitForLog((l) => l.msg === 'demo data not seeded: the database already holds data', 'the skipped seeding');
      expect(await count('staff')).toBe(1);
      expect(await count('staff', `email = 'second@naccs-center.example.jp'`)).toBe(0);
      expect(await count('api_key')).toBe(0);
      expect(await count('application')).toBe(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
