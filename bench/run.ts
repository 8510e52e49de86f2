// `pnpm bench`: the product at real volume against a raw-SQL floor (see README.md, written by this run).
// BENCH_APPLICATIONS (200000), BENCH_SECONDS (10), BENCH_ROUNDS (1); BENCH_READS, BENCH_KEEP, BENCH_PROFILE below. Load on 127.0.0.1 only, bounded in time.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PRODUCT_NOW, productToday, repoRoot, startProduct } from '../test/support/server.js';
import { addBusinessDays, addDays, closedReason } from '../server/src/calendar/businessDays.js';
import { grow } from './grow.js';
import {
  calibrateParallelWorkers, load, measureWindow, postmasterOf, rssMiB, settle, sleep, STATS_QUIET_MS, xacts, type Target, type Window,
} from './measure.js';
import type { RawConfig } from './raw.js';
import { hotReads, type Read } from './reads.js';
import { table, writeReadme, type ReadResult } from './report.js';

const SIZE = Number(process.env.BENCH_APPLICATIONS ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const CONNECTIONS = 10;
/** The product's 期限が近い horizon in business days (ApplicationQueries DUE_SOON_BUSINESS_DAYS). */
const DUE_SOON_BUSINESS_DAYS = 5;
const PASSWORD = 'naccs-demo';

const log = (line: string) => console.log(line);
const load0 = loadavg();
const t0 = Date.now();
// BENCH_KEEP=1: the data folder of the previous run is kept (already grown: no growth), for quick comparisons.
const keepData = process.env.BENCH_KEEP === '1';
// BENCH_NODE_ARGS: more flags for the product's Node (e.g. heap settings).
// BENCH_PROFILE=dir: the product writes a V8 CPU profile there when it stops (bench/profile.ts summarises it).
const nodeArgs = [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
const product = await startProduct('bench', { env: { JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' }, nodeArgs, keepData });
const startSeconds = (Date.now() - t0) / 1000;
log(`product up in ${startSeconds.toFixed(1)} s (${product.url}, PostgreSQL on ${product.pgPort})`);
let raw: ChildProcess | undefined;
// Interrupted: stop the servers this run started (a signal would otherwise leave them running).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    raw?.kill('SIGTERM');
    void product.stop().finally(() => process.exit(130));
  });
}
const dbUrl = `postgres://postgres:postgres@127.0.0.1:${product.pgPort}/naccs`;
const db = new pg.Client({ connectionString: dbUrl });
try {
  await db.connect();
  const grown = await grow(db, { total: SIZE, now: new Date(PRODUCT_NOW), log });
  log(`grown in ${grown.seconds.toFixed(1)} s: ${grown.applications.toLocaleString()} applications, ${grown.history.toLocaleString()} history rows, `
    + `${grown.offices.toLocaleString()} offices, ${grown.companies.toLocaleString()} companies, ${grown.staff} staff, ${grown.emails.toLocaleString()} mails`);
  // Before anything else runs (nothing but this connection may count transactions meanwhile).
  const perWorker = await calibrateParallelWorkers(db, 'staff');
  log(Number.isNaN(perWorker) ? 'no parallel query worker could be launched: SQL xacts taken as counted'
    : `a parallel query worker counts ${perWorker} transaction(s) of its own: subtracted from SQL xacts`);
  const tally = (await db.query(`select to_regclass('application_tally') is not null as t`)).rows[0].t
    ? Number((await db.query('select count(*) as n from application_tally')).rows[0].n) : undefined;
  if (tally !== undefined) log(`application_tally: ${tally.toLocaleString()} rows (not compacted: jobs are off)`);

  // What the reads ask for: receipt numbers spread over the data, and an office with several applications 審査中.
  const receiptNos = (await db.query('select receipt_no from application order by md5(receipt_no) limit 1000')).rows.map((x) => x.receipt_no as string);
  const busy = (await db.query(`select o.code, count(*)::int as n from application a join office o on o.id = a.office_id
      where a.status = 'IN_REVIEW' and o.code is not null group by o.code order by count(*) desc, o.code limit 1`)).rows[0] as { code: string; n: number } | undefined;
  // BENCH_READS=lookup,filtered: only those reads (a profile of one read, a quick check); the README is then not written.
  const only = process.env.BENCH_READS?.split(',');
  const reads = hotReads({ receiptNos, busyOfficeCode: busy?.code ?? 'XXX001' }).filter((r) => !only || only.includes(r.key));
  log(`filtered list: office ${busy?.code} has ${busy?.n} applications 審査中`);

  const login = async (email: string) => {
    const res = await fetch(`${product.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: email, p: PASSWORD } }),
    }).then((x) => x.json() as Promise<{ data?: { login: { token: string } }; errors?: unknown }>);
    if (!res.data) throw new Error(`login ${email}: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  };
  const tokens = { support: await login('support@example.jp'), reviewer: await login('reviewer@example.jp') };
  log('signed in (support, reviewer)');
  const staffId = async (email: string) => (await db.query('select id from staff where email = $1', [email])).rows[0].id as string;

  // The raw floor: told the product's 期限が近い horizon (the product's own calendar, as of its NOW) and the tokens.
  const closures = new Map((await db.query(`select to_char(date, 'YYYY-MM-DD') as d, reason from closure_day`)).rows.map((x) => [x.d as string, x.reason as string]));
  // The dashboard's floor also follows the product's clock (NOW, ticking from the product's start: t0 is taken just
  // before it, so the floor's asOf runs ahead by at most the start-up), and is given the national holidays of 30 years
  // around today (the product's own calendar without closure days: a weekday closed for a reason other than 年末年始)
  // and the product's lead times (its LEAD_TIME_* defaults, or the values this environment passes it).
  const holidays: string[] = [];
  for (let d = addDays(productToday(), -20 * 366), end = addDays(productToday(), 10 * 366); d <= end; d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6 && d.slice(5) >= '01-04' && d.slice(5) <= '12-28' && closedReason(d)) holidays.push(d);
  }
  const config: RawConfig = {
    dueBy: addBusinessDays(productToday(), DUE_SOON_BUSINESS_DAYS, closures),
    staffByToken: { [tokens.support]: await staffId('support@example.jp'), [tokens.reviewer]: await staffId('reviewer@example.jp') },
    clockOffsetMs: Date.parse(PRODUCT_NOW) - t0,
    holidays,
    leadTimes: {
      newLine: Number(process.env.LEAD_TIME_NEW_LINE ?? 60),
      newOther: Number(process.env.LEAD_TIME_NEW ?? 10),
      change: Number(process.env.LEAD_TIME_CHANGE ?? 5),
    },
  };
  const rawPort = await freePort();
  raw = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench', 'raw.ts')], {
    cwd: join(repoRoot, 'bench'),
    env: { ...process.env, RAW_PORT: String(rawPort), RAW_DATABASE_URL: dbUrl, RAW_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((res, rej) => {
    raw!.stdout!.once('data', () => res());
    raw!.once('exit', (code) => rej(new Error(`raw floor exited (${code})`)));
  });
  const rawUrl = `http://127.0.0.1:${rawPort}`;
  log(`raw floor up (${rawUrl})`);
  const targets: Record<'product' | 'raw', Target> = {
    product: { name: 'product', url: product.url, pid: product.child.pid! },
    raw: { name: 'raw', url: rawUrl, pid: raw.pid! },
  };
  const postmaster = postmasterOf(product.child.pid!);
  if (!postmaster) throw new Error('PostgreSQL process not found');

  // The same data from both, before measuring: a mismatch is printed in full, and the run goes on.
  const same = new Map<string, boolean>();
  for (const read of reads) {
    let ok = true;
    for (const body of read.bodies.slice(0, 3)) ok = (await compare(read, body, tokens[read.who], product.url, rawUrl, startSeconds * 1000 + 5_000)) && ok;
    same.set(read.key, ok);
  }

  // Warm both (plans, caches, JIT), then wait for every backend's stats to be reported before the first window.
  for (const read of reads) {
    for (const t of [targets.product, targets.raw]) {
      await load({ url: t.url, token: tokens[read.who], bodies: read.bodies, seconds: 2, connections: CONNECTIONS });
      await settle(t.pid, postmaster);
    }
  }
  await sleep(STATS_QUIET_MS);
  let counted = await xacts(db, perWorker);
  const rounds: Array<Map<string, { product: Window; raw: Window }>> = [];
  let rss = NaN;
  for (let round = 1; round <= ROUNDS; round++) {
    const got = new Map<string, { product: Window; raw: Window }>();
    for (const read of reads) {
      const windows = {} as { product: Window; raw: Window };
      for (const t of [targets.product, targets.raw]) {
        const { window, after } = await measureWindow(db, t, postmaster, perWorker, counted, { url: t.url, token: tokens[read.who], bodies: read.bodies, seconds: SECONDS, connections: CONNECTIONS });
        counted = after;
        windows[t.name] = window;
        if (t.name === 'product') rss = rssMiB(t.pid);
        log(`[${round}/${ROUNDS}] ${read.key} ${t.name}: ${Math.round(window.rps)} req/s, p50 ${window.p50} ms, p99 ${window.p99} ms, errors ${window.errors}, `
          + `CPU ${window.cpuMsPerReq.toFixed(2)} ms/req, PostgreSQL ${window.pgCpuMsPerReq.toFixed(2)} ms/req, ${window.xactsPerReq.toFixed(1)} xacts/req`);
      }
      got.set(read.key, windows);
    }
    rounds.push(got);
  }
  const load1 = loadavg();

  const results: ReadResult[] = reads.map((read) => ({
    label: read.label,
    product: medianWindow(rounds.map((r) => r.get(read.key)!.product)),
    raw: medianWindow(rounds.map((r) => r.get(read.key)!.raw)),
    same: same.get(read.key)!,
  }));
  const cpu = cpus();
  const growth = grown.phases.map(([name, s]) => `${name} ${s.toFixed(0)} s`).join(', ');
  const block = `### ${grown.applications.toLocaleString('en-US')} applications

\`BENCH_APPLICATIONS=${SIZE} BENCH_SECONDS=${SECONDS} BENCH_ROUNDS=${ROUNDS} pnpm bench\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,
commit ${gitHead()}.

Data: ${grown.applications.toLocaleString('en-US')} applications, ${grown.history.toLocaleString('en-US')} history rows,
${grown.offices.toLocaleString('en-US')} offices, ${grown.companies.toLocaleString('en-US')} companies, ${grown.staff} staff,
${grown.emails.toLocaleString('en-US')} mails${tally !== undefined ? `, ${tally.toLocaleString('en-US')} application_tally rows` : ''}.
Growth ${(grown.seconds / 60).toFixed(1)} min (${growth}); the product started in ${startSeconds.toFixed(0)} s.
Filtered list: office ${busy?.code} (${busy?.n} applications 審査中); lookup cycles through ${receiptNos.length} receipt numbers.

Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.
Load average before ${load0.map((x) => x.toFixed(2)).join(' ')}, after ${load1.map((x) => x.toFixed(2)).join(' ')}.

${table(results)}

Product server memory (RSS) at the end of its load: ${rss} MiB.
`;
  if (!only) writeReadme(join(repoRoot, 'bench', 'README.md'), SIZE, block);
  log(`\n${block}\n${only ? 'a selection of reads: bench/README.md left as it is' : 'bench/README.md written'}; the whole run took ${((Date.now() - t0) / 60_000).toFixed(1)} min.`);
} finally {
  await db.end().catch(() => {});
  if (raw && raw.exitCode === null) {
    const exited = new Promise((r) => raw!.once('exit', r));
    raw.kill('SIGTERM');
    await exited;
  }
  await product.stop();
}

/**
 * Fetches one body from both servers and compares their `data`, key order aside; prints both when they differ. The
 * read's `instants` (each server's clock) agree when within `toleranceMs`, and are then compared as equal.
 */
async function compare(read: Read, body: string, token: string, productUrl: string, rawUrl: string, toleranceMs: number): Promise<boolean> {
  const get = (url: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })
    .then(async (r) => ({ status: r.status, json: (await r.json().catch(() => null)) as { data?: unknown; errors?: unknown } | null }));
  try {
    const [p, r] = await Promise.all([get(productUrl), get(rawUrl)]);
    let diff: string | undefined;
    for (const path of read.instants ?? []) {
      const keys = path.split('.').slice(1);
      const last = keys.pop()!;
      const holder = (x: unknown) => keys.reduce<any>((o, k) => o?.[k], x) as Record<string, unknown> | undefined;
      const [hp, hr] = [holder(p.json?.data), holder(r.json?.data)];
      const [ip, ir] = [Date.parse(String(hp?.[last])), Date.parse(String(hr?.[last]))];
      if (!(Math.abs(ip - ir) <= toleranceMs)) diff ??= `${path} (${hp?.[last]} ≠ ${hr?.[last]}, more than ${toleranceMs} ms apart)`;
      else hr![last] = hp![last];
    }
    diff ??= firstDifference(p.json?.data, r.json?.data);
    if (p.json?.errors || r.json?.errors || diff) {
      console.log(`\n!!! ${read.key}: product and raw floor differ${diff ? ` at ${diff}` : ''}`);
      console.log(`!!! body: ${body.slice(0, 300)}`);
      console.log(`!!! product (${p.status}): ${JSON.stringify(p.json).slice(0, 4000)}`);
      console.log(`!!! raw (${r.status}): ${JSON.stringify(r.json).slice(0, 4000)}\n`);
      return false;
    }
    return true;
  } catch (e) {
    console.log(`!!! ${read.key}: could not compare: ${(e as Error).message}`);
    return false;
  }
}

/** The path of the first difference between two JSON values (objects compared by key, arrays by position), or undefined. */
function firstDifference(a: unknown, b: unknown, path = 'data'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path} (${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)})`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length (${a.length} ≠ ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    const d = firstDifference(ao[k], bo[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function medianWindow(ws: Window[]): Window {
  const keys = Object.keys(ws[0]!) as Array<keyof Window>;
  return Object.fromEntries(keys.map((k) => [k, median(ws.map((w) => w[k]))])) as unknown as Window;
}

/** The commit measured, and whether the server or schema had uncommitted changes. */
function gitHead(): string {
  const git = (...args: string[]) => execFileSync('git', ['-C', repoRoot, ...args], { encoding: 'utf8' }).trim();
  try {
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'server', 'db') ? ' + uncommitted changes' : '');
  } catch {
    return '?';
  }
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}
