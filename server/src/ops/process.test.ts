import { connect } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../testing/constants.js';
import { freshDatabase, type TestDatabase } from '../testing/db.js';
import { startServerProcess, type ServerProcess } from '../testing/process.js';

// The server process as it runs in production: its request log (request id, operation, principal; no secrets) and a
// SIGTERM that lets a request in flight finish. A request is held in flight by a table lock taken from another
// connection, released only once the server is draining.

let db: TestDatabase;
let server: ServerProcess;
let token: string;

const post = (body: unknown, headers: Record<string, string> = {}) => fetch(`${server.url}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

beforeAll(async () => {
  db = await freshDatabase({}, true);
  server = await startServerProcess({ DATABASE_URL: db.url, JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', SHUTDOWN_TIMEOUT_SECONDS: '120' });
  const res = await post({ query: 'mutation($p: String!) { login(email: "supervisor@example.jp", password: $p) { token } }', variables: { p: DEMO_PASSWORD } });
  token = ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
}, 240_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await db?.drop();
});

describe('request log', () => {
  it('a failing request\'s line carries its request id, status, operation and principal, and no secret', async () => {
    const bad = await post({ query: 'query Broken { nope }' }, { 'x-request-id': 'lb-req-400' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-request-id')).toBe('lb-req-400');
    const line = await server.waitForLog((l) => l.requestId === 'lb-req-400', 'the failing request');
    expect(line).toMatchObject({ level: 40, req: { method: 'POST', path: '/graphql' }, res: { statusCode: 400 }, msg: 'POST /graphql 400' });
    expect(line.req.headers).toBeUndefined();

    // Signed in, refused: the staff member and the operation are named; the id the server made is returned.
    const missing = await post({ query: 'query Missing { application(id: "00000000-0000-4000-8000-000000000000") { id } }' }, { authorization: `Bearer ${token}` });
    const body = (await missing.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    const id = missing.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const signedIn = await server.waitForLog((l) => l.requestId === id, 'the signed-in request');
    expect(signedIn).toMatchObject({ operation: 'Missing', principal: expect.stringMatching(/^staff:[0-9a-f-]{36}$/), res: { statusCode: 200 } });

    // Neither the session token nor the password of the sign-in is anywhere in the output.
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toContain(DEMO_PASSWORD);
  });
});

describe('SIGTERM', () => {
  it('stops accepting, lets the request in flight finish with its answer, and exits 0', { timeout: 120_000 }, async () => {
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table application in access exclusive mode');
      const slow = post({ query: 'query Slow { applications(limit: 1) { totalCount } }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'slow-1' });
      // In flight: its statement waits for the lock.
      for (;;) {
        const { rows } = await locker.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      server.child.kill('SIGTERM');
      await server.waitForLog((l) => l.signal === 'SIGTERM', 'the shutdown');
      // No new connection is accepted while the old request is still served.
      for (;;) {
        const refused = await new Promise<boolean>((resolve) => {
          const s = connect(Number(new URL(server.url).port), '127.0.0.1');
          s.once('connect', () => (s.destroy(), resolve(false)));
          s.once('error', () => resolve(true));
        });
        if (refused) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(server.child.exitCode).toBeNull();
      await locker.query('commit');
      const res = await slow;
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { data?: { applications: { totalCount: number } }; errors?: unknown };
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.applications.totalCount).toBeGreaterThan(0);
      expect(await server.exited).toBe(0);
      expect(server.logs().find((l) => l.requestId === 'slow-1')).toMatchObject({ operation: 'Slow', res: { statusCode: 200 } });
      expect(server.logs().at(-1)).toMatchObject({ msg: 'stopped' });
    } finally {
      await locker.end();
    }
  });
});
