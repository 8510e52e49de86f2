// 事業所追加申込 (seed 001 "新規申込・事業所追加申込"): a new office of a company already under contract keeps the company
// and its 企業略称 — the NSS portal names the company by its 企業略称 (company.abbreviation) — and gets the company's next
// 事業所コード serial (NAC002 after NAC001), drawn under the company's row lock so concurrent approvals never collide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../common/dates.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { givenOffices, type GivenOffice } from '../testing/offices.js';
import { portalAndStaff } from '../testing/signIns.js';
import { applicantKonsai, nacSystemApplication } from '../applications/intake/fixtures.js';

let server: TestServer;
let portal: string;
let supervisor: string;
/** ナックスシステム株式会社 in service: NAC001 in the seeds. */
let nac: GivenOffice;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  nac = await givenOffices(server).nacSystem();
  ({ portal, supervisor } = await portalAndStaff(server));
});
afterAll(async () => server?.close());

/** Seed 001's application of ナックスシステム株式会社 for another of its offices (the 横浜 office), naming the company by `abbreviation`. */
const addition = (abbreviation: string | undefined, officeName = '横浜事業所', companyName = 'ナックスシステム株式会社') => {
  const seed = nacSystemApplication(addBusinessDays(todayInJapan(server.clock.now()), 70));
  return { ...seed, company: { ...seed.company, name: companyName, abbreviation }, office: { ...seed.office, name: officeName } };
};

async function submit(input: Record<string, unknown>) {
  const account = (await server.gql('mutation($i: ProvisionalAccountInput!) { registerProvisionalAccount(input: $i) { loginId } }',
    { i: { companyName: 'ナックスシステム株式会社', companyNameKana: 'ナックスシステムカブシキカイシャ', applicant: applicantKonsai } }, portal)).data!.registerProvisionalAccount;
  return server.gql('mutation($l: String!, $i: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $l, input: $i) { id office { company { id abbreviation } } } }',
    { l: account.loginId, i: input }, portal);
}

async function approve(id: string) {
  const v = (await server.gql('mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, supervisor)).data!.assignApplication.version;
  const startDate = addBusinessDays(todayInJapan(server.clock.now()), 65);
  const approved = await server.gql('mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', { id, v, d: startDate }, supervisor);
  expect(approved.errors).toBeUndefined();
  const notice = await server.gql('query($id: ID!) { idNotice(applicationId: $id) { abbreviation officeCode userIds { userCode } } }', { id }, portal);
  expect(notice.errors).toBeUndefined();
  return notice.data!.idNotice;
}

const companyOf = async (officeCode: string) => (await sql<{ company_id: string }>('select company_id from office where code = ?', [officeCode]))[0]!.company_id;

describe('事業所追加申込 (seed 001)', () => {
  it('keeps the company and its 企業略称: the new office is NAC002 (the next serial), with a 利用者コード of the same 略称', async () => {
    const companies = (await sql('select count(*)::int as n from company'))[0]!.n;
    const submitted = await submit(addition(nac.abbreviation));
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitNewApplication.office.company).toEqual({ id: await companyOf(nac.code), abbreviation: nac.abbreviation });
    const notice = await approve(submitted.data!.submitNewApplication.id);
    expect(notice.abbreviation).toBe(nac.abbreviation);
    expect(notice.officeCode).toBe(`${nac.abbreviation}002`);
    expect(await companyOf(notice.officeCode)).toBe(await companyOf(nac.code));
    expect((await sql('select count(*)::int as n from company'))[0]!.n).toBe(companies);
    // A new 利用者コード of the company (営業所コード + 企業略称), not one NAC001 has.
    expect(notice.userIds[0].userCode).toMatch(new RegExp(`^[0-9A-Z]{2}${nac.abbreviation}$`));
    expect(nac.userIds.map((u) => u.userCode)).not.toContain(notice.userIds[0].userCode);
    // The company's data stay as registered (they change by a 変更申込).
    expect((await sql('select name from company where abbreviation = ?', [nac.abbreviation]))[0]!.name).toBe('ナックスシステム株式会社');
  });

  it('approvals of several additions at once get distinct consecutive serials (NAC003…NAC006)', async () => {
    const ids = [];
    for (const name of ['千葉事業所', '成田事業所', '大阪事業所', '福岡事業所']) {
      const submitted = await submit(addition(nac.abbreviation, name));
      expect(submitted.errors).toBeUndefined();
      ids.push(submitted.data!.submitNewApplication.id as string);
    }
    const codes = (await Promise.all(ids.map(approve))).map((n) => n.officeCode).sort();
    expect(codes).toEqual(['003', '004', '005', '006'].map((s) => `${nac.abbreviation}${s}`));
  });

  it('refuses an unknown 企業略称, one of another company\'s name, and a malformed one (BAD_USER_INPUT company.abbreviation); nothing stored', async () => {
    const count = async () => (await sql('select (select count(*) from application)::int as a, (select count(*) from company)::int as c'))[0];
    const before = await count();
    for (const [input, message] of [
      [addition('QZQ'), '企業略称 QZQ の企業は登録されていません'],
      [addition(nac.abbreviation, '横浜事業所', '別会社株式会社'), '企業名と企業略称が一致しません'],
      [addition('NA1'), '英大文字3桁'],
    ] as const) {
      const refused = await submit(input);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'company.abbreviation', message: expect.stringContaining(message) }]);
    }
    expect(await count()).toEqual(before);
  });
});
