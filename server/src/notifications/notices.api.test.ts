import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';
import { DEMO_NSS_PORTAL_KEY } from '../staff/apiKeys.js';
import { NOTICE_TEXT } from './notices.js';

// Issue 16 (customers' view of a pending application): the 新着情報 of a new application not yet approved — its office
// has no 事業所コード yet — reach the portal by 申込受付番号 or by the provisional account, so that
// 「利用申込内容に確認事項があります。」 (seed 001, 新着情報) reaches the customer before approval.

let server: TestServer;
let admin: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const NOTICES = 'query($o: String, $r: String, $p: String) { notices(officeCode: $o, receiptNo: $r, provisionalLoginId: $p) { category message receiptNo } }';
const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

let returned: { receiptNo: string; loginId: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin@example.jp');
  const app = await given(server).application({ status: 'RETURNED' });
  const [row] = await sql<{ login_id: string; code: string | null }>(
    'select p.login_id, o.code from application a join provisional_account p on p.id = a.provisional_account_id join office o on o.id = a.office_id where a.id = ?', [app.id]);
  // The premise: the office of a pending new application has no code, so notices(officeCode) cannot reach it.
  expect(row!.code).toBeNull();
  returned = { receiptNo: app.receiptNo, loginId: row!.login_id };
});
afterAll(async () => server?.close());

describe('新着情報 of a pending new application', () => {
  it('are read by the portal by 申込受付番号 (any width or case) and by the provisional account', async () => {
    const byReceipt = await server.gql(NOTICES, { r: returned.receiptNo.toLowerCase().replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) }, DEMO_NSS_PORTAL_KEY);
    expect(byReceipt.errors).toBeUndefined();
    expect(byReceipt.data!.notices).toContainEqual({ category: 'APPLICATION', message: NOTICE_TEXT.returned, receiptNo: returned.receiptNo });
    const byAccount = await server.gql(NOTICES, { p: returned.loginId }, DEMO_NSS_PORTAL_KEY);
    expect(byAccount.data!.notices).toContainEqual({ category: 'APPLICATION', message: NOTICE_TEXT.returned, receiptNo: returned.receiptNo });
    // Only that account's applications.
    expect(byAccount.data!.notices.every((n: { receiptNo: string }) => n.receiptNo === returned.receiptNo)).toBe(true);
  });

  it('take exactly one address: none or two are BAD_USER_INPUT; unknown ones NOT_FOUND', async () => {
    expect(code(await server.gql(NOTICES, {}, DEMO_NSS_PORTAL_KEY))).toBe('BAD_USER_INPUT');
    expect(code(await server.gql(NOTICES, { r: returned.receiptNo, p: returned.loginId }, DEMO_NSS_PORTAL_KEY))).toBe('BAD_USER_INPUT');
    expect(code(await server.gql(NOTICES, { r: '999999Z' }, DEMO_NSS_PORTAL_KEY))).toBe('NOT_FOUND');
    expect(code(await server.gql(NOTICES, { p: '0000000' }, DEMO_NSS_PORTAL_KEY))).toBe('NOT_FOUND');
  });

  it('stay hidden from a key limited to other companies (as if they did not exist)', async () => {
    const [other] = await sql<{ abbreviation: string }>("select abbreviation from company where abbreviation is not null limit 1");
    const created = await server.gql(`mutation { createApiKey(name: "集計ツール", scopes: [READ], companies: ["${other!.abbreviation}"]) { secret } }`, {}, admin);
    const limited = created.data!.createApiKey.secret as string;
    expect(code(await server.gql(NOTICES, { r: returned.receiptNo }, limited))).toBe('NOT_FOUND');
    expect(code(await server.gql(NOTICES, { p: returned.loginId }, limited))).toBe('NOT_FOUND');
  });
});
