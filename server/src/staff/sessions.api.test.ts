// Session rows remembered per process (staff/sessions.ts): a signed-in caller's reads cost no staff statement, and any
// change of the staff row — made by this process, or by another one (here: plain SQL, as another server would) — is
// honoured on the next request or within moments; without the listening connection nothing is remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';

let server: TestServer;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const ME = '{ me { id roles } }';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

/** Statements the server ran for one request, and its answer. */
async function counted(token: string) {
  const before = server.queries();
  const res = await server.gql(ME, {}, token);
  return { n: server.queries() - before, res };
}

/** Polls until `done` holds (the other process's change travels by NOTIFY), at most 3 s (monotonic time). */
async function eventually(done: () => Promise<boolean>): Promise<number> {
  const t0 = performance.now();
  while (!(await done())) {
    if (performance.now() - t0 > 3000) throw new Error('not within 3 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - t0;
}

describe('session rows', () => {
  it('are read once, then remembered: a read costs no staff statement', async () => {
    const token = await server.login('support@example.jp');
    expect((await counted(token)).n).toBe(1);
    const again = await counted(token);
    expect(again.n).toBe(0);
    expect(again.res.data!.me.roles).toEqual(['SUPPORT']);
  });

  it('a change made by another process is heard: deactivation and a role change take effect within moments', async () => {
    const token = await server.login('reviewer2@example.jp');
    const { id } = (await server.gql(ME, {}, token)).data!.me;
    expect((await counted(token)).n).toBe(0);

    await sql(`update staff set roles = '{SUPERVISOR}' where id = ?`, [id]);
    await eventually(async () => (await server.gql(ME, {}, token)).data?.me.roles[0] === 'SUPERVISOR');

    await sql(`update staff set active = false where id = ?`, [id]);
    await eventually(async () => (await server.gql(ME, {}, token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
    // An inactive account is never remembered: every request reads the row again.
    expect((await counted(token)).n).toBe(1);
    expect((await counted(token)).n).toBe(1);
    await sql(`update staff set active = true, roles = '{REVIEWER}' where id = ?`, [id]);
  });

  it('a sign-out in this process ends the session on the very next request, audited; a sign-in right after works', async () => {
    const admin = await server.login('admin@example.jp');
    const logouts = async () => (await server.gql('{ auditLog(filter: { actions: [LOGOUT] }) { items { target } } }', {}, admin))
      .data!.auditLog.items.filter((i: { target: string }) => i.target === 'supervisor@example.jp').length;
    const before = await logouts();
    const token = await server.login('supervisor@example.jp');
    expect((await server.gql(ME, {}, token)).data!.me.roles).toEqual(['SUPERVISOR']);
    // No pause: revocation goes by the row's session generation, not by issue times.
    expect((await server.gql('mutation { logout }', {}, token)).data!.logout).toBe(true);
    expect((await server.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await logouts()).toBe(before + 1);
    const next = await server.login('supervisor@example.jp');
    expect((await server.gql(ME, {}, next)).data!.me.roles).toEqual(['SUPERVISOR']);
    // A sign-out instant ahead of the clock (a server restarted with the same pinned NOW) refuses no new session.
    await sql(`update staff set tokens_valid_after = now() + interval '1 day' where email = 'supervisor@example.jp'`);
    const after = await server.login('supervisor@example.jp');
    expect((await server.gql(ME, {}, after)).data!.me.roles).toEqual(['SUPERVISOR']);
    expect((await server.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('without the listening connection nothing is remembered, and remembering resumes when it is back', async () => {
    const token = await server.login('admin@example.jp');
    await server.gql(ME, {}, token);
    expect((await counted(token)).n).toBe(0);
    const [{ n }] = await sql<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'naccs staff_changed' and datname = current_database()`);
    expect(n).toBe(1);
    // Lost: the remembered rows are dropped at once, and each request reads its row…
    await eventually(async () => (await counted(token)).n === 1);
    // …until the connection is back (retried every second) and listening again.
    await eventually(async () => (await counted(token)).n === 0);
    expect((await counted(token)).res.data!.me.roles).toEqual(['ADMIN']);
  });
});
