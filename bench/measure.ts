// One measurement window: autocannon against a target, and what the window cost the server — its own CPU
// (/proc/<pid>/stat), PostgreSQL's CPU (the postmaster's process tree) and SQL transactions (pg_stat_database).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import autocannon from 'autocannon';
import type pg from 'pg';

/** Clock ticks per second of /proc/<pid>/stat times. */
const HZ = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** /proc/<pid>/stat fields from the 3rd (state) on: the command name may hold spaces, so split after its ')'. */
function statFields(pid: number): string[] | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone
  }
}

/** utime + stime of a process, ms. */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  return f ? ((Number(f[11]) + Number(f[12])) * 1000) / HZ : NaN;
}

/** Resident memory of a process, MiB. */
export function rssMiB(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** The embedded PostgreSQL's postmaster: the child of the product's process that runs postgres. */
export function postmasterOf(productPid: number): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const f = statFields(Number(d));
    if (!f || Number(f[1]) !== productPid) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('postgres')) return Number(d);
    } catch {
      // gone
    }
  }
  return undefined;
}

/**
 * CPU of the whole PostgreSQL server, ms: the postmaster, every live process under it (backends, io workers,
 * walwriter…), and what its exited children used (cutime + cstime, counted when it reaped them).
 */
export function pgCpuMs(postmaster: number): number {
  const children = new Map<number, number[]>();
  const own = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const f = statFields(Number(d));
    if (!f) continue;
    const ppid = Number(f[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    own.set(Number(d), Number(f[11]) + Number(f[12]));
  }
  const root = statFields(postmaster);
  if (!root) return NaN;
  let ticks = Number(root[13]) + Number(root[14]);
  const stack = [postmaster];
  while (stack.length) {
    const pid = stack.pop()!;
    ticks += own.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / HZ;
}

async function stats(db: pg.Client): Promise<{ x: number; workers: number }> {
  await db.query('select pg_stat_clear_snapshot()');
  const { rows } = await db.query(`select xact_commit + xact_rollback as x, coalesce((to_jsonb(d) ->> 'parallel_workers_launched')::bigint, 0) as w
      from pg_stat_database d where datname = current_database()`);
  return { x: Number(rows[0].x), workers: Number(rows[0].w) };
}

/**
 * How many transactions a parallel query worker counts by itself (those it starts up with are counted as the
 * database's commits), measured once: the same small queries run serial and then each forced through one worker
 * (debug_parallel_query), the difference per worker launched; NaN when no worker could be launched.
 */
export async function calibrateParallelWorkers(db: pg.Client, table: string): Promise<number> {
  const run = async (parallel: boolean) => {
    await db.query('select pg_stat_force_next_flush()');
    const before = await stats(db);
    await db.query('begin');
    await db.query(`set local debug_parallel_query = ${parallel ? 'on' : 'off'}`);
    for (let i = 0; i < 40; i++) await db.query(`select count(*) from ${table}`);
    await db.query('commit');
    await db.query('select pg_stat_force_next_flush()');
    await sleep(1500); // workers report when they exit
    const after = await stats(db);
    return { x: after.x - before.x, workers: after.workers - before.workers };
  };
  try {
    // Three times, the middle one: anything else that commits meanwhile (autovacuum…) only adds noise to one.
    const estimates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const serial = await run(false);
      const parallel = await run(true);
      estimates.push(parallel.workers > 0 ? Math.max(0, Math.round((parallel.x - serial.x) / parallel.workers)) : NaN);
    }
    return estimates.sort((a, b) => a - b)[1]!;
  } catch {
    await db.query('rollback').catch(() => {});
    return NaN;
  }
}

/**
 * Transactions the database has committed or rolled back, less those of parallel query workers (`perWorker` each;
 * PostgreSQL 18 counts the workers launched). Backends report their counts at most once a second while busy and
 * 10 s after going idle (PGSTAT_IDLE_INTERVAL), so a window is read only after that quiet time.
 */
export async function xacts(db: pg.Client, perWorker: number): Promise<number> {
  const { x, workers } = await stats(db);
  return x - (perWorker || 0) * workers;
}
export const STATS_QUIET_MS = 11_000;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the server and PostgreSQL have finished what the load left in flight (autocannon stops sending at the end
 * of its window, but requests already queued are still served): CPU of both standing (almost) still for half a second.
 * Watched in /proc only, so that the wait adds no transactions of its own.
 */
export async function settle(pid: number, postmaster: number): Promise<void> {
  const busy = () => cpuMs(pid) + pgCpuMs(postmaster);
  let last = busy();
  // At most 30 s: a profiled server (BENCH_PROFILE) never falls quiet, its sampler runs all along.
  for (let i = 0; i < 60; i++) {
    await sleep(500);
    const now = busy();
    if (now - last < 10) return;
    last = now;
  }
}

export interface Target {
  name: 'product' | 'raw';
  url: string;
  /** The server's process. */
  pid: number;
}

export interface Window {
  /** Requests sent, and answered within the window. */
  requests: number;
  responses: number;
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx, connection errors and timeouts, and responses carrying GraphQL `errors`. */
  errors: number;
  cpuMsPerReq: number;
  pgCpuMsPerReq: number;
  xactsPerReq: number;
}

export interface LoadOptions {
  url: string;
  token: string;
  bodies: string[];
  seconds: number;
  connections: number;
}

/** Runs autocannon; bodies are cycled request by request (one body: sent as is). */
export async function load(o: LoadOptions): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${o.url}/graphql`,
    method: 'POST',
    connections: o.connections,
    duration: o.seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
    ...(o.bodies.length === 1
      ? { body: o.bodies[0] }
      : { requests: [{ method: 'POST', setupRequest: (req: any) => ({ ...req, body: o.bodies[next++ % o.bodies.length] }) }] }),
    // A slow read is measured, not retried: a timeout would send another request while the first is still being served.
    timeout: 120,
    // A GraphQL error is a failed read even with HTTP 200.
    verifyBody: (body) => !String(body ?? '').includes('"errors":['),
  });
}

/**
 * One window against a target whose database has been quiet for STATS_QUIET_MS (`before` read then): the load; the
 * work still in flight at its end (counted with the requests sent, not only those answered); the quiet time again so
 * that every backend has reported; and the transaction count after it (returned for the next window to start from).
 */
export async function measureWindow(
  db: pg.Client, target: Target, postmaster: number, perWorker: number, before: number, o: LoadOptions,
): Promise<{ window: Window; after: number }> {
  const cpu0 = cpuMs(target.pid);
  const pg0 = pgCpuMs(postmaster);
  const r = await load(o);
  await settle(target.pid, postmaster);
  const cpu1 = cpuMs(target.pid);
  const pg1 = pgCpuMs(postmaster);
  await sleep(STATS_QUIET_MS);
  const after = await xacts(db, perWorker);
  const n = r.requests.sent || NaN;
  return {
    window: {
      requests: r.requests.sent,
      responses: r.requests.total,
      rps: r.requests.total / r.duration,
      p50: r.requests.total ? r.latency.p50 : NaN,
      p99: r.requests.total ? r.latency.p99 : NaN,
      // A non-2xx response usually carries `errors` too: counted once.
      errors: r.errors + Math.max(r.non2xx, r.mismatches),
      cpuMsPerReq: (cpu1 - cpu0) / n,
      pgCpuMsPerReq: (pg1 - pg0) / n,
      // Two transactions of the window are our own: the read of `before` and the snapshot reset before `after`.
      xactsPerReq: (after - before - 2) / n,
    },
    after,
  };
}
