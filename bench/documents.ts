// The documents benchmark (`pnpm --filter @naccs/bench bench:documents`; part of `pnpm bench`): the time of a 申込書 PDF
// (GET /documents/applications/{receiptNo}/form.pdf) over HTTP on the demo data, as the console fetches it — one request
// at a time, signed in as a reviewer, after BENCH_DOCUMENT_WARMUP (10) requests that load the font and warm the JIT.
// BENCH_DOCUMENTS (50) measured requests per document; p50/p99/mean and the server's CPU per document. The target of
// issue 18: a 申込書 in ≤ 300 ms on this machine. Load on 127.0.0.1 only; no timed assertion, figures for the README.
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cpuMs } from './measure.js';
import { startProduct } from '../test/support/server.js';

const COUNT = Number(process.env.BENCH_DOCUMENTS ?? 50);
const WARMUP = Number(process.env.BENCH_DOCUMENT_WARMUP ?? 10);
const PASSWORD = 'naccs-demo';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const load0 = loadavg();
  const product = await startProduct('bench-documents', { env: { JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' } });
  try {
    const post = (query: string, variables: Record<string, unknown>, token?: string) => fetch(`${product.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json() as Promise<{ data: any }>);
    const token = (await post('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'reviewer@example.jp', p: PASSWORD })).data.login.token as string;
    // The demo's approved new 一般NACCS application with the most rows: the longest 申込書 (every section filled).
    const page = (await post(`{ applications(filter: { status: [APPROVED], kind: [NEW] }, limit: 50) { items { receiptNo connection
      userCodes { id } terminals { id } lines { id } mailboxes { id } } } }`, {}, token)).data.applications.items as Array<Record<string, any>>;
    const size = (a: Record<string, any>) => a.userCodes.length + a.terminals.length + a.lines.length + a.mailboxes.length;
    const app = page.sort((a, b) => size(b) - size(a))[0]!;
    const fetchPdf = async (file: string) => {
      const t0 = performance.now();
      const res = await fetch(`${product.url}/documents/applications/${app.receiptNo}/${file}`, { headers: { authorization: `Bearer ${token}` } });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${file}: ${res.status} ${body.toString()}`);
      return { ms: performance.now() - t0, bytes: body.length, pages: (body.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length };
    };

    const first = await fetchPdf('form.pdf');
    for (let i = 1; i < WARMUP; i++) await fetchPdf('form.pdf');
    const pid = product.child.pid!;
    const cpu0 = cpuMs(pid);
    const times: number[] = [];
    let last = first;
    for (let i = 0; i < COUNT; i++) times.push((last = await fetchPdf('form.pdf')).ms);
    const cpuPerDoc = (cpuMs(pid) - cpu0) / COUNT;
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const load1 = loadavg();
    const f = (n: number) => n.toFixed(1);
    const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    console.log([
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${la(load0)} before, ${la(load1)} after. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      '',
      '| document | requests | p50 ms | p99 ms | mean ms | first request ms | server CPU ms/doc | pages | bytes |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
      `| 申込書 (form.pdf) of ${app.receiptNo} | ${COUNT} | ${f(quantile(sorted, 0.5))} | ${f(quantile(sorted, 0.99))} | ${f(mean)} | ${f(first.ms)} | ${f(cpuPerDoc)} | ${last.pages} | ${last.bytes.toLocaleString('en-US')} |`,
    ].join('\n'));
  } finally {
    await product.stop();
  }
}

await main();
