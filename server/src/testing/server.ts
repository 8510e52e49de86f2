import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp, type RunningApp } from '../app.js';
import { loadConfig } from '../config.js';
import { freshDatabase, type TestDatabase } from './db.js';

import { DEMO_PASSWORD, TEST_DATA_DIR, TEST_SECRET_KEY } from './constants.js';
import type { Clock } from '../common/clock.js';
import { testClock } from './clock.js';
import { initOrm } from '../db/orm.js';
import { outageProxy, type Outage } from './outage.js';

export { DEMO_PASSWORD };

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestServer {
  url: string;
  orm: MikroORM;
  db: TestDatabase;
  /** The server's business time (the run's clock unless the test gave another). */
  clock: Clock;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  /** SQL statements the server has run so far (for N+1 checks). */
  queries(): number;
  /** The text of the last 500 statements (to say which ones a count is made of). */
  statements(): string[];
  /** With `outage`: the server reaches its database through a proxy the test can cut. */
  outage?: Outage;
  close(): Promise<void>;
}

/** A real HTTP server on a database of its own (demo data when `demo`), on a random port. */
export async function startTestServer(options: { demo?: boolean; clock?: Clock; outage?: boolean; statementTimeoutMs?: number } = {}): Promise<TestServer> {
  const clock = options.clock ?? testClock;
  let queries = 0;
  const recent: string[] = [];
  const db = await freshDatabase({
    debug: ['query'],
    logger: (message: string) => {
      queries++;
      recent.push(message);
      if (recent.length > 500) recent.shift();
    },
    ...(options.statementTimeoutMs ? { driverOptions: { statement_timeout: options.statementTimeoutMs } } : {}),
  }, options.demo ?? true);
  const outage = options.outage ? await outageProxy(db.url) : undefined;
  const orm = outage ? await initOrm(outage.url) : db.orm;
  const config = { ...loadConfig({ ...process.env, DATA_DIR: TEST_DATA_DIR, DEMO_PASSWORD, TOKEN_SECRET: 'test-token-secret-of-32-bytes-min', SECRET_KEY: TEST_SECRET_KEY }), port: 0, clock };
  const running: RunningApp = await (await createApp(orm, config)).listen(0, '127.0.0.1');
  const gql: TestServer['gql'] = async (query, variables, token) => {
    const res = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<GraphQLResponse<any>>;
  };
  return {
    url: running.url,
    orm: db.orm,
    db,
    clock,
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    queries: () => queries,
    statements: () => [...recent],
    outage,
    async close() {
      await running.close();
      if (outage) {
        await orm.close();
        await outage.close();
      }
      await db.drop();
    },
  };
}
