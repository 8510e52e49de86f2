import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';

let server: TestServer;
let support: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  server = await startTestServer();
  support = await server.login('support@example.jp');
});
afterAll(async () => server?.close());

describe('offices', () => {
  it('lists offices with their total and finds them by code prefix or company name', async () => {
    const [row] = await sql<{ code: string; name: string }>(
      `select o.code, c.name from office o join company c on c.id = o.company_id where o.code is not null order by o.code limit 1`,
    );
    const all = await server.gql('{ offices(limit: 5) { totalCount items { code } } }', {}, support);
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from office')) as [{ n: string }];
    expect(all.data!.offices.totalCount).toBe(Number(n));
    const byCode = await server.gql('query($q: String) { offices(filter: { q: $q }) { items { code } } }', { q: row!.code.slice(0, 4) }, support);
    expect(byCode.data!.offices.items.map((o: any) => o.code)).toContain(row!.code);
    const byName = await server.gql('query($q: String) { offices(filter: { q: $q }) { items { code company { profile { name } } } } }', { q: row!.name }, support);
    expect(byName.data!.offices.items.every((o: any) => o.company.profile.name === row!.name)).toBe(true);
  });

  it('shows an office with its contract: 利用者コード/ID, 論理端末, 回線, メールボックス — and never a password', async () => {
    const [row] = await sql<{ code: string }>(
      `select o.code from office o where exists (select 1 from user_code u where u.office_id = o.id)
         and exists (select 1 from terminal t where t.office_id = o.id) order by o.code limit 1`,
    );
    const res = await server.gql(
      `query($c: String) { office(code: $c) { code status company { abbreviation }
        userCodes { code ownerOfficeCode shared userIds { identNo userId connection } }
        terminals { name type accessKey certificateStatus } lines { ipAddress } mailboxes { mailboxId }
        applications(limit: 5) { receiptNo } } }`,
      { c: row!.code.toLowerCase() },
      support,
    );
    expect(res.errors).toBeUndefined();
    const office = res.data!.office;
    expect(office.code).toBe(row!.code);
    expect(office.code.startsWith(office.company.abbreviation)).toBe(true);
    expect(office.userCodes.length).toBeGreaterThan(0);
    for (const code of office.userCodes) {
      for (const id of code.userIds) {
        expect(id.userId).toBe(`${code.code}${id.identNo}`);
        expect(id.identNo).toMatch(id.connection === 'NET' ? /[A-Z]$/ : /[0-9]$/);
      }
    }
    expect(office.terminals[0].name).toMatch(/^\d{5}[WC]$/);
    expect(JSON.stringify(res)).not.toMatch(/password/i);
  });

  it('answers NOT_FOUND for an unknown office code', async () => {
    const res = await server.gql('{ office(code: "ZZZ999") { id } }', {}, support);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.message).toContain('ZZZ999');
  });
});
