// Integrator API keys with scopes and limits (graphql/access.ts KEY_ACCESS, staff/keyScope.ts), through GraphQL: a
// read-only key submits nothing, a key limited to company A never sees or touches company B's records (lookups, lists,
// counts), and only a key with the reveal scope reads passwords.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../common/dates.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { DEMO_NSS_PORTAL_KEY } from './apiKeys.js';

let server: TestServer;
let admin: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const OPEN = `('RECEIVED', 'IN_REVIEW', 'RETURNED')`;

interface Company { abbreviation: string; officeIds: string[]; officeCodes: string[]; apps: Array<{ id: string; receipt_no: string; status: string; version: number }> }
let A: Company;
let B: Company;

async function company(abbreviation: string): Promise<Company> {
  const offices = await sql<{ id: string; code: string }>(`select o.id, o.code from office o join company c on c.id = o.company_id where c.abbreviation = ?`, [abbreviation]);
  const apps = await sql<Company['apps'][number]>(`select id, receipt_no, status, version from application where office_id in (select o.id from office o join company c on c.id = o.company_id where c.abbreviation = ?) order by receipt_no`, [abbreviation]);
  return { abbreviation, officeIds: offices.map((o) => o.id), officeCodes: offices.map((o) => o.code).filter(Boolean), apps };
}

async function key(args: string): Promise<string> {
  const res = await server.gql(`mutation { createApiKey(name: "テスト用", ${args}) { secret apiKey { scopes companies offices } } }`, {}, admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createApiKey.secret;
}

const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin@example.jp');
  // A: the company with an approved application and the most applications; B: another one with an open application.
  const ranked = await sql<{ abbreviation: string }>(`select c.abbreviation from application a join office o on o.id = a.office_id join company c on c.id = o.company_id
    where c.abbreviation is not null group by c.abbreviation having bool_or(a.status = 'APPROVED') order by count(*) desc, c.abbreviation`);
  A = await company(ranked[0]!.abbreviation);
  const [other] = await sql<{ abbreviation: string }>(`select c.abbreviation from application a join office o on o.id = a.office_id join company c on c.id = o.company_id
    where c.abbreviation is not null and c.abbreviation <> ? and a.status in ${OPEN} group by c.abbreviation order by c.abbreviation limit 1`, [A.abbreviation]);
  B = await company(other!.abbreviation);
  expect(A.apps.length).toBeGreaterThan(0);
  expect(B.apps.some((a) => ['RECEIVED', 'IN_REVIEW', 'RETURNED'].includes(a.status))).toBe(true);
});
afterAll(async () => server?.close());

describe('a read-only key (reporting tools)', () => {
  it('reads lists, and is FORBIDDEN to submit, resubmit or withdraw — nothing changes', async () => {
    const readOnly = await key('scopes: [READ]');
    expect((await server.gql('{ applications(limit: 5) { totalCount } }', {}, readOnly)).data!.applications.totalCount).toBeGreaterThan(0);
    const open = B.apps.find((a) => ['RECEIVED', 'IN_REVIEW', 'RETURNED'].includes(a.status))!;
    const withdraw = await server.gql('mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, reason: "取下げ", expectedVersion: $v) { status } }', { id: open.id, v: open.version }, readOnly);
    expect(code(withdraw)).toBe('FORBIDDEN');
    expect(withdraw.errors![0]!.message).toContain('申込');
    const resubmit = await server.gql('mutation($id: ID!, $v: Int!) { resubmitApplication(id: $id, input: {}, expectedVersion: $v) { status } }', { id: open.id, v: open.version }, readOnly);
    expect(code(resubmit)).toBe('FORBIDDEN');
    const provisional = await server.gql('mutation { registerProvisionalAccount(input: { companyName: "テスト株式会社" }) { loginId } }', {}, readOnly);
    expect(code(provisional)).toBe('FORBIDDEN');
    const change = await server.gql('mutation($c: String!) { submitChangeApplication(officeCode: $c, input: {}) { id } }', { c: B.officeCodes[0] }, readOnly);
    expect(code(change)).toBe('FORBIDDEN');
    const [after] = await sql<{ status: string; version: number }>('select status, version from application where id = ?', [open.id]);
    expect(after).toEqual({ status: open.status, version: open.version });
  });
});

describe('a key limited to company A', () => {
  it('does not see company B\'s applications by lookup, in lists, the export or the counts', async () => {
    const limited = await key(`scopes: [READ, SUBMIT], companies: ["${A.abbreviation.toLowerCase()}"]`);
    const mine = A.apps[0]!;
    const theirs = B.apps[0]!;
    const APP = 'query($id: ID, $r: String) { application(id: $id, receiptNo: $r) { id } }';
    expect((await server.gql(APP, { id: mine.id }, limited)).data!.application.id).toBe(mine.id);
    expect((await server.gql(APP, { r: mine.receipt_no }, limited)).data!.application.id).toBe(mine.id);
    const byId = await server.gql(APP, { id: theirs.id }, limited);
    const byReceipt = await server.gql(APP, { r: theirs.receipt_no }, limited);
    expect([code(byId), code(byReceipt)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    // The same answer as for one that does not exist.
    expect(byId.errors![0]!.message).toBe((await server.gql(APP, { id: '00000000-0000-4000-8000-000000000000' }, limited)).errors![0]!.message);

    const list = (await server.gql('{ applications(limit: 100) { totalCount items { id office { company { abbreviation } } } } }', {}, limited)).data!.applications;
    expect(list.totalCount).toBe(A.apps.length);
    expect(new Set(list.items.map((i: any) => i.office.company.abbreviation))).toEqual(new Set([A.abbreviation]));
    const byStatus = (await server.gql('{ applications(filter: { status: [APPROVED] }, limit: 1) { totalCount } }', {}, limited)).data!.applications.totalCount;
    expect(byStatus).toBe(A.apps.filter((a) => a.status === 'APPROVED').length);
    const counts = (await server.gql('{ reviewQueueCounts { all returned } }', {}, limited)).data!.reviewQueueCounts;
    expect(counts.all).toBe(A.apps.length);
    expect(counts.returned).toBe(A.apps.filter((a) => a.status === 'RETURNED').length);
    const exported = (await server.gql('{ applicationsExport(limit: 100) { items { id } nextCursor } }', {}, limited)).data!.applicationsExport;
    expect(exported.items.map((i: any) => i.id).sort()).toEqual(A.apps.map((a) => a.id).sort());
    // The unlimited portal key sees B's, so the lists above were really cut.
    expect((await server.gql('{ applications(limit: 1) { totalCount } }', {}, DEMO_NSS_PORTAL_KEY)).data!.applications.totalCount).toBeGreaterThan(A.apps.length);
  });

  it('does not see company B\'s offices, notices, ID通知内容 or certificates, and cannot act on B\'s applications', async () => {
    const limited = await key(`companies: ["${A.abbreviation}"]`);
    const offices = (await server.gql('{ offices(limit: 100) { totalCount items { code company { abbreviation } } } }', {}, limited)).data!.offices;
    expect(offices.totalCount).toBe(A.officeIds.length);
    expect(offices.items.every((o: any) => o.company.abbreviation === A.abbreviation)).toBe(true);
    const OFFICE = 'query($c: String) { office(code: $c) { code } }';
    expect((await server.gql(OFFICE, { c: A.officeCodes[0] }, limited)).data!.office.code).toBe(A.officeCodes[0]);
    expect(code(await server.gql(OFFICE, { c: B.officeCodes[0] }, limited))).toBe('NOT_FOUND');
    expect(code(await server.gql('query($c: String!) { notices(officeCode: $c) { receiptNo } }', { c: B.officeCodes[0] }, limited))).toBe('NOT_FOUND');
    const theirsApproved = B.apps.find((a) => a.status === 'APPROVED');
    if (theirsApproved) expect(code(await server.gql('query($id: ID!) { idNotice(applicationId: $id) { officeCode } }', { id: theirsApproved.id }, limited))).toBe('NOT_FOUND');
    const mineApproved = A.apps.find((a) => a.status === 'APPROVED')!;
    expect((await server.gql('query($id: ID!) { idNotice(applicationId: $id) { officeCode } }', { id: mineApproved.id }, limited)).data!.idNotice.officeCode).toMatch(new RegExp(`^${A.abbreviation}`));
    const certs = (await server.gql('{ certificates(limit: 100) { totalCount items { officeCode } } }', {}, limited)).data!.certificates;
    const [{ n }] = (await sql<{ n: number }>(`select count(*)::int as n from certificate c join terminal t on t.id = c.terminal_id where t.office_id in (${A.officeIds.map(() => '?').join(', ')})`, A.officeIds)) as [{ n: number }];
    expect(certs.totalCount).toBe(n);
    expect(certs.items.every((c: any) => A.officeCodes.includes(c.officeCode))).toBe(true);

    const open = B.apps.find((a) => ['RECEIVED', 'IN_REVIEW', 'RETURNED'].includes(a.status))!;
    const withdraw = await server.gql('mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, reason: "取下げ", expectedVersion: $v) { status } }', { id: open.id, v: open.version }, limited);
    expect(code(withdraw)).toBe('NOT_FOUND');
    const [after] = await sql<{ status: string }>('select status from application where id = ?', [open.id]);
    expect(after!.status).toBe(open.status);
    expect(code(await server.gql('mutation($c: String!) { submitChangeApplication(officeCode: $c, input: {}) { id } }', { c: B.officeCodes[0] }, limited))).toBe('NOT_FOUND');
    // A new application makes a new company: not for a limited key.
    expect(code(await server.gql('mutation { submitNewApplication(provisionalLoginId: "0000001", input: { connection: NET }) { id } }', {}, limited))).toBe('FORBIDDEN');
  });

  it('a key limited to one office sees that office only', async () => {
    const office = A.officeCodes[0]!;
    const limited = await key(`offices: ["${office}"]`);
    const list = (await server.gql('{ offices(limit: 100) { items { code } } applications(limit: 100) { totalCount items { office { code } } } }', {}, limited)).data!;
    expect(list.offices.items.map((o: any) => o.code)).toEqual([office]);
    expect(list.applications.items.every((a: any) => a.office.code === office)).toBe(true);
    const [{ n }] = (await sql<{ n: number }>('select count(*)::int as n from application a join office o on o.id = a.office_id where o.code = ?', [office])) as [{ n: number }];
    expect(list.applications.totalCount).toBe(n);
  });
});

describe('passwords', () => {
  it('only a key with the reveal scope reads them: without it, reveal is FORBIDDEN and ID通知内容 is masked', async () => {
    const today = todayInJapan(server.clock.now());
    const [readable] = await sql<{ id: string }>(`select issued_by_id as id from user_id where password_readable_until >= ? order by password_readable_until desc limit 1`, [today]);
    expect(readable).toBeDefined();
    const NOTICE = 'query($id: ID!, $r: Boolean!) { idNotice(applicationId: $id, revealPasswords: $r) { userIds { password passwordReadable } passwordsRevealed } }';
    const noReveal = await key('scopes: [READ, SUBMIT]');
    expect(code(await server.gql(NOTICE, { id: readable!.id, r: true }, noReveal))).toBe('FORBIDDEN');
    const masked = (await server.gql(NOTICE, { id: readable!.id, r: false }, noReveal)).data!.idNotice;
    expect(masked.userIds.length).toBeGreaterThan(0);
    expect(masked.userIds.every((u: any) => u.password === '********' && u.passwordReadable === false)).toBe(true);
    const reveal = await key('scopes: [READ, REVEAL_PASSWORDS]');
    const shown = (await server.gql(NOTICE, { id: readable!.id, r: true }, reveal)).data!.idNotice;
    expect(shown.passwordsRevealed).toBe(true);
    expect(shown.userIds.some((u: any) => u.password !== '********')).toBe(true);
  });
});

describe('creating and listing keys', () => {
  it('lists scopes and limits; refuses unknown companies or offices and an empty scope list; existing keys keep every scope', async () => {
    const created = await server.gql(`mutation { createApiKey(name: "集計ツール", scopes: [READ], companies: ["${A.abbreviation}"], offices: ["${B.officeCodes[0]}"]) { apiKey { id scopes companies offices } } }`, {}, admin);
    expect(created.data!.createApiKey.apiKey).toMatchObject({ scopes: ['READ'], companies: [A.abbreviation], offices: [B.officeCodes[0]] });
    const bad = await server.gql('mutation { createApiKey(name: "x", scopes: [], companies: ["ZZZ", "12"], offices: ["ZZZ999"]) { secret } }', {}, admin);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.fieldErrors.map((e: any) => e.path).sort()).toEqual(['companies', 'offices', 'scopes']);
    const keys = (await server.gql('{ apiKeys { prefix scopes companies offices } }', {}, admin)).data!.apiKeys;
    expect(keys.find((k: any) => k.prefix === 'nssportl')).toEqual({ prefix: 'nssportl', scopes: ['READ', 'SUBMIT', 'REVEAL_PASSWORDS'], companies: [], offices: [] });
    const audit = (await server.gql('{ auditLog(filter: { actions: [API_KEY_CREATE] }, limit: 1) { items { detail } } }', {}, admin)).data!.auditLog.items[0];
    expect(audit.detail).toContain(`scopes=READ companies=${A.abbreviation} offices=${B.officeCodes[0]}`);
  });
});
