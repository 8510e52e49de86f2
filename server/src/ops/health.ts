// Liveness and readiness. /healthz: the process answers (restart it when it does not). /readyz: this process can serve
// — its database answers within READY_TIMEOUT_MS and holds every migration this build ships — and is not shutting
// down; else 503 with the reason, so a load balancer sends the traffic elsewhere.
import { readdirSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import pg from 'pg';
import { Router, type Request, type Response } from 'express';
import type { Metrics } from './metrics.js';

export const READY_TIMEOUT_MS = 2_000;

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'SHUTTING_DOWN' | 'DATABASE_UNREACHABLE' | 'MIGRATIONS_PENDING'; message: string; pending?: string[] };

/** The migrations this build ships (db/migrations, TypeScript from source, JavaScript when compiled), by name. */
export function migrationsOnDisk(dir: string): string[] {
  try {
    const names = readdirSync(dir).filter((f) => /^Migration\w+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).map((f) => f.replace(/\.(ts|js)$/, ''));
    return [...new Set(names)].sort();
  } catch {
    return [];
  }
}

/**
 * Checks readiness on a connection of its own (short connect and statement timeouts), so a probe neither waits behind
 * a busy pool nor takes a request's connection. Probes arriving while a check runs share it.
 */
export class ReadinessCheck {
  private draining = false;
  private inflight?: Promise<Readiness>;

  constructor(private readonly databaseUrl: string, private readonly expected: string[]) {}

  /** From now on the process is not ready (SIGTERM: the load balancer stops sending before the listener closes). */
  drain(): void {
    this.draining = true;
  }

  check(): Promise<Readiness> {
    if (this.draining) return Promise.resolve({ ready: false, reason: 'SHUTTING_DOWN', message: '停止処理中です。' });
    this.inflight ??= this.probe().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async probe(): Promise<Readiness> {
    const client = new pg.Client({
      connectionString: this.databaseUrl, connectionTimeoutMillis: READY_TIMEOUT_MS, statement_timeout: READY_TIMEOUT_MS,
      query_timeout: READY_TIMEOUT_MS, application_name: 'naccs readyz',
    });
    client.on('error', () => undefined);
    const unreachable = { ready: false, reason: 'DATABASE_UNREACHABLE', message: 'データベースに接続できません。' } as const;
    let timer: NodeJS.Timeout | undefined;
    // The connection attempt itself is bounded by connectionTimeoutMillis; this bounds the whole probe.
    const timeout = new Promise<Readiness>((resolve) => (timer = setTimeout(() => resolve(unreachable), READY_TIMEOUT_MS + 500)));
    const work = (async (): Promise<Readiness> => {
      try {
        await client.connect();
      } catch {
        return unreachable;
      }
      try {
        const { rows } = await client.query<{ name: string }>('select name from mikro_orm_migrations');
        const applied = new Set(rows.map((r) => r.name));
        const pending = this.expected.filter((m) => !applied.has(m));
        if (pending.length) return { ready: false, reason: 'MIGRATIONS_PENDING', message: '未適用のマイグレーションがあります。', pending };
        return { ready: true };
      } catch (e) {
        // No migrations table: a database nothing was ever applied to.
        if ((e as { code?: string }).code === '42P01') return { ready: false, reason: 'MIGRATIONS_PENDING', message: '未適用のマイグレーションがあります。', pending: this.expected };
        return unreachable;
      }
    })();
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      void client.end().catch(() => undefined);
    }
  }
}

/** The token a caller gave equals the configured one (compared in constant time). */
function tokenMatches(given: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(given ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** /healthz, /readyz and /metrics (behind METRICS_TOKEN when one is configured). */
export function operationsRoutes(readiness: ReadinessCheck, metrics: Metrics, metricsToken?: string): Router {
  const router = Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.set('cache-control', 'no-store').json({ ok: true });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const state = await readiness.check();
    res.set('cache-control', 'no-store').status(state.ready ? 200 : 503).json(state);
  });
  router.get('/metrics', async (req: Request, res: Response) => {
    if (metricsToken && !tokenMatches(req.headers.authorization, metricsToken)) {
      res.status(401).set('www-authenticate', 'Bearer').type('text/plain; charset=utf-8').send('METRICS_TOKEN が必要です。');
      return;
    }
    res.set('cache-control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
