import { join } from 'node:path';
// Migrations are TypeScript files the migrator imports at run time; the main vitest process needs tsx for that.
import { register } from 'tsx/esm/api';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { initOrm, migrate } from '../db/orm.js';

import { runIdOf, templateNames, type TemplateNames } from './templates.js';
import { SecretBox } from '../common/secrets.js';
import { seedDemo } from '../../../db/seeders/demo.js';
import { certificateAuthority } from '../certificates/authority.js';
import { DEMO_PASSWORD, TEST_DATA_DIR, TEST_SECRET_KEY } from './constants.js';
import { clockFor, testNowSetting } from './instant.js';
import { installClock } from '../common/clock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test server's maintenance database, to create per-file databases from the template. */
    adminDatabaseUrl: string;
    /** This run's template databases. */
    templates: TemplateNames;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dropTemplates: (() => Promise<void>) | undefined;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * One PostgreSQL for the run: the embedded one (under .data/pg-test) unless TEST_DATABASE_URL names another.
 * Migrations run once into a template database; each test file clones it (CREATE DATABASE … TEMPLATE).
 */
export async function setup(project: TestProject): Promise<void> {
  register();
  // The run's instant: the demo template is seeded as of it, and every test file's clock starts from it.
  const testNow = testNowSetting();
  const clock = clockFor(testNow);
  installClock(clock);
  project.provide('testNow', testNow);
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const config = loadConfig();
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg-test'), config.embeddedPgPort + 9, 'postgres');
    adminUrl = embedded.url;
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const urlOf = (db: string) => Object.assign(new URL(adminUrl), { pathname: `/${db}` }).toString();
  // This run's templates; those of runs that are gone (killed) are removed, those of a run still going are left alone.
  const { template: TEMPLATE_DB, demo: DEMO_TEMPLATE_DB } = templateNames(process.pid);
  const existing = await client.query<{ datname: string }>(`select datname from pg_database where datname like 'naccs_test_%'`);
  for (const { datname } of existing.rows) {
    const run = runIdOf(datname);
    if (run === process.pid || (run !== undefined && !alive(run)) || ['naccs_test_template', 'naccs_test_demo'].includes(datname)) {
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  }
  await client.query(`create database ${TEMPLATE_DB}`);
  const orm = await initOrm(urlOf(TEMPLATE_DB));
  await migrate(orm);
  await orm.close();
  // Demo data once per run: test files clone it instead of seeding 300 applications each.
  await client.query(`create database ${DEMO_TEMPLATE_DB} template ${TEMPLATE_DB}`);
  const demo = await initOrm(urlOf(DEMO_TEMPLATE_DB));
  try {
    await seedDemo(demo.em.fork(), {
      clock, password: DEMO_PASSWORD, secrets: new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64')), ca: await certificateAuthority({ ...loadConfig({ ...process.env, DATA_DIR: TEST_DATA_DIR }), clock }),
    });
  } catch (err) {
    // A failed seeding ends the run at once, its error shown, rather than hanging on open connections.
    await client.end().catch(() => undefined);
    await demo.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
  await demo.close();
  await client.end();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templates', { template: TEMPLATE_DB, demo: DEMO_TEMPLATE_DB });
  dropTemplates = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    for (const db of [DEMO_TEMPLATE_DB, TEMPLATE_DB]) await c.query(`drop database if exists ${db} with (force)`);
    await c.end();
  };
}

export async function teardown(): Promise<void> {
  await dropTemplates?.().catch(() => undefined);
  await embedded?.stop();
}
