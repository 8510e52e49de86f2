// The approval benchmark (part of `pnpm bench`; alone: `pnpm --filter @naccs/bench bench:approvals`): N applications
// of every kind are submitted by the NSS portal and taken by a supervisor over the product's own API (so through its
// services), then approved by BENCH_APPROVAL_CLIENTS (10) concurrent clients over HTTP — against one server process,
// then against two on the same database. It reports approvals/s, p50/p99, failures and SQL statements per approval,
// and checks that no identifier was issued twice. BENCH_APPROVALS (1000) per run. Load on 127.0.0.1 only.
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { countingProxy } from './wire.js';
import { cpuMs, pgCpuMs, postmasterOf } from './measure.js';
import { productToday, repoRoot, startProduct } from '../test/support/server.js';
import { addBusinessDays } from '../server/src/calendar/businessDays.js';
import { applicantKonsai, nacSystemApplication } from '../server/src/applications/intake/seedInputs.js';

const COUNT = Number(process.env.BENCH_APPROVALS ?? 1000);
const CLIENTS = Number(process.env.BENCH_APPROVAL_CLIENTS ?? 10);
/** BENCH_APPROVAL_RUNS=one: only the one-process run and the statement count (quick iterations; README left as it is). */
const ONLY_ONE = process.env.BENCH_APPROVAL_RUNS === 'one';
const PASSWORD = 'naccs-demo';
/** English names the new companies share: their 企業略称 candidates collide. */
const SHARED_NAMES = ['NACCS SYSTEM CO.,LTD.', 'PACIFIC LOGISTICS INC.', 'NIPPON CUSTOMS BROKER CO.,LTD.', 'SAKURA EXPRESS K.K.'];
/** Identifier columns that must never repeat. */
const IDENTIFIERS: Array<[string, string]> = [
  ['terminal', 'name'], ['terminal', 'access_key'], ['mailbox', 'mailbox_id'], ['user_code', 'code'], ['user_id', 'user_code_id, ident_no'],
  ['office', 'code'], ['office', 'billing_code'], ['company', 'abbreviation'], ['line', 'ip_address'],
];

type Gql = <T = any>(url: string, query: string, variables: Record<string, unknown>, token: string) => Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
const gql: Gql = (url, query, variables, token) => fetch(`${url}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
}).then((r) => r.json() as never);

async function pool<T>(n: number, items: T[], work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  }));
}

const katakana = (n: number) => String(n).replace(/[0-9]/g, (d) => 'アイウエオカキクケコ'[Number(d)]!);

/** N applications in review, every kind: new 一般NACCS (a line), new netNACCS, changes (several per office at once). */
async function prepare(url: string, db: pg.Client, supervisor: string, count: number, tag: string, portal: string): Promise<Array<{ id: string; version: number }>> {
  const desired = addBusinessDays(productToday(), 70);
  const offices = (await db.query(`select o.code, u.code as user_code from office o join user_code u on u.office_id = o.id
      where o.status = 'ACTIVE' and o.uses_net and u.end_date is null order by o.code`)).rows as Array<{ code: string; user_code: string }>;
  const ready: Array<{ id: string; version: number }> = [];
  await pool(8, Array.from({ length: count }, (_, i) => i), async (i) => {
    const kind = i % 10 < 4 ? 'GENERAL' : i % 10 < 7 ? 'NET' : 'CHANGE';
    let submitted: { id: string; version: number } | undefined;
    if (kind === 'CHANGE' && offices.length) {
      const office = offices[i % offices.length]!;
      const res = await gql(url, 'mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id version } }', {
        o: office.code,
        i: {
          changeItems: ['NET_TERMINAL', 'MAILBOX', 'IDENT_NO'], desiredStartDate: desired, reason: '業務拡大のため。',
          applicant: { ...applicantKonsai, email: `bench${i}@example.co.jp`, emailConfirmation: `bench${i}@example.co.jp` },
          terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count: 1 }], mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }],
          userCodes: [{ action: 'CHANGE', userCode: office.user_code, userIds: [{ industries: ['CUSTOMS_BROKER'], processingMethod: 'INTERACTIVE', identCount: 1 }] }],
        },
      }, portal);
      submitted = res.data?.submitChangeApplication;
      if (!submitted) throw new Error(`change: ${JSON.stringify(res.errors)}`);
    } else {
      const name = `株式会社ベンチ${katakana(i)}${tag}`;
      const kana = `カブシキガイシャベンチ${katakana(i)}${tag}`;
      const account = await gql(url, 'mutation($i: ProvisionalAccountInput!) { registerProvisionalAccount(input: $i) { loginId password } }', {
        i: { companyName: name, companyNameKana: kana, applicant: applicantKonsai },
      }, portal);
      if (!account.data) throw new Error(`provisional account: ${JSON.stringify(account.errors)}`);
      const { loginId, password } = account.data.registerProvisionalAccount;
      const input = nacSystemApplication(desired) as Record<string, any>;
      input.company = { ...input.company, name, nameKana: kana, nameEn: SHARED_NAMES[i % SHARED_NAMES.length] };
      if (kind === 'NET') {
        Object.assign(input, { connection: 'NET', lines: undefined, constructionContact: undefined, constructionAttendee: undefined, attachments: undefined });
        input.terminals = [{ terminalType: 'NET', systemCategory: 'SEA', count: 1 }];
      }
      const res = await gql(url, 'mutation($l: String!, $p: String, $i: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $l, provisionalPassword: $p, input: $i) { id version } }', { l: loginId, p: password, i: input }, portal);
      submitted = res.data?.submitNewApplication;
      if (!submitted) throw new Error(`new: ${JSON.stringify(res.errors)}`);
    }
    const taken = await gql(url, 'mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { id version } }', { id: submitted.id, v: submitted.version }, supervisor);
    if (!taken.data) throw new Error(`assign: ${JSON.stringify(taken.errors)}`);
    ready.push(taken.data.assignApplication);
  });
  return ready.sort((a, b) => a.id.localeCompare(b.id));
}

interface Run {
  label: string;
  approvals: number;
  failures: number;
  failureCodes: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU per approval, ms: the server processes' own (utime+stime) and PostgreSQL's whole process tree. */
  serverCpu: number;
  pgCpu: number;
}

/** What a run costs the machine, read from /proc: the server processes and PostgreSQL (NaN when not found). */
interface Meters {
  servers: number[];
  postmaster?: number;
}
const cpuNow = (m: Meters) => ({ server: m.servers.reduce((a, pid) => a + cpuMs(pid), 0), pg: m.postmaster ? pgCpuMs(m.postmaster) : NaN });

async function approveAll(urls: string[], supervisor: string, apps: Array<{ id: string; version: number }>, label: string, meters: Meters, clients = CLIENTS): Promise<Run> {
  const start = addBusinessDays(productToday(), 61); // beyond a line's lead time: approveApplication refuses earlier dates without an override
  const latencies: number[] = [];
  const failureCodes: Record<string, number> = {};
  const cpu0 = cpuNow(meters);
  const t0 = performance.now();
  await pool(clients, apps, async (app, i) => {
    const t = performance.now();
    const res = await gql(urls[i % urls.length]!, 'mutation($id: ID!, $d: String!, $v: Int!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', { id: app.id, d: start, v: app.version }, supervisor);
    latencies.push(performance.now() - t);
    if (res.data?.approveApplication?.status !== 'APPROVED') {
      const code = res.errors?.[0]?.extensions?.code ?? 'UNKNOWN';
      failureCodes[code] = (failureCodes[code] ?? 0) + 1;
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuNow(meters);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!);
  const failures = Object.values(failureCodes).reduce((a, b) => a + b, 0);
  return { label, approvals: apps.length, failures, failureCodes, seconds, perSecond: apps.length / seconds, p50: pct(0.5), p99: pct(0.99),
    serverCpu: (cpu1.server - cpu0.server) / apps.length, pgCpu: (cpu1.pg - cpu0.pg) / apps.length };
}

async function duplicates(db: pg.Client): Promise<string[]> {
  const found: string[] = [];
  for (const [table, columns] of IDENTIFIERS) {
    const rows = (await db.query(`select ${columns}, count(*) from ${table} where ${columns.split(',')[0]} is not null group by ${columns} having count(*) > 1`)).rows;
    if (rows.length) found.push(`${table}.${columns}: ${rows.length}`);
  }
  return found;
}

export async function benchApprovals(log: (line: string) => void = console.log): Promise<string> {
  const load0 = loadavg();
  const env: Record<string, string> = { JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' };
  // BENCH_PROFILE=dir: the first server process writes a V8 CPU profile there when it stops (Chrome DevTools opens it).
  const nodeArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const first = await startProduct('bench-approvals', { env, nodeArgs });
  let second: Awaited<ReturnType<typeof startProduct>> | undefined;
  let proxy: Awaited<ReturnType<typeof countingProxy>> | undefined;
  const dbUrl = `postgres://postgres:postgres@127.0.0.1:${first.pgPort}/naccs`;
  const db = new pg.Client({ connectionString: dbUrl });
  try {
    await db.connect();
    const login = await fetch(`${first.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: 'supervisor@example.jp', p: PASSWORD } }),
    }).then((r) => r.json() as Promise<{ data: { login: { token: string } } }>);
    const supervisor = login.data.login.token;
    // The integrator's key, made by the admin as the portal's would be.
    const admin = await fetch(`${first.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: 'admin@example.jp', p: PASSWORD } }),
    }).then((r) => r.json() as Promise<{ data: { login: { token: string } } }>);
    const key = await gql<{ createApiKey: { secret: string } }>(first.url, 'mutation { createApiKey(name: "ベンチマーク (NSS)") { secret } }', {}, admin.data.login.token);
    const portal = key.data!.createApiKey.secret;

    let t = performance.now();
    const one = await prepare(first.url, db, supervisor, COUNT, 'イ', portal);
    log(`prepared ${one.length} applications in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const meters: Meters = { servers: [first.child.pid!], postmaster: postmasterOf(first.child.pid!) };
    const single = await approveAll([first.url], supervisor, one, 'one server process', meters);
    log(JSON.stringify(single));

    // A second server process on the same database (same data folder: same secrets and CA), connected through a
    // proxy that counts the statements it sends: first a sample of each kind approved one at a time through it.
    proxy = await countingProxy(first.pgPort);
    second = await startProduct('bench-approvals', { keepData: true, env: { ...env, DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${proxy.port}/naccs`, SEED_DEMO: 'false' } });
    const sample = await prepare(first.url, db, supervisor, 20, 'サ', portal);
    const before = proxy.statements();
    const sampled = await approveAll([second.url], supervisor, sample, 'sample', meters, 1);
    if (sampled.failures) throw new Error(`sample approvals failed: ${JSON.stringify(sampled.failureCodes)}`);
    const perApproval = (proxy.statements() - before) / sample.length;
    log(`SQL statements per approval (on the wire, the session check included): ${perApproval.toFixed(1)}`);
    if (ONLY_ONE) return JSON.stringify({ single, perApproval, load: [load0, loadavg()] });
    t = performance.now();
    const two = await prepare(first.url, db, supervisor, COUNT, 'ロ', portal);
    log(`prepared ${two.length} applications in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const double = await approveAll([first.url, second.url], supervisor, two, 'two server processes', { ...meters, servers: [first.child.pid!, second.child.pid!] });
    log(JSON.stringify(double));
    const dupes = await duplicates(db);
    // What the servers logged about failures (warnings and errors only): the reason of a failed approval.
    for (const p of [first, second]) for (const line of p.output().split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(0, 5)) log(line.slice(0, 400));
    const load1 = loadavg();
    const row = (r: Run) => `| ${r.label} | ${r.approvals} | ${CLIENTS} | ${r.perSecond.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.failures}${r.failures ? ` (${Object.entries(r.failureCodes).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''} | ${r.serverCpu.toFixed(1)} | ${r.pgCpu.toFixed(1)} |`;
    return `## Approvals

\`pnpm --filter @naccs/bench bench:approvals\` (bench/approvals.ts): ${COUNT} applications per run — 40 % new 一般NACCS (a line, so an
IP address), 30 % new netNACCS, 30 % changes (a terminal, a mailbox and a 識別番号 on offices that get several at once); the
new companies share four English names (the same 企業略称 candidates) — submitted by the NSS portal and taken by a
supervisor over the API, then approved by ${CLIENTS} concurrent clients over HTTP. Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'},
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load0.map((x) => x.toFixed(2)).join(' ')} before, ${load1.map((x) => x.toFixed(2)).join(' ')} after. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

| run | approvals | clients | approvals/s | p50 ms | p99 ms | failures | server CPU ms/approval | PostgreSQL CPU ms/approval |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${row(single)}
${row(double)}

SQL statements per approval, counted on the wire (a proxy in front of PostgreSQL) over 20 approvals of the same mix one at a
time, the caller's session check and BEGIN/COMMIT included: ${perApproval.toFixed(1)}. CPU per approval: utime+stime of the server
processes and of PostgreSQL's whole process tree (/proc) over the run, divided by the approvals — the figures to compare
between runs on this shared machine (approvals/s and latency follow the load average).

Where an approval's time went (V8 profile of the server, \`BENCH_PROFILE\`; CPU per approval, 300 approvals): PostgreSQL spent
25.7 ms per approval, most of it in the IP address claim, which generated and sorted the whole /16 pool (65,534
addresses, an external merge sort on disk) to take one — now the pool is walked from where the process last claimed,
each address looked up by the index (7–8 ms). The server spent 13 ms, half of it in MikroORM: a unit-of-work flush of 7–9
inserts (one round trip per table) and 3 updates, each a query built and inlined — now everything an approval adds and
its changes to the application, office and company are one statement (issuance/approvalWrite.ts), 16.3 → ${perApproval.toFixed(1)}
statements on the wire. What remains is the load of the application with its sections (one joined statement PostgreSQL
plans anew each time, hydrated by MikroORM), GraphQL and HTTP.
Duplicate identifiers over ${IDENTIFIERS.map(([t, c]) => `${t}.${c}`).join(', ')}: ${dupes.length ? dupes.join('; ') : 'none'}.
`;
  } finally {
    await db.end().catch(() => undefined);
    await second?.stop();
    await proxy?.close();
    await first.stop();
  }
}

// Run directly: write the section into bench/README.md (replacing an earlier one).
if (process.argv[1]?.endsWith('approvals.ts')) {
  const section = await benchApprovals();
  if (ONLY_ONE) {
    console.log(section);
    process.exit(0);
  }
  const file = join(repoRoot, 'bench', 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf('## Approvals');
  const next = start < 0 ? -1 : readme.indexOf('\n## ', start + 1);
  writeFileSync(file, start < 0 ? `${readme.trimEnd()}\n\n${section}` : `${readme.slice(0, start)}${section}${next < 0 ? '' : readme.slice(next + 1)}`);
  console.log(section);
}
