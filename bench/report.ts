// bench/README.md: a fixed introduction, a Results section with one block per data size (a run rewrites its own
// size's block and leaves the others), and a Before section kept as written by hand.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Window } from './measure.js';

export interface ReadResult {
  label: string;
  product: Window;
  raw: Window;
  /** Product and raw floor answered the same data at the start. */
  same: boolean;
}

const f0 = (n: number) => (!Number.isFinite(n) ? '–' : n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

/** The results table: product and raw floor side by side (p / r), and their throughput ratio. */
export function table(results: ReadResult[]): string {
  const rows = results.map(({ label, product: p, raw: r, same }) =>
    `| ${label} | ${f0(p.rps)} | ${f0(r.rps)} | ${f2(p.rps / r.rps)} | ${f1(p.p50)} / ${f1(r.p50)} | ${f1(p.p99)} / ${f1(r.p99)} | ${p.errors} / ${r.errors} | ${f2(p.cpuMsPerReq)} / ${f2(r.cpuMsPerReq)} | ${f2(p.pgCpuMsPerReq)} / ${f2(r.pgCpuMsPerReq)} | ${f1(p.xactsPerReq)} / ${f1(r.xactsPerReq)} | ${same ? 'yes' : '**NO**'} |`);
  return [
    '| read | product req/s | raw req/s | product ÷ raw | p50 ms (p / r) | p99 ms (p / r) | errors (p / r) | server CPU ms/req (p / r) | PostgreSQL CPU ms/req (p / r) | SQL xacts/req (p / r) | same data |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|',
    ...rows,
  ].join('\n');
}

export const INTRO = `# Benchmarks

\`pnpm bench\` (bench/run.ts) measures the hot reads at real volume against a raw-SQL floor:

1. starts the product as \`pnpm start\` does (test/support/server.ts startProduct: embedded PostgreSQL, migrations, demo
   data; \`JOB_INTERVAL_SECONDS=0 MAIL_INTERVAL_SECONDS=0 LOG_LEVEL=warn\`);
2. grows the product's own schema with set-based SQL (bench/grow.ts) to \`BENCH_APPLICATIONS\` applications in all
   (default 200,000): ~30 reviewers, thousands of companies and offices, applications over ~8 years before the
   product's NOW in a realistic mix of kinds and statuses, ~5 history rows each consistent with the status, and each
   application's 受付完了 mail; receipt numbers from \`next_receipt_no()\`, no trigger disabled; then \`vacuum analyze\`;
3. starts the raw floor (bench/raw.ts): a Node HTTP server with a \`pg\` Pool of 10 and one prepared SQL statement per
   read that builds the whole \`{"data": …}\` in PostgreSQL; at start every read's \`data\` from the product and the
   floor are compared (key order aside);
4. drives each read (bench/reads.ts) with autocannon, ${'`'}10 connections × BENCH_SECONDS${'`'} (default 10) on
   127.0.0.1, first the product then the floor, \`BENCH_ROUNDS\` times (medians), signed in as support@example.jp
   (reviewer@example.jp for the queue counts).

Every read is warmed for 2 s on both servers first. Columns: req/s = responses over the window; latency p50/p99;
errors = non-2xx, connection errors and timeouts (120 s), and responses with GraphQL \`errors\`. Per request (divided by
the requests sent; what was still in flight when the window closed is waited for and counted): server CPU = utime+stime
of the server's Node process (the product's, or the floor's) from /proc; PostgreSQL CPU = the postmaster's whole
process tree; SQL xacts = \`pg_stat_database\` commits + rollbacks, less the transactions parallel query workers count
for themselves (calibrated at start: 2 per worker launched on PostgreSQL 18), read after PostgreSQL's 10 s idle stats
flush — statements outside an explicit transaction count one each. The machine is shared (2 cores): compare ratios
within one run.
`;

const marker = (size: number) => [`<!-- bench:results:${size} -->`, `<!-- /bench:results:${size} -->`] as const;

/** Writes this size's block into the README, keeping the other sizes' blocks and the Before section. */
export function writeReadme(path: string, size: number, block: string): void {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (!text.includes('\n## Results\n')) {
    // An older README: this layout, keeping the sections other benchmarks write (## Approvals…).
    const others = text.split(/\n(?=## )/).filter((part) => part.startsWith('## ') && !/^## (Results|Before)\n/.test(part));
    text = [`${INTRO}\n## Results\n\n## Before\n\n(Figures of the code before the read-path rewrite, filled by hand.)\n`, ...others].join('\n');
  }
  const [open, close] = marker(size);
  const wrapped = `${open}\n${block.trim()}\n${close}`;
  const start = text.indexOf(open);
  if (start >= 0) {
    const end = text.indexOf(close, start) + close.length;
    text = text.slice(0, start) + wrapped + text.slice(end);
  } else {
    // After the blocks of smaller sizes, before larger ones (or the next section).
    const results = text.indexOf('\n## Results\n') + '\n## Results\n'.length;
    const next = text.indexOf('\n## ', results);
    const sectionEnd = next < 0 ? text.length : next + 1;
    let at = sectionEnd;
    for (const m of text.slice(results, sectionEnd).matchAll(/<!-- bench:results:(\d+) -->/g)) {
      if (Number(m[1]) > size) {
        at = results + m.index!;
        break;
      }
    }
    text = `${text.slice(0, at).replace(/\n*$/, '\n\n')}${wrapped}\n\n${text.slice(at).replace(/^\n+/, '')}`;
  }
  writeFileSync(path, text);
}
