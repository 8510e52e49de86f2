// Live updates: subscriptions over WebSocket (graphql-ws) fed by PostgreSQL NOTIFY, so that a change made on one server
// process reaches the subscribers of another; 閲覧中 (presence) announced the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../testing/server.js';
import { startServerProcess, type ServerProcess } from '../testing/process.js';
import { given } from '../testing/given.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { todayInJapan } from '../common/dates.js';
import { DEMO_NSS_PORTAL_KEY } from '../staff/apiKeys.js';
import { sweepViewers } from './presence.js';

let a: TestServer;
let b: ServerProcess;
let reviewer: string;
let reviewer2: string;
const clients: Client[] = [];

beforeAll(async () => {
  a = await startTestServer();
  // The second process runs as of the same business time as the first.
  b = await startServerProcess({ DATABASE_URL: a.db.url, NOW: a.clock.now().toISOString(), JOB_INTERVAL_SECONDS: '3600' });
  reviewer = await a.login('reviewer@example.jp');
  reviewer2 = await a.login('reviewer2@example.jp');
}, 300_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await b?.stop('SIGTERM');
  await a?.close();
});

const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

/** A subscription: its events as they arrive (with the moment each came), its errors, and how its socket closed. */
function subscribe(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const events: Array<{ data: any; at: number }> = [];
  const errors: unknown[] = [];
  let closed: { code: number; reason: string } | undefined;
  let connected = false;
  const client = createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    // The refusals are what some tests expect: not printed.
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      connected: () => (connected = true),
      closed: (e) => (closed = { code: (e as { code: number }).code, reason: (e as { reason: string }).reason }),
    },
  });
  clients.push(client);
  const dispose = client.subscribe({ query, variables }, {
    next: (r) => (r.errors ? errors.push(...r.errors) : events.push({ data: r.data, at: performance.now() })),
    error: (e) => errors.push(e),
    complete: () => {},
  });
  return {
    events, errors, dispose, client,
    get closed() { return closed; },
    get connected() { return connected; },
  };
}

const CHANGED = `subscription($id: ID) { applicationChanged(id: $id) { id receiptNo status version action assignee { id name } actor { id name } at } }`;
const QUEUE = 'subscription { reviewQueueChanged { id status action } }';
const VIEWERS = 'subscription($id: ID) { applicationViewersChanged(id: $id) { applicationId viewers { staffId name } } }';

/** Waits until the subscription is live on the server (the listener has it). */
async function live(sub: ReturnType<typeof subscribe>) {
  await expect.poll(() => sub.connected, { timeout: 15_000 }).toBe(true);
  // The subscribe message follows the connection ack; give the server a moment to register it.
  await new Promise((r) => setTimeout(r, 300));
}

async function gqlOn(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: any; errors?: any[] }>;
}

describe('subscriptions across two server processes', () => {
  it('a subscriber on process A hears, within 2 s, the approval made on process B; the queue hears it too', async () => {
    const app = await given(a).application({ status: 'IN_REVIEW' });
    const one = subscribe(a.url, reviewer, CHANGED, { id: app.id });
    const queue = subscribe(a.url, reviewer2, QUEUE);
    await live(one);
    await live(queue);
    const start = addBusinessDays(todayInJapan(a.clock.now()), 61);
    const sent = performance.now();
    const res = await gqlOn(b.url, 'mutation($id: ID!, $s: String!, $v: Int!) { approveApplication(id: $id, startDate: $s, expectedVersion: $v) { status version } }',
      { id: app.id, s: start, v: app.version }, reviewer);
    const answered = performance.now();
    expect(res.errors).toBeUndefined();
    await expect.poll(() => one.events.length, { timeout: 2_000, interval: 10 }).toBeGreaterThan(0);
    const event = one.events[0]!;
    expect(event.data.applicationChanged).toMatchObject({
      id: app.id, receiptNo: app.receiptNo, status: 'APPROVED', version: res.data.approveApplication.version, action: 'APPROVE',
      actor: { name: '審査 一郎' },
    });
    expect(event.at - sent).toBeLessThan(2_000);
    await expect.poll(() => queue.events.map((e) => e.data.reviewQueueChanged), { timeout: 2_000, interval: 10 })
      .toContainEqual({ id: app.id, status: 'APPROVED', action: 'APPROVE' });
    // Reported in the closing note: the approval's answer, then its event on the other process.
    console.info(`event latency across processes: ${(event.at - answered).toFixed(1)} ms after the answer, ${(event.at - sent).toFixed(1)} ms after the call`);
    expect(one.errors).toEqual([]);
  });

  it('a change that rolls back announces nothing; the next one is heard', async () => {
    const app = await given(a).application({ status: 'IN_REVIEW' });
    const sub = subscribe(a.url, reviewer, CHANGED, { id: app.id });
    await live(sub);
    const note = 'mutation($id: ID!, $m: String!) { addInternalNote(id: $id, message: $m) { version } }';
    const stale = await gqlOn(b.url, 'mutation($id: ID!, $s: String!, $v: Int!) { approveApplication(id: $id, startDate: $s, expectedVersion: $v) { status } }',
      { id: app.id, s: addBusinessDays(todayInJapan(a.clock.now()), 61), v: app.version + 5 }, reviewer);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // A bulk load that says naccs.announce = off (the benchmark's growth) announces nothing either.
    await a.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`set local naccs.announce = 'off'`);
      await tx.execute(`insert into application_history (application_id, actor_name, actor_role, action, message, version, internal)
        values (?, '移行', 'SYSTEM', 'INTERNAL_NOTE', '一括登録', ?, true)`, [app.id, app.version]);
    });
    const ok = await gqlOn(b.url, note, { id: app.id, m: '電話で確認済み' }, reviewer2);
    expect(ok.errors).toBeUndefined();
    await expect.poll(() => sub.events.length, { timeout: 5_000 }).toBe(1);
    expect(sub.events[0]!.data.applicationChanged).toMatchObject({ action: 'INTERNAL_NOTE', status: 'IN_REVIEW', actor: { name: '審査 二郎' } });
  });
});

describe('who may subscribe', () => {
  it('refuses a connection without a token, or with a token that is not valid (4403)', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const sub = subscribe(a.url, token, CHANGED);
      await expect.poll(() => sub.closed?.code, { timeout: 10_000 }).toBe(4403);
      expect(sub.events).toEqual([]);
    }
  });

  it('takes only subscriptions over the socket, and answers bad input with the field and a Japanese message', async () => {
    const query = subscribe(a.url, reviewer, '{ me { name } }');
    await expect.poll(() => query.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(query.errors)).toContain('subscription だけ');
    const badId = subscribe(a.url, reviewer, CHANGED, { id: 'x; drop table application' });
    await expect.poll(() => badId.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(badId.errors)).toMatch(/BAD_USER_INPUT/);
    expect(JSON.stringify(badId.errors)).not.toMatch(/stack|\.ts:\d+|select /i);
  });

  it('holds a socket to 50 subscriptions at once: the 51st is refused with a Japanese message, the others keep running', async () => {
    const first = subscribe(a.url, reviewer, QUEUE);
    await live(first);
    const refusals: unknown[] = [];
    const extra = Array.from({ length: 50 }, () => first.client.subscribe({ query: QUEUE }, {
      next: () => {}, error: (e) => refusals.push(e), complete: () => {},
    }));
    await expect.poll(() => refusals.length, { timeout: 10_000 }).toBe(1);
    expect(JSON.stringify(refusals)).toContain('50件まで');
    for (const stop of extra) stop();
    expect(first.closed).toBeUndefined();
  });

  it('an integrator key hears the changes of its applications but never the internal notes; presence is for staff', async () => {
    const app = await given(a).application({ status: 'IN_REVIEW' });
    const staff = subscribe(a.url, reviewer2, CHANGED, { id: app.id });
    const key = subscribe(a.url, DEMO_NSS_PORTAL_KEY, CHANGED, { id: app.id });
    const keyViewers = subscribe(a.url, DEMO_NSS_PORTAL_KEY, VIEWERS, { id: app.id });
    await live(staff);
    await live(key);
    await expect.poll(() => JSON.stringify(keyViewers.errors), { timeout: 10_000 }).toMatch(/FORBIDDEN/);
    const note = await gqlOn(a.url, 'mutation($id: ID!, $m: String!) { addInternalNote(id: $id, message: $m) { version } }', { id: app.id, m: '社内確認中' }, reviewer);
    expect(note.errors).toBeUndefined();
    const returned = await gqlOn(a.url, 'mutation($id: ID!, $m: String!, $v: Int!) { returnApplication(id: $id, message: $m, expectedVersion: $v) { version } }',
      { id: app.id, m: '管理責任者の電話番号をご確認ください。', v: note.data.addInternalNote.version }, reviewer);
    expect(returned.errors).toBeUndefined();
    await expect.poll(() => staff.events.map((e) => e.data.applicationChanged.action), { timeout: 5_000 }).toEqual(['INTERNAL_NOTE', 'RETURN']);
    await expect.poll(() => key.events.map((e) => e.data.applicationChanged.action), { timeout: 5_000 }).toEqual(['RETURN']);
  });
});

describe('閲覧中 (presence)', () => {
  it('appears when a reviewer opens an application, on the field and to subscribers, and goes when they leave or fall silent', async () => {
    const app = await given(a).application({ status: 'IN_REVIEW' });
    const watch = subscribe(a.url, reviewer, VIEWERS, { id: app.id });
    await live(watch);
    const view = 'mutation($id: ID!) { viewApplication(id: $id) }';
    // Opened on process B: heard on A.
    expect((await gqlOn(b.url, view, { id: app.id }, reviewer2)).data).toEqual({ viewApplication: true });
    await expect.poll(() => watch.events.at(-1)?.data.applicationViewersChanged.viewers.map((v: { name: string }) => v.name), { timeout: 5_000 }).toEqual(['審査 二郎']);
    // The refresh every few seconds is not a new arrival: no announcement.
    expect((await gqlOn(a.url, view, { id: app.id }, reviewer2)).data).toEqual({ viewApplication: true });
    const read = await a.gql('query($id: ID!) { application(id: $id) { viewers { name } } }', { id: app.id }, reviewer);
    expect(read.data!.application.viewers).toEqual([{ name: '審査 二郎' }]);
    expect(watch.events).toHaveLength(1);
    await gqlOn(a.url, 'mutation($id: ID!) { leaveApplication(id: $id) }', { id: app.id }, reviewer2);
    await expect.poll(() => watch.events.at(-1)?.data.applicationViewersChanged.viewers, { timeout: 5_000 }).toEqual([]);
    // Silent (a closed laptop): the sweep removes the viewer and says so.
    await gqlOn(a.url, view, { id: app.id }, reviewer2);
    await expect.poll(() => watch.events.length, { timeout: 5_000 }).toBe(3);
    await a.orm.em.getConnection().execute(`update application_viewer set seen_at = now() - interval '1 minute' where application_id = ?`, [app.id]);
    expect((await a.gql('query($id: ID!) { application(id: $id) { viewers { name } } }', { id: app.id }, reviewer)).data!.application.viewers).toEqual([]);
    expect(await sweepViewers(a.orm.em.fork())).toBeGreaterThanOrEqual(1);
    await expect.poll(() => watch.events.length, { timeout: 5_000 }).toBe(4);
    expect(watch.events.at(-1)!.data.applicationViewersChanged.viewers).toEqual([]);
  });

  it('names the field and the rule for an id that is not one, and NOT_FOUND for an application that does not exist', async () => {
    const view = 'mutation($id: ID!) { viewApplication(id: $id) }';
    const bad = await a.gql(view, { id: 'abc' }, reviewer);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await a.gql(view, { id: '00000000-0000-4000-8000-000000000000' }, reviewer);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await a.orm.em.getConnection().execute('select 1 from application_viewer where application_id = ?', ['00000000-0000-4000-8000-000000000000'])).toEqual([]);
  });
});
