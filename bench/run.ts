// `pnpm bench`: starts the product (embedded PostgreSQL, demo data), grows the data to a realistic volume, then
// measures the support desk's and reviewers' hottest reads over HTTP on 127.0.0.1 with autocannon (bounded in count
// and time), and the server's memory. Results go to bench/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { repoRoot, startProduct } from '../test/support/server.js';

const EXTRA = Number(process.env.BENCH_APPLICATIONS ?? 50_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

const started = Date.now();
const product = await startProduct('bench', { env: { JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' } });
const startSeconds = (Date.now() - started) / 1000;
try {
  const pgPort = product.pgPort;
  const db = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/naccs` });
  await db.connect();
  // Copies of the demo applications (new receipt numbers, same sections' shape) until the table holds EXTRA more.
  const t0 = Date.now();
  await db.query(`insert into application (id, receipt_no, kind, connection, status, version, office_id, assignee_id, applicant_company_name,
      applicant_company_name_kana, applicant_last_name, applicant_first_name, applicant_last_name_kana, applicant_first_name_kana, applicant_email,
      reason, change_items, received_at, desired_start_date, start_date, updated_at, search_text, no_line_required)
    select gen_random_uuid(), next_receipt_no(a.received_at - (g % 700) * interval '1 day'), a.kind, a.connection, a.status, a.version, a.office_id, a.assignee_id,
      a.applicant_company_name, a.applicant_company_name_kana, a.applicant_last_name, a.applicant_first_name, a.applicant_last_name_kana,
      a.applicant_first_name_kana, a.applicant_email, a.reason, a.change_items, a.received_at - (g % 700) * interval '1 day', a.desired_start_date,
      a.start_date, now(), a.search_text, a.no_line_required
    from generate_series(1, $1::int) g join lateral (select * from application where status <> 'APPROVED' or start_date is not null offset (g % 300) limit 1) a on true`, [EXTRA]);
  await db.query('analyze');
  const total = Number((await db.query('select count(*) as n from application')).rows[0].n);
  const grow = (Date.now() - t0) / 1000;
  const sample = (await db.query(`select receipt_no, o.code from application a join office o on o.id = a.office_id where o.code is not null order by random() limit 1`)).rows[0];
  const kana = (await db.query(`select c.name_kana from company c where c.name_kana is not null limit 1`)).rows[0].name_kana.replace(/カブシキガイシャ|カブシキカイシャ/g, '').slice(0, 4);
  await db.end();

  const login = await fetch(`${product.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "support@example.jp", password: "naccs-demo") { token } }' }) }).then((r) => r.json());
  const token = login.data.login.token as string;
  const LIST = `query($f: ApplicationFilter) { applications(filter: $f, limit: 25) { totalCount items { id receiptNo status kind receivedAt desiredStartDate companyName office { code } assignee { name } latestHistory { action at } } } }`;
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['申込受付番号で1件 (support desk)', 'query($r: String) { application(receiptNo: $r) { receiptNo status startDate history { action at message } } }', { r: sample.receipt_no }],
    ['一覧 1ページ目 (受付日の新しい順, 25件)', LIST, {}],
    ['受付番号の前方一致', LIST, { f: { q: sample.receipt_no.slice(0, 4) } }],
    ['企業名カナで検索 (全角/半角・かな混在)', LIST, { f: { q: kana } }],
    ['事業所コードで絞り込み', LIST, { f: { officeCode: sample.code } }],
    ['審査キュー 未割当 + 件数', `{ reviewQueueCounts { unassigned mine returned dueSoon all } applications(filter: { queue: UNASSIGNED }, limit: 25) { totalCount items { receiptNo } } }`, {}],
  ];
  const pid = product.child.pid;
  const rss = () => (pid ? Math.round(Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024) : NaN);
  const rows: string[] = [];
  for (const [name, query, variables] of cases) {
    const r = await autocannon({
      url: `${product.url}/graphql`, method: 'POST', connections: CONNECTIONS, duration: DURATION,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
    });
    const errors = r.non2xx + r.errors;
    rows.push(`| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${errors} |`);
    console.log(name, r.requests.average, r.latency.p50, r.latency.p99, errors);
  }
  const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const report = `# Benchmarks

\`pnpm bench\` (bench/run.ts) starts the product as \`pnpm start\` does (embedded PostgreSQL 18, demo data), grows the
\`application\` table with ${EXTRA.toLocaleString()} copies of the demo applications (${total.toLocaleString()} in all; grown in ${grow.toFixed(1)} s),
then drives each read below for ${DURATION} s with autocannon (${CONNECTIONS} connections, 127.0.0.1, signed in as support).
Environment: \`BENCH_APPLICATIONS\`, \`BENCH_SECONDS\`.

Start on an empty data folder (embedded PostgreSQL, migrations, demo data approved through IssuanceService, listen):
${startSeconds.toFixed(1)} s (the console was built before).

Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Run ${now} UTC.

| read | req/s | p50 ms | p99 ms | errors |
|---|---|---|---|---|
${rows.join('\n')}

Server memory (RSS) after the run: ${rss()} MiB.
`;
  writeFileSync(join(repoRoot, 'bench', 'README.md'), report);
  console.log(report);
} finally {
  await product.stop();
}
