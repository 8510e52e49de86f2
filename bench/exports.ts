// `pnpm bench:exports`: the CSV of BENCH_APPLICATIONS (200,000) applications streamed from the product
// (GET /exports/applications.csv), with the server's RSS sampled every 20 ms during the stream — the export must hold
// memory bounded (target: RSS grows by < 50 MB), whatever the count. Then a slow reader that leaves mid-stream: the
// server must follow its pace (backpressure) and end the query when it goes. Data grown as `pnpm bench` grows it
// (grow.ts; BENCH_KEEP=1 reuses the grown data folder of a previous run). Prints the figures for bench/README.md.
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { PRODUCT_NOW, startProduct } from '../test/support/server.js';
import { grow } from './grow.js';
import { rssMiB, sleep } from './measure.js';

const SIZE = Number(process.env.BENCH_APPLICATIONS ?? 200_000);
const keepData = process.env.BENCH_KEEP === '1';
const log = (line: string) => console.log(line);
const load0 = loadavg();

const product = await startProduct('bench', { env: { JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' }, keepData });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void product.stop().finally(() => process.exit(130)));
const pid = product.child.pid!;
const db = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${product.pgPort}/naccs` });

/** Counts CSV records in arriving bytes (a line feed inside quotes is not a record's end). */
function recordCounter() {
  let quoted = false;
  let records = 0;
  return {
    push(chunk: Uint8Array) {
      for (const b of chunk) {
        if (b === 0x22) quoted = !quoted;
        else if (b === 0x0a && !quoted) records++;
      }
    },
    get records() {
      return records;
    },
  };
}

/** The export's queries still running in PostgreSQL (its SELECT names the CSV's columns). */
const exportQueries = async () =>
  Number((await db.query(`select count(*)::int as n from pg_stat_activity where query like '%as "receiptNo"%' and pid <> pg_backend_pid()`)).rows[0].n);

try {
  await db.connect();
  const grown = await grow(db, { total: SIZE, now: new Date(PRODUCT_NOW), log });
  log(`data: ${grown.applications.toLocaleString()} applications (grown in ${grown.seconds.toFixed(1)} s)`);
  const login = await fetch(`${product.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "support@example.jp", password: "naccs-demo") { token } }' }),
  }).then((r) => r.json() as Promise<{ data: { login: { token: string } } }>);
  const headers = { authorization: `Bearer ${login.data.login.token}` };
  const total = await fetch(`${product.url}/graphql`, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ applications(limit: 1) { totalCount } }' }),
  }).then((r) => r.json() as Promise<{ data: { applications: { totalCount: number } } }>).then((r) => r.data.applications.totalCount);

  // Warm: the route, the schema and a small export, so the baseline is the server at work, not a cold one.
  await fetch(`${product.url}/exports/applications.csv?status=WITHDRAWN`, { headers }).then((r) => r.arrayBuffer());
  await sleep(1000);

  // 1. The whole list as fast as this client reads it.
  const rss0 = rssMiB(pid);
  let rssMax = rss0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMiB(pid))), 20);
  const t0 = performance.now();
  const res = await fetch(`${product.url}/exports/applications.csv`, { headers });
  let firstByte = 0;
  let bytes = 0;
  const counter = recordCounter();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    firstByte ||= performance.now() - t0;
    bytes += chunk.byteLength;
    counter.push(chunk);
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const rows = counter.records - 1;
  log(`full export: ${rows.toLocaleString()} rows (list totalCount ${total.toLocaleString()}${rows === total ? ', equal' : ', DIFFERENT'}), `
    + `${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString()} rows/s, first byte ${firstByte.toFixed(0)} ms)`);
  log(`server RSS: ${rss0} MiB before, ${rssMax} MiB at most during the stream: +${rssMax - rss0} MiB (target < 50 MB)`);

  // 2. A slow reader (one chunk every 100 ms) that leaves after 8 s — the whole file takes the fast reader less than that:
  // the server writes only what the reader takes (plus the sockets' buffers), then ends the query when it goes.
  const slowRss0 = rssMiB(pid);
  let slowRssMax = slowRss0;
  const slowSampler = setInterval(() => (slowRssMax = Math.max(slowRssMax, rssMiB(pid))), 20);
  const abort = new AbortController();
  const slow = await fetch(`${product.url}/exports/applications.csv`, { headers, signal: abort.signal });
  const reader = slow.body!.getReader();
  let slowBytes = 0;
  const until = Date.now() + 8000;
  while (Date.now() < until) {
    const { value, done } = await reader.read();
    if (done) break;
    slowBytes += value.byteLength;
    await sleep(100);
  }
  const runningBefore = await exportQueries();
  abort.abort();
  await reader.cancel().catch(() => {});
  let runningAfter = runningBefore;
  const left = Date.now();
  while (runningAfter > 0 && Date.now() - left < 5000) {
    await sleep(100);
    runningAfter = await exportQueries();
  }
  clearInterval(slowSampler);
  // The audit entry says how many rows the server wrote before the reader left.
  let audit: string | undefined;
  for (let i = 0; i < 50 && !audit?.includes('中断'); i++) {
    await sleep(100);
    audit = (await db.query(`select detail from audit_log where action = 'CSV_EXPORT' order by id desc limit 1`)).rows[0]?.detail as string | undefined;
  }
  log(`slow reader: took ${(slowBytes / 2 ** 20).toFixed(2)} MiB in 8 s (the whole file is ${(bytes / 2 ** 20).toFixed(1)} MiB, ${seconds.toFixed(1)} s for the fast reader); `
    + `server RSS +${slowRssMax - slowRss0} MiB; export queries in PostgreSQL: ${runningBefore} while reading, ${runningAfter} ${Date.now() - left} ms after the client left`);
  log(`audit of the abandoned export: ${audit}`);

  const cpu = cpus();
  log(`machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; `
    + `load average ${load0.map((l) => l.toFixed(2)).join(' ')} at start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at end`);
} finally {
  await db.end().catch(() => {});
  await product.stop();
}
