import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';

let server: TestServer;
let reviewer: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await server.login('reviewer@example.jp');
});
afterAll(async () => server?.close());

const LIST = `query($filter: ApplicationFilter, $sort: ApplicationSort, $offset: Int, $limit: Int) {
  applications(filter: $filter, sort: $sort, offset: $offset, limit: $limit) {
    totalCount
    items { id receiptNo status kind receivedAt desiredStartDate companyName
      office { code company { abbreviation profile { name } } } assignee { name } latestHistory { action version }
      startDateAdvice { leadTimeBusinessDays desiredDateTooSoon } }
  }
}`;

describe('login and me', () => {
  it('signs in a demo account and returns its roles; me answers with the token', async () => {
    const res = await server.gql(`mutation { login(email: "supervisor@example.jp", password: "test-demo-password") { token staff { email roles } } }`);
    expect(res.data?.login.staff).toEqual({ email: 'supervisor@example.jp', roles: ['SUPERVISOR'] });
    const me = await server.gql('{ me { email name roles } }', {}, res.data!.login.token);
    expect(me.data?.me.email).toBe('supervisor@example.jp');
  });

  it('refuses a wrong password with UNAUTHENTICATED and a Japanese message', async () => {
    const res = await server.gql(`mutation { login(email: "reviewer@example.jp", password: "wrong") { token } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/パスワード/);
  });

  it('requires a valid token for every other operation', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const res = await server.gql('{ applications { totalCount } }', {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeNull();
    }
  });
});

describe('applications', () => {
  it('returns a page and the total in one request, newest first by default', async () => {
    const res = await server.gql(LIST, { limit: 10 }, reviewer);
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from application')) as [{ n: string }];
    expect(res.data?.applications.totalCount).toBe(Number(n));
    expect(Number(n)).toBeGreaterThanOrEqual(300);
    const items = res.data!.applications.items;
    expect(items).toHaveLength(10);
    const times = items.map((i: any) => Date.parse(i.receivedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items.every((i: any) => i.latestHistory && i.companyName)).toBe(true);
  });

  it('filters by status and kind and sorts by receipt number ascending', async () => {
    const res = await server.gql(
      LIST,
      { filter: { status: ['APPROVED'], kind: ['CHANGE'] }, sort: { field: 'RECEIPT_NO', order: 'ASC' }, limit: 100 },
      reviewer,
    );
    const [{ n }] = (await sql<{ n: string }>(`select count(*) as n from application where status = 'APPROVED' and kind = 'CHANGE'`)) as [{ n: string }];
    const page = res.data!.applications;
    expect(page.totalCount).toBe(Number(n));
    expect(page.items.every((i: any) => i.status === 'APPROVED' && i.kind === 'CHANGE')).toBe(true);
    const nos = page.items.map((i: any) => i.receiptNo);
    expect([...nos].sort()).toEqual(nos);
  });

  it('finds by receipt-number prefix, office code, and company kana regardless of width and kana type', async () => {
    const [row] = await sql<{ receipt_no: string; code: string; kana: string }>(
      `select a.receipt_no, o.code, c.name_kana as kana from application a join office o on o.id = a.office_id
       join company c on c.id = o.company_id where o.code is not null order by a.received_at limit 1`,
    );
    const byPrefix = await server.gql(LIST, { filter: { q: row!.receipt_no.slice(0, 5) }, limit: 100 }, reviewer);
    expect(byPrefix.data!.applications.items.map((i: any) => i.receiptNo)).toContain(row!.receipt_no);

    const byCode = await server.gql(LIST, { filter: { q: row!.code.toLowerCase() }, limit: 100 }, reviewer);
    expect(byCode.data!.applications.items.every((i: any) => i.office?.code?.startsWith(row!.code) || true)).toBe(true);
    expect(byCode.data!.applications.items.some((i: any) => i.office?.code === row!.code)).toBe(true);

    // Half-width katakana and hiragana forms of the company kana find the same applications.
    const kana = row!.kana.replace(/カブシキガイシャ|ユウゲンガイシャ/g, '').slice(0, 4);
    const hiragana = kana.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
    const halfWidth = kana.normalize('NFKC') === kana ? toHalfWidthKana(kana) : kana;
    const a = await server.gql(LIST, { filter: { q: kana }, limit: 100 }, reviewer);
    const b = await server.gql(LIST, { filter: { q: hiragana }, limit: 100 }, reviewer);
    const c = await server.gql(LIST, { filter: { q: halfWidth }, limit: 100 }, reviewer);
    expect(a.data!.applications.totalCount).toBeGreaterThan(0);
    expect(b.data!.applications.totalCount).toBe(a.data!.applications.totalCount);
    expect(c.data!.applications.totalCount).toBe(a.data!.applications.totalCount);
  });

  it('filters by received date range in Japan time and by assignee', async () => {
    const res = await server.gql(LIST, { filter: { receivedFrom: '2000-01-01', receivedTo: '2000-12-31' } }, reviewer);
    expect(res.data!.applications.totalCount).toBe(0);
    const [staff] = await sql<{ id: string }>(`select id from staff where email = 'reviewer@example.jp'`);
    const mine = await server.gql(LIST, { filter: { assigneeId: staff!.id }, limit: 100 }, reviewer);
    expect(mine.data!.applications.items.every((i: any) => i.assignee?.name)).toBe(true);
  });

  it('opens an application by receipt number (full-width input too) with every section', async () => {
    const [row] = await sql<{ receipt_no: string }>(`select receipt_no from application where kind = 'NEW' and connection = 'GENERAL' and not no_line_required limit 1`);
    const fullWidth = row!.receipt_no.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const res = await server.gql(
      `query($r: String) { application(receiptNo: $r) { receiptNo kind connection applicant { lastName email }
        officeProfile { name manager { lastName } emergencyFaxes } companyProfile { name nameKana }
        userCodes { systemCategory userIds { industries processingMethod identCount } }
        lines { lineType speed maintenance redundancy spareRouter } terminals { terminalType count }
        billing { paymentMethod emails } history { action toStatus version } } }`,
      { r: fullWidth },
      reviewer,
    );
    expect(res.errors).toBeUndefined();
    const app = res.data!.application;
    expect(app.receiptNo).toBe(row!.receipt_no);
    expect(app.connection).toBe('GENERAL');
    expect(app.lines.length).toBeGreaterThan(0);
    expect(app.history[0].action).toBe('SUBMIT');
  });

  it('answers NOT_FOUND for an unknown receipt number and BAD_USER_INPUT naming the argument for a bad page', async () => {
    const missing = await server.gql('{ application(receiptNo: "990000Z") { id } }', {}, reviewer);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.message).toContain('990000Z');
    const bad = await server.gql(LIST, { limit: 1000, offset: -1 }, reviewer);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.fieldErrors.map((e: any) => e.path).sort()).toEqual(['limit', 'offset']);
    const badDate = await server.gql(LIST, { filter: { receivedFrom: '2024-02-30' } }, reviewer);
    expect(badDate.errors?.[0]?.extensions?.fieldErrors[0].path).toBe('filter.receivedFrom');
  });

  it('loads nested fields of a page without N+1: the query count does not grow with the page size', async () => {
    const count = async (limit: number) => {
      const before = server.queries();
      const res = await server.gql(LIST, { limit }, reviewer);
      expect(res.data!.applications.items).toHaveLength(limit);
      return server.queries() - before;
    };
    const small = await count(2);
    const large = await count(50);
    expect(large).toBe(small);
  });
});

describe('errors', () => {
  it('never leak stack traces or SQL', async () => {
    const res = await server.gql('{ application(id: "00000000-0000-0000-0000-00000000000g") { id } }', {}, reviewer);
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/stacktrace|at .*\.ts:|select |insert /i);
  });
});

function toHalfWidthKana(s: string): string {
  const map: Record<string, string> = {};
  const full = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー';
  const half = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ';
  [...full].forEach((ch, i) => (map[ch] = half[i]!));
  const voiced: Record<string, string> = {};
  const dakuten = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
  const base = 'カキクケコサシスセソタチツテトハヒフヘホ';
  [...dakuten].forEach((ch, i) => (voiced[ch] = map[base[i]!]! + 'ﾞ'));
  const handakuten = 'パピプペポ';
  [...handakuten].forEach((ch, i) => (voiced[ch] = map['ハヒフヘホ'[i]!]! + 'ﾟ'));
  return [...s].map((ch) => voiced[ch] ?? map[ch] ?? ch).join('');
}
