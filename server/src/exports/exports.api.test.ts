// CSV exports over HTTP (exports/routes.ts) against the real server and database: the file Excel and integrators get
// (BOM, Japanese header, CRLF, RFC 4180 quoting, formulas neutralised), exactly the GraphQL list's rows in its order for
// the same filter, the lists' own authorization, parameters validated like the GraphQL filter, and the audit entry.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../common/dates.js';
import { addDays } from '../calendar/businessDays.js';
import { given } from '../testing/given.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { csvField, csvLine } from './csv.js';

let server: TestServer;
const tokens: Record<'admin' | 'supervisor' | 'reviewer' | 'support', string> = { admin: '', supervisor: '', reviewer: '', support: '' };

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field || record.length) throw new Error(`unterminated record: ${JSON.stringify(record)} ${field}`);
  return records;
}

async function download(path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: bytes.toString('utf8') };
}

/** The records of an export after its BOM (the header first). */
async function csv(path: string, token: string): Promise<string[][]> {
  const { res, bytes } = await download(path, token);
  expect(res.status, bytes.toString('utf8')).toBe(200);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

/** Every page of a GraphQL list (100 a page): its items' `key` and its totalCount. */
async function allPages(query: string, field: string, variables: Record<string, unknown>, token: string, key: (item: any) => string) {
  const keys: string[] = [];
  let total = 0;
  for (let offset = 0; offset === 0 || offset < total; offset += 100) {
    const res = await server.gql(query, { ...variables, offset }, token);
    expect(res.errors).toBeUndefined();
    total = res.data![field].totalCount;
    keys.push(...res.data![field].items.map(key));
  }
  return { keys, total };
}

const APPLICATIONS = `query($filter: ApplicationFilter, $sort: ApplicationSort, $offset: Int) {
  applications(filter: $filter, sort: $sort, offset: $offset, limit: 100) { totalCount items { receiptNo } } }`;

async function apiKey(name: string, scopes: string): Promise<string> {
  const res = await server.gql(`mutation($n: String!) { createApiKey(name: $n, scopes: ${scopes}) { secret } }`, { n: name }, tokens.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createApiKey.secret;
}

/** Reviewer 「審査, "花子"」 (a comma and quotes in her name, as the admin typed it) with an application of her own. */
const QUOTED_NAME = '審査, "花子"';
let quotedReceiptNo: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(tokens) as Array<keyof typeof tokens>) tokens[role] = await server.login(`${role}@example.jp`);
  const created = await server.gql(`mutation($i: StaffInput!) { createStaff(input: $i) { id } }`,
    { i: { email: 'quoted-reviewer@example.jp', name: QUOTED_NAME, roles: ['REVIEWER'], password: 'quoted-reviewer-1' } }, tokens.admin);
  expect(created.errors).toBeUndefined();
  quotedReceiptNo = (await given(server).application({ status: 'IN_REVIEW', assignee: 'quoted-reviewer@example.jp' })).receiptNo;
});
afterAll(async () => server?.close());

describe('the CSV writer', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and neutralises formulas with an apostrophe', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('1行目\n2行目')).toBe('"1行目\n2行目"');
    expect(csvField('plain 日本語')).toBe('plain 日本語');
    for (const formula of ['=1+2', '+81', '-2+3', '@SUM(A1)', '\t=1']) expect(csvField(formula)).toBe(`'${formula}`);
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvField(null)).toBe('');
    expect(csvLine(['a', 1, undefined])).toBe('a,1,\r\n');
  });
});

describe('GET /exports/applications.csv', () => {
  it('is the list for the same filter and sort — every page, the same rows in the same order — with a Japanese header', async () => {
    const filter = { queue: 'ALL', status: ['IN_REVIEW', 'RETURNED', 'APPROVED'] };
    const sort = { field: 'RECEIPT_NO', order: 'ASC' };
    const list = await allPages(APPLICATIONS, 'applications', { filter, sort }, tokens.support, (a) => a.receiptNo);
    expect(list.total).toBeGreaterThan(100); // more than one page of the GraphQL list
    const records = await csv('/exports/applications.csv?queue=ALL&status=IN_REVIEW,RETURNED&status=APPROVED&sort=RECEIPT_NO&order=ASC', tokens.support);
    expect(records[0]).toEqual(['申込受付番号', '申込種別', '状態', '企業名', '事業所コード', '事業所名', '審査担当', '申込日時', '利用開始希望日', '利用開始日']);
    expect(records.length - 1).toBe(list.total);
    expect(records.slice(1).map((r) => r[0])).toEqual(list.keys);
    expect(new Set(records.slice(1).map((r) => r[2]))).toEqual(new Set(['審査中', '確認事項あり', '審査終了']));
    // Japanese intact after the BOM: a company name of the demo, as GraphQL gives it.
    const first = await server.gql('query($r: String!) { application(receiptNo: $r) { companyName receivedAt } }', { r: list.keys[0] }, tokens.support);
    expect(records[1]![3]).toBe(first.data!.application.companyName);
    expect(records[1]![3]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('follows the queue tabs that depend on the caller and today (自分の担当, 期限が近い) and the default order', async () => {
    for (const queue of ['MINE', 'DUE_SOON', 'UNASSIGNED']) {
      const list = await allPages(APPLICATIONS, 'applications', { filter: { queue } }, tokens.reviewer, (a) => a.receiptNo);
      const records = await csv(`/exports/applications.csv?queue=${queue}`, tokens.reviewer);
      expect(records.slice(1).map((r) => r[0]), queue).toEqual(list.keys);
    }
  });

  it('takes the 利用開始希望日 range of the list (desiredStartFrom, desiredStartTo) and the 期限が近い order', async () => {
    const today = todayInJapan(server.clock.now());
    const filter = { queue: 'ALL', desiredStartFrom: addDays(today, -60), desiredStartTo: addDays(today, 60) };
    const sort = { field: 'DESIRED_START_DATE', order: 'ASC' };
    const list = await allPages(APPLICATIONS, 'applications', { filter, sort }, tokens.reviewer, (a) => a.receiptNo);
    expect(list.total).toBeGreaterThan(0);
    const records = await csv(`/exports/applications.csv?queue=ALL&desiredStartFrom=${filter.desiredStartFrom}&desiredStartTo=${filter.desiredStartTo}&sort=DESIRED_START_DATE&order=ASC`, tokens.reviewer);
    expect(records.slice(1).map((r) => r[0])).toEqual(list.keys);
  });

  it('quotes a value with a comma and quotes (a reviewer named 審査, "花子"), read back whole', async () => {
    const { text } = await download(`/exports/applications.csv?q=${quotedReceiptNo}`, tokens.supervisor);
    expect(text).toContain(`${quotedReceiptNo},`);
    expect(text).toContain('"審査, ""花子"""');
    const records = parseCsv(text.slice(1));
    expect(records).toHaveLength(2);
    expect(records[1]![0]).toBe(quotedReceiptNo);
    expect(records[1]![6]).toBe(QUOTED_NAME);
    expect(records[1]![2]).toBe('審査中');
  });

  it('answers with a dated file name (the server clock, RFC 5987), no caching, CRLF lines', async () => {
    const { res, text } = await download('/exports/applications.csv?status=APPROVED', tokens.support);
    const day = todayInJapan(server.clock.now()).replace(/-/g, '');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="applications_${day}.csv"; filename*=UTF-8''${encodeURIComponent(`利用申込一覧_${day}.csv`)}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Records end with CRLF; no bare line feed outside a quoted field (the demo's values hold none).
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('the other lists', () => {
  it('offices: the list for the same filter, in its order', async () => {
    const query = `query($filter: OfficeFilter, $offset: Int) { offices(filter: $filter, offset: $offset, limit: 100) { totalCount items { id code profile { name } } } }`;
    const list = await allPages(query, 'offices', { filter: { status: ['ACTIVE'] } }, tokens.support, (o) => `${o.code}|${o.profile?.name ?? ''}`);
    expect(list.total).toBeGreaterThan(0);
    const records = await csv('/exports/offices.csv?status=ACTIVE', tokens.support);
    expect(records[0]![0]).toBe('事業所コード');
    expect(records.slice(1).map((r) => `${r[0]}|${r[2]}`)).toEqual(list.keys);
    expect(new Set(records.slice(1).map((r) => r[3]))).toEqual(new Set(['利用中']));
  });

  it('送信ログ: the list for the same filter, in its order', async () => {
    const query = `query($filter: OutboundEmailFilter, $offset: Int) { outboundEmails(filter: $filter, offset: $offset, limit: 100) { totalCount items { subject createdAt } } }`;
    const list = await allPages(query, 'outboundEmails', { filter: { status: ['SENT', 'PENDING'] } }, tokens.reviewer, (m) => m.subject);
    expect(list.total).toBeGreaterThan(0);
    const records = await csv('/exports/emails.csv?status=SENT,PENDING', tokens.reviewer);
    expect(records[0]!.slice(0, 3)).toEqual(['作成日時', '宛先', '件名']);
    expect(records.slice(1).map((r) => r[2])).toEqual(list.keys);
  });

  it('監査ログ: a formula in a value (an API key named =HYPERLINK(…)) is neutralised with an apostrophe', async () => {
    const formula = '=HYPERLINK("https://example.com","開く")';
    await apiKey(formula, '[READ]');
    const records = await csv('/exports/audit-log.csv?actions=API_KEY_CREATE', tokens.admin);
    expect(records[0]).toEqual(['日時', '操作', '職員', 'APIキー', '対象', '詳細', 'IPアドレス']);
    const row = records.find((r) => r[4]!.includes('HYPERLINK'))!;
    expect(row[4]).toBe(`'${formula}`);
    expect(row[1]).toBe('API_KEY_CREATE');
    const list = await server.gql('{ auditLog(filter: { actions: [API_KEY_CREATE] }, limit: 100) { totalCount } }', {}, tokens.admin);
    expect(records.length - 1).toBe(list.data!.auditLog.totalCount);
  });

  it('every export is in the audit log: who, which list, the filter and the row count', async () => {
    const records = await csv('/exports/offices.csv?q=%E6%A0%AA%E5%BC%8F', tokens.support);
    // Written once the last row has gone out (with the count), so a moment after the client has the file.
    let entry: Record<string, string> | undefined;
    for (let i = 0; i < 50 && entry?.target !== 'offices'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      const log = await server.gql('{ auditLog(filter: { actions: [CSV_EXPORT] }, limit: 1) { items { action staffName target detail } } }', {}, tokens.admin);
      entry = log.data!.auditLog.items[0];
    }
    expect(entry).toMatchObject({ action: 'CSV_EXPORT', target: 'offices' });
    expect(entry!.staffName).toBe('支援 三郎');
    expect(entry!.detail).toContain(`${records.length - 1}件`);
    expect(entry!.detail).toContain('"q":"株式"');
  });
});

describe('authorization: the GraphQL lists\' own', () => {
  it('no token is 401; a role the list refuses is 403 (監査ログ is the admin\'s, 送信ログ not the integrators\')', async () => {
    const none = await download('/exports/applications.csv');
    expect(none.res.status).toBe(401);
    expect(JSON.parse(none.text)).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const role of ['support', 'reviewer', 'supervisor'] as const) {
      const refused = await download('/exports/audit-log.csv', tokens[role]);
      expect(refused.res.status, role).toBe(403);
      expect(JSON.parse(refused.text)).toMatchObject({ code: 'FORBIDDEN' });
    }
    const reader = await apiKey('CSVの読み取り', '[READ]');
    expect((await download('/exports/applications.csv', reader)).res.status).toBe(200);
    expect((await download('/exports/emails.csv', reader)).res.status).toBe(403);
    expect((await download('/exports/audit-log.csv', reader)).res.status).toBe(403);
  });

  it('a key limited to a company exports only its applications and offices, as its GraphQL lists show them', async () => {
    const companies = await server.gql('{ offices(filter: { status: [ACTIVE] }, limit: 1) { items { company { abbreviation } } } }', {}, tokens.support);
    const abbreviation = companies.data!.offices.items[0].company.abbreviation as string;
    const limited = await apiKey('集計ツール (一社)', `[READ], companies: ["${abbreviation}"]`);
    const list = await allPages(APPLICATIONS, 'applications', {}, limited, (a) => a.receiptNo);
    const all = await server.gql('{ applications(limit: 1) { totalCount } }', {}, tokens.support);
    expect(list.total).toBeGreaterThan(0);
    expect(list.total).toBeLessThan(all.data!.applications.totalCount);
    expect((await csv('/exports/applications.csv', limited)).slice(1).map((r) => r[0])).toEqual(list.keys);
    const offices = await csv('/exports/offices.csv', limited);
    expect(offices.length).toBeGreaterThan(1);
    for (const row of offices.slice(1)) expect(row[0]!.startsWith(abbreviation) || row[0] === '').toBe(true);
  });

  it('an API key without the list\'s scope (参照) is 403 naming it', async () => {
    const submitter = await apiKey('申込だけ', '[SUBMIT]');
    const refused = await download('/exports/applications.csv', submitter);
    expect(refused.res.status).toBe(403);
    expect(JSON.parse(refused.text).message).toContain('参照');
  });
});

describe('parameters validated like the GraphQL filter: 400 BAD_USER_INPUT naming the parameter', () => {
  const refused = async (query: string, param: string) => {
    const { res, text } = await download(`/exports/applications.csv?${query}`, tokens.support);
    expect(res.status, text).toBe(400);
    const body = JSON.parse(text);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.fieldErrors.map((e: { path: string }) => e.path)).toContain(param);
    expect(body.message).toContain(param === 'receivedFrom' ? '申込日' : param === 'desiredStartTo' ? '利用開始希望日' : param);
    expect(body.message).not.toMatch(/select|stack|at \//i);
  };
  it('an unknown status, queue or sort', async () => {
    await refused('status=RECEIVED,NOPE', 'status');
    await refused('queue=SOMEDAY', 'queue');
    await refused('sort=COMPANY', 'sort');
  });
  it('a malformed date, a non-UUID id, an over-long search, an unknown parameter', async () => {
    await refused('receivedFrom=2026-13-45', 'receivedFrom');
    await refused('desiredStartTo=2026-02-30', 'desiredStartTo');
    await refused('assigneeId=abc', 'assigneeId');
    await refused(`q=${'あ'.repeat(101)}`, 'q');
    await refused('colour=red', 'colour');
  });
  it('an unknown list is 404', async () => {
    const { res } = await download('/exports/staff.csv', tokens.admin);
    expect(res.status).toBe(404);
  });
});
