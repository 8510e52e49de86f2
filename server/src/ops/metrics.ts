// Prometheus metrics at /metrics (prom-client): HTTP and GraphQL latency, GraphQL errors by code, the outbox's
// PENDING/SENDING/DEAD counts and the database pool (both read at scrape), job runs, and the default process metrics.
// One registry per app: tests start several apps in one process.
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { logger } from '../common/logger.js';
import { currentRequest } from '../common/requestId.js';

/** A scrape never waits longer than this on the database (the outbox count); the series is left out instead. */
const SCRAPE_QUERY_MS = 2_000;
/** Operation names are the client's choice: past this many distinct ones, further names count as `other`. */
const MAX_OPERATION_NAMES = 200;
const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
const FIXED_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/certificates/enroll', '/certificates/crl', '/certificates/ca']);

/** The route label of a request: a fixed set, so a caller cannot grow the series with made-up paths. */
export function routeOf(path: string, method: string): string {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (FIXED_ROUTES.has(p)) return p;
  if (p.startsWith('/certificates/')) return '/certificates/*';
  return method === 'GET' || method === 'HEAD' ? 'console' : 'other';
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};

export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly httpDuration = new Histogram({
    name: 'naccs_http_request_duration_seconds', help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const, registers: [this.registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  readonly graphqlDuration = new Histogram({
    name: 'naccs_graphql_operation_duration_seconds', help: 'GraphQL operations by name and type (query, mutation)',
    labelNames: ['operation', 'type'] as const, registers: [this.registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  readonly graphqlErrors = new Counter({
    name: 'naccs_graphql_errors_total', help: 'GraphQL errors answered, by extensions.code',
    labelNames: ['code'] as const, registers: [this.registry],
  });
  readonly jobRuns = new Counter({
    name: 'naccs_job_runs_total', help: 'Background job runs by job and outcome (ok, failed, skipped: the previous run was still going)',
    labelNames: ['job', 'outcome'] as const, registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'naccs_job_duration_seconds', help: 'Background job run time by job',
    labelNames: ['job'] as const, registers: [this.registry],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
  });
  readonly jobChanges = new Counter({
    name: 'naccs_job_changes_total', help: 'Rows a background job changed (applications cancelled, offices closed, certificates, mails sent)',
    labelNames: ['job'] as const, registers: [this.registry],
  });

  constructor(orm?: MikroORM) {
    collectDefaultMetrics({ register: this.registry });
    if (!orm) return;
    new Gauge({
      name: 'naccs_outbox_emails', help: 'Outbox mails by status (PENDING, SENDING, DEAD), counted at scrape',
      labelNames: ['status'] as const, registers: [this.registry],
      async collect() {
        this.reset();
        try {
          // (status, next_attempt_at) is indexed: an index-only count, not a table scan.
          const rows = await withTimeout(orm.em.getConnection().execute<Array<{ status: string; n: string | number }>>(
            `select status, count(*) as n from outbound_email where status in ('PENDING', 'SENDING', 'DEAD') group by status`,
          ), SCRAPE_QUERY_MS);
          const counts = new Map(rows.map((r) => [r.status, Number(r.n)]));
          for (const status of ['PENDING', 'SENDING', 'DEAD']) this.set({ status }, counts.get(status) ?? 0);
        } catch (err) {
          // Left out of this scrape: an absent series says "unknown", a zero would say "all delivered".
          logger.warn({ err: (err as Error).message }, 'metrics: outbox count failed');
        }
      },
    });
    const max = orm.config.get('pool')?.max;
    new Gauge({
      name: 'naccs_db_pool_connections', help: 'The database pool: connections open (total), idle, and requests waiting for one; max',
      labelNames: ['state'] as const, registers: [this.registry],
      async collect() {
        this.reset();
        try {
          const pool = await orm.em.getConnection().getNativeClient();
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
          if (max !== undefined) this.set({ state: 'max' }, max);
        } catch (err) {
          logger.warn({ err: (err as Error).message }, 'metrics: pool state unavailable');
        }
      },
    });
  }

  /** Express middleware: every request's duration by method, route and status, when its response ends. */
  http = (req: Request, res: Response, next: NextFunction): void => {
    const start = performance.now();
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      const method = METHODS.has(req.method) ? req.method : 'other';
      // An aborted request (the client went away) has no status sent: 499, as proxies say.
      const status = res.writableFinished ? String(res.statusCode) : '499';
      // originalUrl: inside a mounted router (/graphql) req.path is the rest of the path.
      this.httpDuration.observe({ method, route: routeOf(req.originalUrl.split('?')[0]!, req.method), status }, (performance.now() - start) / 1000);
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };

  private operationLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /**
   * Apollo plugin: each operation's duration by name (once its document is resolved; `-` when it never was) and every
   * error answered by its code. It also tells the request log the operation's name.
   */
  graphqlPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => {
        const start = performance.now();
        let operation = '-';
        let type = '-';
        return {
          didResolveOperation: async ({ operationName, operation: op }) => {
            const name = (operationName ?? 'anonymous').slice(0, 100);
            operation = this.operationLabel(name);
            type = op?.operation ?? '-';
            const info = currentRequest();
            if (info) info.operation = name;
          },
          willSendResponse: async ({ response }) => {
            this.graphqlDuration.observe({ operation, type }, (performance.now() - start) / 1000);
            if (response.body.kind !== 'single') return;
            for (const e of response.body.singleResult.errors ?? []) this.graphqlErrors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
          },
        };
      },
    };
  }

  /** One job run's outcome, time and how many rows it changed. */
  jobRun(job: string, outcome: 'ok' | 'failed' | 'skipped', seconds?: number, changes = 0): void {
    this.jobRuns.inc({ job, outcome });
    if (seconds !== undefined) this.jobDuration.observe({ job }, seconds);
    if (changes) this.jobChanges.inc({ job }, changes);
  }
}
