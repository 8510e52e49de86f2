// The reviewers' dashboard (issue 19 ①): every figure checked against counts of its own on the test data — SQL for the
// counts, the approve dialog's own answer (approvalPreview) for the lead-time minimum and the システム設定申込締切日 —
// and figures that move when a reviewer takes and approves an application.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/server.js';
import { given } from '../../testing/given.js';
import { addBusinessDays, addDays, type ClosureSet } from '../../calendar/businessDays.js';
import { horizonClosures } from '../../calendar/CalendarService.js';
import { todayInJapan } from '../../common/dates.js';
import { DEMO_NSS_PORTAL_KEY } from '../../staff/apiKeys.js';
import { RETURNED_WAITING_DAYS } from './DashboardService.js';

let server: TestServer;
let reviewer: string;
let closures: ClosureSet;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const today = () => todayInJapan(server.clock.now());
const OPEN = `('RECEIVED', 'IN_REVIEW', 'RETURNED')`;
const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

const DASHBOARD = `{ reviewDashboard {
  asOf today
  queueCounts { unassigned mine returned dueSoon all }
  receivedAge { label from to count }
  startAge { label from to count }
  breaches { insideLeadTime systemSettingsDeadline returnedWaiting returnedWaitingDays }
  workload { staffId name open assignedToday approvedThisWeek }
  throughput { weekStart new change termination }
  oldestUnassigned { id receiptNo receivedAt status assignee { id } }
} }`;

async function dashboard(token = reviewer) {
  const res = await server.gql(DASHBOARD, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data!.reviewDashboard;
}

/** count(*) of open applications under `where` (alias a). */
const openCount = async (where: string, params: unknown[] = []) =>
  Number((await sql<{ n: number }>(`select count(*)::int as n from application a where a.status in ${OPEN} and ${where}`, params))[0]!.n);

const jstDay = `(a.received_at at time zone 'Asia/Tokyo')::date`;
const monday = (iso: string) => addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await server.login('reviewer@example.jp');
  // Some of every shape the figures read, beside the demo data: old, returned long ago, due, assigned today.
  const g = given(server);
  const returned = await g.application({ kind: 'CHANGE', status: 'RETURNED' });
  await sql(`update application set received_at = received_at - interval '40 days' where id = ?`, [returned.id]);
  const late = await g.application({ kind: 'CHANGE', status: 'RETURNED' });
  await sql(`update application set received_at = ? where id = ?`, [new Date(server.clock.now().getTime() - 30 * 86_400_000), late.id]);
  const due = await g.application({ status: 'RECEIVED' });
  await sql(`update application set desired_start_date = ? where id = ?`, [addBusinessDays(today(), 1), due.id]);
  await g.application({ status: 'IN_REVIEW' });
  closures = await horizonClosures(server.orm.em.fork(), server.clock.now().getTime());
});
afterAll(async () => server?.close());

describe('reviewDashboard', () => {
  it('is computed now, for today in Japan, with the same queue counts as reviewQueueCounts', async () => {
    const before = server.clock.now().getTime();
    const d = await dashboard();
    const after = server.clock.now().getTime();
    expect(d.today).toBe(today());
    // Stamped by the server's clock while the request ran.
    expect(Date.parse(d.asOf)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(d.asOf)).toBeLessThanOrEqual(after);
    const counts = await server.gql('{ reviewQueueCounts { unassigned mine returned dueSoon all } }', {}, reviewer);
    expect(d.queueCounts).toEqual(counts.data!.reviewQueueCounts);
    expect(d.queueCounts.all).toBe(Number((await sql('select count(*)::int as n from application'))[0]!.n));
    expect(d.queueCounts.unassigned).toBe(await openCount(`a.status <> 'RETURNED' and a.assignee_id is null`));
  });

  it('ages since 受付: calendar days in Japan, as SQL counts them', async () => {
    const d = await dashboard();
    const age = `(?::date - ${jstDay})`;
    expect(d.receivedAge).toEqual([
      { label: '0〜2日', from: 0, to: 2, count: await openCount(`${age} <= 2`, [today()]) },
      { label: '3〜5日', from: 3, to: 5, count: await openCount(`${age} between 3 and 5`, [today()]) },
      { label: '6〜10日', from: 6, to: 10, count: await openCount(`${age} between 6 and 10`, [today()]) },
      { label: '11〜20日', from: 11, to: 20, count: await openCount(`${age} between 11 and 20`, [today()]) },
      { label: '21日以上', from: 21, to: null, count: await openCount(`${age} >= 21`, [today()]) },
    ]);
    expect(d.receivedAge.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(await openCount('true'));
    expect(d.receivedAge.at(-1).count).toBeGreaterThan(0);
  });

  it('business days to the desired start date: the n-th business day ahead opens each bucket', async () => {
    const d = await dashboard();
    const bd = (n: number) => addBusinessDays(today(), n, closures);
    expect(d.startAge).toEqual([
      { label: '期限超過', from: null, to: -1, count: await openCount('a.desired_start_date < ?', [today()]) },
      { label: '0〜5営業日', from: 0, to: 5, count: await openCount('a.desired_start_date >= ? and a.desired_start_date < ?', [today(), bd(6)]) },
      { label: '6〜10営業日', from: 6, to: 10, count: await openCount('a.desired_start_date >= ? and a.desired_start_date < ?', [bd(6), bd(11)]) },
      { label: '11〜20営業日', from: 11, to: 20, count: await openCount('a.desired_start_date >= ? and a.desired_start_date < ?', [bd(11), bd(21)]) },
      { label: '21営業日以上', from: 21, to: null, count: await openCount('a.desired_start_date >= ?', [bd(21)]) },
    ]);
    expect(d.startAge[1].count).toBeGreaterThan(0);
  });

  it('breaches: the approve dialog\'s minimum and システム設定申込締切日, and 確認事項あり waiting over N days', async () => {
    const d = await dashboard();
    expect(d.breaches.returnedWaitingDays).toBe(RETURNED_WAITING_DAYS);
    // Each open application asked of the approval guard itself: its minimum, and the deadline of its desired date.
    const open = await sql<{ id: string; kind: string; desired: string }>(
      `select a.id, a.kind, to_char(a.desired_start_date, 'YYYY-MM-DD') as desired from application a where a.status in ${OPEN} and a.desired_start_date is not null`);
    let inside = 0;
    let deadline = 0;
    const soon = addBusinessDays(today(), 3, closures);
    for (const a of open) {
      const res = await server.gql('query($id: ID!, $d: String!) { approvalPreview(applicationId: $id, startDate: $d) { minimumStartDate systemSettingsDeadline } }', { id: a.id, d: a.desired }, reviewer);
      expect(res.errors).toBeUndefined();
      const preview = res.data!.approvalPreview;
      if (a.desired < preview.minimumStartDate) inside++;
      if (a.kind === 'NEW') expect(preview.systemSettingsDeadline).toBeTruthy();
      if (preview.systemSettingsDeadline && preview.systemSettingsDeadline < soon) deadline++;
    }
    expect(d.breaches.insideLeadTime).toBe(inside);
    expect(d.breaches.systemSettingsDeadline).toBe(deadline);
    expect(inside).toBeGreaterThan(0);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from application a where a.status = 'RETURNED'
      and ?::date - (select max(h.at) from application_history h where h.application_id = a.id and h.action = 'RETURN') at time zone 'Asia/Tokyo' > ?`,
    [today(), `${RETURNED_WAITING_DAYS} days`]) as [{ n: number }];
    expect(d.breaches.returnedWaiting).toBe(n);
  });

  it('workload: every active reviewer and supervisor, even with zeros, busiest first', async () => {
    const d = await dashboard();
    const staff = await sql<{ id: string; name: string; open: number; assigned: number; approved: number }>(`
      select s.id, s.name,
        (select count(*)::int from application a where a.assignee_id = s.id and a.status in ${OPEN}) as open,
        (select count(*)::int from application a where a.assignee_id = s.id and exists (select 1 from application_history h
          where h.application_id = a.id and h.action = 'ASSIGN' and h.at >= ?::timestamptz)) as assigned,
        (select count(*)::int from application_history h where h.actor_id = s.id and h.action = 'APPROVE' and h.at >= ?::timestamptz) as approved
      from staff s where s.active and ('REVIEWER' = any(s.roles) or 'SUPERVISOR' = any(s.roles))`,
    [`${today()}T00:00:00+09:00`, `${monday(today())}T00:00:00+09:00`]);
    expect(staff.length).toBeGreaterThan(1);
    expect([...d.workload].sort((x: { staffId: string }, y: { staffId: string }) => x.staffId.localeCompare(y.staffId)))
      .toEqual(staff.map((s) => ({ staffId: s.id, name: s.name, open: s.open, assignedToday: s.assigned, approvedThisWeek: s.approved }))
        .sort((x, y) => x.staffId.localeCompare(y.staffId)));
    const opens = d.workload.map((w: { open: number }) => w.open);
    expect(opens).toEqual([...opens].sort((x, y) => y - x));
    expect(d.workload.some((w: { assignedToday: number }) => w.assignedToday > 0)).toBe(true);
  });

  it('throughput: 12 weeks from Monday, the current week last, approvals by kind as the history counts them', async () => {
    const d = await dashboard();
    const thisWeek = monday(today());
    expect(d.throughput.map((w: { weekStart: string }) => w.weekStart)).toEqual(Array.from({ length: 12 }, (_, i) => addDays(thisWeek, 7 * (i - 11))));
    const rows = await sql<{ week: string; new: number; change: number; termination: number }>(`
      select to_char(date_trunc('week', h.at at time zone 'Asia/Tokyo'), 'YYYY-MM-DD') as week,
        count(*) filter (where a.kind = 'NEW')::int as new,
        count(*) filter (where a.kind in ('CHANGE', 'CUSTOMS_OFFICER'))::int as change,
        count(*) filter (where a.kind = 'TERMINATION')::int as termination
      from application_history h join application a on a.id = h.application_id
      where h.action = 'APPROVE' and h.at >= ?::timestamptz group by 1`, [`${addDays(thisWeek, -77)}T00:00:00+09:00`]);
    const byWeek = new Map(rows.map((r) => [r.week, r]));
    for (const w of d.throughput) {
      const r = byWeek.get(w.weekStart);
      expect(w, w.weekStart).toEqual({ weekStart: w.weekStart, new: r?.new ?? 0, change: r?.change ?? 0, termination: r?.termination ?? 0 });
    }
  });

  it('oldest unassigned: the 10 first of the 未割当 queue by 受付, as the Application type', async () => {
    const d = await dashboard();
    const rows = await sql<{ receipt_no: string }>(`select receipt_no from application where status in ('RECEIVED', 'IN_REVIEW') and assignee_id is null
      order by received_at, receipt_no limit 10`);
    expect(rows.length).toBeGreaterThan(0);
    expect(d.oldestUnassigned.map((a: { receiptNo: string }) => a.receiptNo)).toEqual(rows.map((r) => r.receipt_no));
    for (const a of d.oldestUnassigned) expect(a.assignee).toBeNull();
  });

  it('moves when a reviewer takes the oldest and approves it: queue, workload and this week\'s throughput', async () => {
    // A change application received before any other: the oldest of the 未割当 queue.
    const app = await given(server).application({ kind: 'CHANGE', status: 'RECEIVED' });
    await sql(`update application set received_at = (select min(received_at) from application) - interval '1 day' where id = ?`, [app.id]);
    const before = await dashboard();
    const me = (await server.gql('{ me { id } }', {}, reviewer)).data!.me.id as string;
    const mine = (d: typeof before) => d.workload.find((w: { staffId: string }) => w.staffId === me);
    const oldest = before.oldestUnassigned[0];
    expect(oldest.id).toBe(app.id);
    const { version } = app;
    const taken = await server.gql('mutation($id: ID!, $v: Int!) { assignApplication(id: $id, expectedVersion: $v) { version } }', { id: oldest.id, v: version }, reviewer);
    expect(taken.errors).toBeUndefined();
    const start = addBusinessDays(today(), 70, closures);
    const approved = await server.gql('mutation($id: ID!, $d: String!, $v: Int!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v, overrideReason: "テスト") { status } }',
      { id: oldest.id, d: start, v: taken.data!.assignApplication.version }, reviewer);
    expect(approved.errors).toBeUndefined();
    const after = await dashboard();
    expect(after.queueCounts.unassigned).toBe(before.queueCounts.unassigned - 1);
    expect(after.oldestUnassigned.map((a: { id: string }) => a.id)).not.toContain(oldest.id);
    expect(mine(after).approvedThisWeek).toBe(mine(before).approvedThisWeek + 1);
    expect(mine(after).assignedToday).toBe(mine(before).assignedToday + 1);
    expect(after.throughput.at(-1)).toEqual({ ...before.throughput.at(-1), change: before.throughput.at(-1).change + 1 });
    expect(mine(after).open).toBe(mine(before).open);
    expect(after.throughput.slice(0, -1)).toEqual(before.throughput.slice(0, -1));
  });

  it('takes a handful of statements, however many applications', async () => {
    await dashboard();
    const from = server.queries();
    await dashboard();
    // Queue counts, open applications, people and weeks, the oldest page — and the approval guard's calendar (the
    // queue's own calendar is read at most every 30 s).
    expect(server.queries() - from).toBeLessThanOrEqual(5);
  });
});

describe('who may read the dashboard', () => {
  it('refuses a call without a token (UNAUTHENTICATED)', async () => {
    const res = await server.gql('{ reviewDashboard { today } }');
    expect(code(res)).toBe('UNAUTHENTICATED');
    expect(res.data?.reviewDashboard ?? null).toBeNull();
  });

  it('answers the support desk and an unlimited integrator key, and refuses a key limited to some companies', async () => {
    const support = await server.login('support@example.jp');
    expect((await dashboard(support)).today).toBe(today());
    expect((await dashboard(DEMO_NSS_PORTAL_KEY)).today).toBe(today());
    const admin = await server.login('admin@example.jp');
    const [company] = await sql<{ abbreviation: string }>('select abbreviation from company where abbreviation is not null order by abbreviation limit 1');
    const created = await server.gql('mutation($c: [String!]) { createApiKey(name: "限定キー", companies: $c) { secret } }', { c: [company!.abbreviation] }, admin);
    expect(created.errors).toBeUndefined();
    const res = await server.gql('{ reviewDashboard { today workload { name } } }', {}, created.data!.createApiKey.secret);
    expect(code(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toContain('ダッシュボード');
  });
});
