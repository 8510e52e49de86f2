// The list's checkSeverity filter (issue 20) over the check-summary job (summaries.ts): after a run, the list, its
// totalCount, the export, the CSV and the queue counts hold exactly the open applications whose own Application.checks
// (the field, computed per request) have that heaviest finding; a changed application, a sibling listed or closed and a
// new business date are picked up by the next run; two runs at once refresh each application once. Business time is the
// server's clock (the run's TEST_NOW, moved forward by days in the later tests), never a literal date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock.js';
import { todayInJapan } from '../../common/dates.js';
import { addBusinessDays } from '../../calendar/businessDays.js';
import type { NewApplicationInput } from '../../applications/intake/inputs.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { initOrm } from '../../db/orm.js';
import { testClock } from '../../testing/clock.js';
import { given } from '../../testing/given.js';
import { startTestServer, type TestServer } from '../../testing/server.js';
import { refreshDueCheckSummaries } from './summaries.js';

type Severity = 'BLOCKER' | 'WARNING' | 'INFO';
const DAY_MS = 86_400_000;

// The server's clock: the run's instant, moved forward by whole days when a test needs a later business date.
let shift = 0;
const clock: Clock = { now: () => new Date(testClock.now().getTime() + shift) };
let server: TestServer;
let reviewer: string;
let supervisor: string;
const today = () => todayInJapan(clock.now());
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
// The job runs on an ORM of its own, as another server process would (its statements are counted apart from the server's).
let jobOrm: MikroORM;
let jobStatements = 0;
const run = (options: { batch?: number } = {}, orm = jobOrm) => refreshDueCheckSummaries(orm.em, clock, options);

async function gql<T = any>(query: string, variables: Record<string, unknown>, token = reviewer): Promise<T> {
  const res = await server.gql(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

async function signIn() {
  reviewer = await server.login('reviewer@example.jp');
  supervisor = await server.login('supervisor@example.jp');
}

/** Every open application with the heaviest severity its own checks field gives now (null: no finding). */
async function heaviestOfOpen(): Promise<Map<string, { severity: Severity | null; receiptNo: string; status: string; version: number }>> {
  const out = new Map<string, { severity: Severity | null; receiptNo: string; status: string; version: number }>();
  for (let offset = 0; ; offset += 100) {
    const { applications } = await gql(`query($o: Int) { applications(filter: { status: [RECEIVED, IN_REVIEW, RETURNED] }, offset: $o, limit: 100) {
      totalCount items { id receiptNo status version checks { severity } } } }`, { o: offset });
    for (const a of applications.items) {
      const severities = (a.checks as Array<{ severity: Severity }>).map((c) => c.severity);
      const severity = (['BLOCKER', 'WARNING', 'INFO'] as const).find((s) => severities.includes(s)) ?? null;
      out.set(a.id, { severity, receiptNo: a.receiptNo, status: a.status, version: a.version });
    }
    if (offset + 100 >= applications.totalCount) return out;
  }
}

const idsWith = (all: Map<string, { severity: Severity | null }>, wanted: Severity[]) =>
  [...all].filter(([, a]) => a.severity && wanted.includes(a.severity)).map(([id]) => id).sort();

/** The filtered list, every page: the hot read (items' plain columns) and its totalCount. */
async function listed(checkSeverity: Severity[], extra: Record<string, unknown> = {}) {
  const ids: string[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += 100) {
    const { applications } = await gql(`query($f: ApplicationFilter, $o: Int) { applications(filter: $f, offset: $o, limit: 100) { totalCount items { id } } }`,
      { f: { checkSeverity, ...extra }, o: offset });
    total = applications.totalCount;
    ids.push(...applications.items.map((i: { id: string }) => i.id));
  }
  expect(ids.length).toBe(total);
  return ids.sort();
}

/** The same filter through the entity path (a field resolver in the selection) and the export. */
async function listedOtherWays(checkSeverity: Severity[]) {
  const { applications } = await gql(`query($f: ApplicationFilter) { applications(filter: $f, limit: 100) { totalCount items { id checkSummary { blocker } } } }`, { f: { checkSeverity } });
  expect(applications.totalCount).toBeLessThanOrEqual(100);
  const exported: string[] = [];
  for (let after: string | null = null; ;) {
    const { applicationsExport: page }: { applicationsExport: { nextCursor: string | null; items: Array<{ id: string }> } } = await gql(`query($f: ApplicationFilter, $a: String) { applicationsExport(filter: $f, after: $a, limit: 50) { nextCursor items { id } } }`,
      { f: { checkSeverity }, a: after });
    exported.push(...page.items.map((i) => i.id));
    if (!(after = page.nextCursor)) break;
  }
  return { entityPath: applications.items.map((i: { id: string }) => i.id).sort(), exported: exported.sort() };
}

const rowsOf = () => sql<{ application_id: string; severity: Severity | null; version: number | null; as_of: string | null }>(
  `select application_id, severity, version, to_char(as_of, 'YYYY-MM-DD') as as_of from application_check_summary`);

const newApplication = (edit: (input: NewApplicationInput) => void, status?: 'WITHDRAWN') => given(server).application({ edit: edit as never, status });

let blocker: { id: string; version: number };
let warning: { id: string; version: number };
let withdrawnBlocker: { id: string };

beforeAll(async () => {
  server = await startTestServer({ clock });
  jobOrm = await initOrm(server.db.url, { debug: ['query'], logger: () => void jobStatements++ });
  await signIn();
  // One of each kind besides the demo's: a desired date past its システム設定申込締切日 (BLOCKER), inside the lead time
  // (WARNING), 門司 for an office in 神奈川県 (INFO), and a withdrawn one that would be a BLOCKER were it open.
  blocker = await newApplication((i) => { i.desiredStartDate = addBusinessDays(today(), 2); });
  warning = await newApplication((i) => { i.desiredStartDate = addBusinessDays(today(), 15); });
  await newApplication((i) => { i.office!.customsOffice = '門司'; });
  withdrawnBlocker = await newApplication((i) => { i.desiredStartDate = addBusinessDays(today(), 2); }, 'WITHDRAWN');
});
afterAll(async () => {
  await jobOrm?.close();
  await server?.close();
});

describe('ApplicationFilter.checkSeverity', () => {
  it('before any run nothing is listed; after one, the list, totalCount, export, CSV and queue counts hold exactly the open applications whose checks field has that heaviest finding', async () => {
    expect(await listed(['BLOCKER', 'WARNING', 'INFO'])).toEqual([]);
    const open = await heaviestOfOpen();
    const { refreshed, removed } = await run();
    expect({ refreshed, removed }).toEqual({ refreshed: open.size, removed: 0 });

    const expected = { BLOCKER: idsWith(open, ['BLOCKER']), WARNING: idsWith(open, ['WARNING']), INFO: idsWith(open, ['INFO']) };
    expect(expected.BLOCKER).toContain(blocker.id);
    expect(expected.WARNING).toContain(warning.id);
    expect(expected.INFO.length).toBeGreaterThan(0);
    expect(open.has(withdrawnBlocker.id)).toBe(false);

    for (const severity of ['BLOCKER', 'WARNING', 'INFO'] as const) {
      expect(await listed([severity]), severity).toEqual(expected[severity]);
      const other = await listedOtherWays([severity]);
      expect(other.entityPath, severity).toEqual(expected[severity]);
      expect(other.exported, severity).toEqual(expected[severity]);
    }
    expect(await listed(['BLOCKER', 'WARNING'])).toEqual([...expected.BLOCKER, ...expected.WARNING].sort());
    // With another filter the count is a real count (the tally cannot answer it) and still exact.
    const returned = expected.WARNING.filter((id) => open.get(id)!.status === 'RETURNED');
    expect(await listed(['WARNING'], { status: ['RETURNED'] })).toEqual(returned);
    expect(await listed(['BLOCKER'], { status: ['APPROVED', 'WITHDRAWN'] })).toEqual([]);

    const { reviewQueueCounts: counts } = await gql(`query($f: ApplicationFilter) { reviewQueueCounts(filter: $f) { all returned } }`, { f: { checkSeverity: ['WARNING'] } });
    expect(counts).toEqual({ all: expected.WARNING.length, returned: returned.length });

    const res = await fetch(`${server.url}/exports/applications.csv?checkSeverity=BLOCKER`, { headers: { authorization: `Bearer ${reviewer}` } });
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(res.status, text).toBe(200);
    const receipts = text.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]).sort();
    expect(receipts).toEqual(expected.BLOCKER.map((id) => open.get(id)!.receiptNo).sort());
  });

  it('refuses a severity that is not one (GraphQL\'s enum)', async () => {
    const res = await server.gql(`query { applications(filter: { checkSeverity: [FATAL] }) { totalCount } }`, {}, reviewer);
    expect(res.errors?.[0]?.message).toMatch(/CheckSeverity/);
  });
});

describe('the check-summary job', () => {
  it('refreshes an application whose version moved after its refresh, and nothing else', async () => {
    await run();
    const { assignApplication } = await gql(`mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { version } }`, { id: warning.id, v: warning.version });
    expect(assignApplication.version).toBeGreaterThan(warning.version);
    expect(await run()).toEqual({ refreshed: 1, removed: 0 });
    const row = (await rowsOf()).find((r) => r.application_id === warning.id)!;
    expect(row).toMatchObject({ version: assignApplication.version, severity: 'WARNING', as_of: today() });
    expect(await run()).toEqual({ refreshed: 0, removed: 0 });
  });

  it('a closed application leaves the filter at once and its row goes with the next run', async () => {
    const { cancelApplication } = await gql(`mutation($id: ID!, $v: Int!) { cancelApplication(id: $id, reason: "お客様のご依頼により", expectedVersion: $v) { status } }`,
      { id: blocker.id, v: blocker.version }, supervisor);
    expect(cancelApplication.status).toBe('CANCELLED');
    expect(await listed(['BLOCKER'])).not.toContain(blocker.id);
    expect((await run()).removed).toBe(1);
    expect((await rowsOf()).map((r) => r.application_id)).not.toContain(blocker.id);
  });

  it('a second open application of the same office is listed and the first one\'s row is refreshed with it (sibling check); closing it refreshes the first again', async () => {
    const office = await given(server).office();
    const first = await given(server).application({ kind: 'CHANGE', officeCode: office.code });
    await run();
    const before = (await heaviestOfOpen()).get(first.id)!.severity;
    expect(await listed(['WARNING'])).toEqual(idsWith(await heaviestOfOpen(), ['WARNING']));

    const second = await given(server).application({ kind: 'CHANGE', officeCode: office.code });
    expect((await run()).refreshed).toBe(2); // the new one, and the first one whose sibling finding it changes
    const withSibling = await heaviestOfOpen();
    expect(withSibling.get(first.id)!.severity).toBe('WARNING');
    expect(await listed(['WARNING'])).toEqual(idsWith(withSibling, ['WARNING']));
    expect(await listed(['WARNING'])).toEqual(expect.arrayContaining([first.id, second.id]));

    await gql(`mutation($id: ID!, $v: Int!) { cancelApplication(id: $id, reason: "重複した申込のため", expectedVersion: $v) { status } }`, { id: second.id, v: second.version }, supervisor);
    expect(await run()).toEqual({ refreshed: 1, removed: 1 });
    const after = await heaviestOfOpen();
    expect(after.get(first.id)!.severity).toBe(before);
    for (const s of ['BLOCKER', 'WARNING', 'INFO'] as const) expect(await listed([s]), s).toEqual(idsWith(after, [s]));
  });

  it('a day later every open application is recomputed for the new date (the same statements as for one application), and the filter follows the checks as of that date', async () => {
    expect((await run()).refreshed).toBe(0);
    await given(server).application();
    const statementsOf = async (refreshed: number) => {
      const before = jobStatements;
      expect(await run()).toEqual({ refreshed, removed: 0 });
      return jobStatements - before;
    };
    const forOne = await statementsOf(1);
    const dayBefore = today();
    shift += DAY_MS;
    await signIn();
    expect(today() > dayBefore).toBe(true);
    const open = await heaviestOfOpen();
    expect(open.size).toBeGreaterThan(50);
    expect(await statementsOf(open.size)).toBe(forOne);
    const rows = await rowsOf();
    expect(rows.length).toBe(open.size);
    for (const r of rows) expect(r).toMatchObject({ as_of: today(), version: open.get(r.application_id)!.version });
    for (const s of ['BLOCKER', 'WARNING', 'INFO'] as const) expect(await listed([s]), s).toEqual(idsWith(open, [s]));
  });

  it('two runs at once (two processes) refresh each due application once, without errors', async () => {
    shift += DAY_MS;
    await signIn();
    const open = await heaviestOfOpen();
    const [a, b] = await Promise.all([run({ batch: 7 }), run({ batch: 7 }, server.orm)]);
    expect(a.refreshed + b.refreshed).toBe(open.size);
    expect(a.removed + b.removed).toBe(0);
    const rows = await rowsOf();
    expect(new Set(rows.map((r) => r.application_id)).size).toBe(open.size);
    for (const r of rows) expect(r).toMatchObject({ as_of: today(), version: open.get(r.application_id)!.version });
    expect(await run()).toEqual({ refreshed: 0, removed: 0 });
    for (const s of ['BLOCKER', 'WARNING'] as const) expect(await listed([s]), s).toEqual(idsWith(open, [s]));
  });
});
