// The queue by urgency (issue 20 ④): 営業日 to the desired start date on the server's calendar, days waiting since
// 受付 or the customer's 再申込, and the 利用開始希望日 filter — on the read path and the entity path alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';
import { addBusinessDays, addDays, subtractBusinessDays } from '../calendar/businessDays.js';
import { CalendarService } from '../calendar/CalendarService.js';
import { todayInJapan } from '../common/dates.js';
import { applicantKonsai } from './intake/fixtures.js';
import { DEMO_NSS_PORTAL_KEY } from '../staff/apiKeys.js';

let server: TestServer;
let reviewer: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const today = () => todayInJapan(server.clock.now());

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await server.login('reviewer@example.jp');
});
afterAll(async () => server?.close());

const URGENCY = 'id businessDaysToStart daysWaiting waitingSince desiredStartDate receivedAt';
const one = async (id: string, fields: string) => {
  const res = await server.gql(`query($id: ID) { application(id: $id) { ${fields} } }`, { id }, reviewer);
  expect(res.errors).toBeUndefined();
  return res.data!.application;
};
/** Both paths: the read path, and the entity path (a directive leaves the selection to it). */
const both = async (id: string) => {
  const read = await one(id, URGENCY);
  const entities = await one(id, `__typename @include(if: true) ${URGENCY}`);
  expect({ ...entities, __typename: undefined }).toEqual({ ...read, __typename: undefined });
  return read;
};

describe('営業日 to the desired start date (the calendar with the admin closure days)', () => {
  it('is n on the n-th business day ahead, 0 on the day, negative once passed (overdue)', async () => {
    const closures = await new CalendarService(server.orm.em.fork()).closureSet();
    const app = await given(server).application({ status: 'IN_REVIEW' });
    for (const [desired, expected] of [
      [addBusinessDays(today(), 7, closures), 7],
      [addBusinessDays(today(), 0, closures), 0],
      [subtractBusinessDays(today(), 3, closures), -3],
    ] as const) {
      // The day itself is 0 only when today is a business day; the first business day on or after today is 0 then.
      await sql('update application set desired_start_date = ? where id = ?', [desired, app.id]);
      const read = await both(app.id);
      expect(read.desiredStartDate).toBe(desired);
      if (desired === today() || expected !== 0) expect(read.businessDaysToStart, desired).toBe(expected);
      else expect(read.businessDaysToStart).toBeGreaterThanOrEqual(0);
    }
    await sql('update application set desired_start_date = null where id = ?', [app.id]);
    expect((await both(app.id)).businessDaysToStart).toBeNull();
  });
});

describe('days waiting since 受付, or since the customer\'s 再申込', () => {
  it('counts calendar days from 受付, and starts again from a 再申込', async () => {
    const app = await given(server).application({ kind: 'CHANGE', status: 'RETURNED' });
    const received = new Date(server.clock.now().getTime() - 10 * 86_400_000);
    await sql('update application set received_at = ? where id = ?', [received, app.id]);
    const before = await both(app.id);
    expect(before.daysWaiting).toBe(10);
    expect(before.waitingSince).toBe(received.toISOString());
    const res = await server.gql(`mutation($id: ID!, $i: ResubmissionInput!, $v: Int!) { resubmitApplication(id: $id, input: $i, expectedVersion: $v) { id } }`, {
      id: app.id, v: app.version,
      i: { changeApplication: { changeItems: ['PLAN'], plan: 'B', applicant: applicantKonsai, reason: '料金プランを見直すため。', desiredStartDate: addBusinessDays(today(), 20) } },
    }, DEMO_NSS_PORTAL_KEY);
    expect(res.errors).toBeUndefined();
    const after = await both(app.id);
    expect(after.daysWaiting).toBe(0);
    expect(Date.parse(after.waitingSince)).toBeGreaterThan(received.getTime());
    expect(after.receivedAt).toBe(received.toISOString());
  });
});

describe('the 利用開始希望日 filter', () => {
  it('lists exactly the applications desired from … to … (both days included), as count(*) says', async () => {
    const from = addDays(today(), -30);
    const to = addDays(today(), 30);
    const res = await server.gql(`query($f: ApplicationFilter) { applications(filter: $f, limit: 100) { totalCount items { receiptNo desiredStartDate } } }`,
      { f: { queue: 'ALL', desiredStartFrom: from, desiredStartTo: to } }, reviewer);
    expect(res.errors).toBeUndefined();
    const truth = await sql<{ receipt_no: string }>('select receipt_no from application where desired_start_date between ? and ?', [from, to]);
    expect(truth.length).toBeGreaterThan(0);
    expect(res.data!.applications.totalCount).toBe(truth.length);
    const expected = new Set(truth.map((r) => r.receipt_no));
    expect(res.data!.applications.items).toHaveLength(Math.min(100, truth.length));
    for (const a of res.data!.applications.items) expect(expected.has(a.receiptNo), a.receiptNo).toBe(true);
    for (const a of res.data!.applications.items) expect(a.desiredStartDate >= from && a.desiredStartDate <= to).toBe(true);
  });

  it('refuses a malformed date naming the field, in Japanese', async () => {
    const res = await server.gql(`{ applications(filter: { desiredStartTo: "2026-02-30" }) { totalCount } }`, {}, reviewer);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'filter.desiredStartTo', message: expect.stringContaining('利用開始希望日') }] });
  });

  it('期限が近い sorted by deadline: open applications, the earliest desired start date first', async () => {
    const res = await server.gql(`{ applications(filter: { queue: DUE_SOON }, sort: { field: DESIRED_START_DATE, order: ASC }, limit: 100) { items { desiredStartDate businessDaysToStart status } } }`, {}, reviewer);
    expect(res.errors).toBeUndefined();
    const items = res.data!.applications.items as Array<{ desiredStartDate: string; businessDaysToStart: number }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((a) => a.desiredStartDate)).toEqual([...items.map((a) => a.desiredStartDate)].sort());
    // Within the horizon (5 business days) or overdue, and ordered the same by 営業日.
    for (const a of items) expect(a.businessDaysToStart).toBeLessThanOrEqual(5);
    expect(items.map((a) => a.businessDaysToStart)).toEqual([...items.map((a) => a.businessDaysToStart)].sort((x, y) => x - y));
  });
});

describe('the list by ids (the console reads the automatic checks of the rows it shows)', () => {
  it('lists exactly the named applications, with the checkSummary each one\'s own checks give', async () => {
    const ids = (await sql<{ id: string }>(`select id from application where status in ('RECEIVED', 'IN_REVIEW', 'RETURNED') order by received_at limit 25`)).map((r) => r.id);
    const res = await server.gql(`query($f: ApplicationFilter) { applications(filter: $f, limit: 100) { totalCount items { id checkSummary { blocker warning info } } } }`, { f: { ids } }, reviewer);
    expect(res.errors).toBeUndefined();
    expect(res.data!.applications.totalCount).toBe(ids.length);
    expect(new Set(res.data!.applications.items.map((a: { id: string }) => a.id))).toEqual(new Set(ids));
    for (const item of res.data!.applications.items.slice(0, 5)) {
      const { checks } = await one(item.id, 'checks { severity }');
      const count = (s: string) => checks.filter((c: { severity: string }) => c.severity === s).length;
      expect(item.checkSummary).toEqual({ blocker: count('BLOCKER'), warning: count('WARNING'), info: count('INFO') });
    }
  });

  it('refuses more ids than a page (BAD_USER_INPUT on filter.ids) and a malformed id', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const res = await server.gql(`query($f: ApplicationFilter) { applications(filter: $f) { totalCount } }`, { f: { ids: many } }, reviewer);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'filter.ids' }] });
    const bad = await server.gql(`query($f: ApplicationFilter) { applications(filter: $f) { totalCount } }`, { f: { ids: ['nope'] } }, reviewer);
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
