import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { MikroORM, Options } from '@mikro-orm/postgresql';
import { initOrm } from '../db/orm.js';

import './clock.js'; // entities made in tests are stamped by the run's clock

export interface TestDatabase {
  orm: MikroORM;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A migrated database of its own (cloned from the run's template: empty, or with demo data), with an ORM on it. */
export async function freshDatabase(extra: Partial<Options> = {}, demo = false): Promise<TestDatabase> {
  const name = `naccs_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template ${demo ? inject('templates').demo : inject('templates').template}`));
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  const orm = await initOrm(url.toString(), extra);
  return {
    orm,
    url: url.toString(),
    drop: async () => {
      await orm.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
