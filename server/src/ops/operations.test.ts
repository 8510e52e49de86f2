import express from 'express';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { Metrics } from './metrics.js';
import { ReadinessCheck, operationsRoutes } from './health.js';

// /healthz, /readyz and /metrics of a real server: readiness follows the database (cut and restored through a TCP
// proxy) and the migrations; the metrics name what a few requests did.

let server: TestServer;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
const readyz = async () => {
  const res = await get('/readyz');
  return { status: res.status, body: (await res.json()) as { ready: boolean; reason?: string; pending?: string[] } };
};

beforeAll(async () => {
  server = await startTestServer({ outage: true });
});

afterAll(async () => {
  await server?.close();
});

describe('health', () => {
  it('/healthz answers while the database is down; /readyz says 503 DATABASE_UNREACHABLE, then recovers', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { ready: true } });
    await server.outage!.cut();
    try {
      expect((await get('/healthz')).status).toBe(200);
      expect(await readyz()).toMatchObject({ status: 503, body: { ready: false, reason: 'DATABASE_UNREACHABLE' } });
    } finally {
      await server.outage!.restore();
    }
    // Back as soon as the database is (a probe opens a connection of its own: no pool to heal first).
    expect(await readyz()).toEqual({ status: 200, body: { ready: true } });
  });

  it('/readyz says 503 MIGRATIONS_PENDING naming a migration the database lacks', async () => {
    const [last] = await sql<{ id: number; name: string; executed_at: Date }>('select id, name, executed_at from mikro_orm_migrations order by id desc limit 1');
    await sql('delete from mikro_orm_migrations where id = ?', [last!.id]);
    try {
      expect(await readyz()).toMatchObject({ status: 503, body: { ready: false, reason: 'MIGRATIONS_PENDING', pending: [last!.name] } });
    } finally {
      await sql('insert into mikro_orm_migrations (id, name, executed_at) values (?, ?, ?)', [last!.id, last!.name, last!.executed_at]);
    }
    expect((await readyz()).status).toBe(200);
  });
});

describe('metrics', () => {
  it('/metrics names HTTP and GraphQL latency, errors by code, the outbox, the pool and the process after a few requests', async () => {
    const token = await server.login('supervisor@example.jp');
    await server.gql('query QueueCounts { reviewQueueCounts { all } }', {}, token);
    await server.gql('query Anonymous { me { email } }');
    await server.gql('{ nope }');
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const series = (name: string, labels: Record<string, string>) =>
      text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
    expect(series('naccs_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' })).toMatch(/ [1-9]\d*$/);
    expect(series('naccs_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '400' })).toMatch(/ 1$/);
    expect(series('naccs_graphql_operation_duration_seconds_count', { operation: 'QueueCounts', type: 'query' })).toMatch(/ 1$/);
    expect(series('naccs_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toMatch(/ [1-9]\d*$/);
    expect(series('naccs_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toMatch(/ 1$/);
    // The outbox counted at scrape, as the database has it.
    const [{ n }] = (await sql<{ n: string }>(`select count(*) as n from outbound_email where status = 'PENDING'`)) as [{ n: string }];
    expect(series('naccs_outbox_emails', { status: 'PENDING' })).toBe(`naccs_outbox_emails{status="PENDING"} ${Number(n)}`);
    expect(series('naccs_outbox_emails', { status: 'DEAD' })).toBeDefined();
    expect(series('naccs_db_pool_connections', { state: 'total' })).toMatch(/ [1-9]\d*$/);
    expect(series('naccs_db_pool_connections', { state: 'max' })).toMatch(/ 10$/);
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) expect(text).toContain(`\n${name} `);
    // Probes are not a route a caller can multiply: made-up paths are one series.
    await get('/made/up/1');
    await get('/made/up/2');
    const after = await (await get('/metrics')).text();
    expect(after).not.toContain('/made/up');
  });
});

describe('METRICS_TOKEN', () => {
  it('when set, /metrics answers only its bearer', async () => {
    const app = express().use(operationsRoutes(new ReadinessCheck(server.db.url, []), new Metrics(), 'scrape-token-0123456789'));
    const srv = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}/metrics`;
    try {
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer scrape-token-012345678X' } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: 'Bearer scrape-token-0123456789' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('process_cpu_seconds_total');
    } finally {
      await new Promise((r) => srv.close(r));
    }
  });
});
