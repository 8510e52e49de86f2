// The automatic pre-review checklist through GraphQL: one scenario per check (Application.checks and checkSummary),
// and a list page that asks for the checks pays a fixed number of statements whatever its size. Dates come from the
// run's clock (TEST_NOW), so every scenario means the same on any day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { todayInJapan } from '../common/dates.js';
import type { NewApplicationInput } from '../applications/intake/inputs.js';

let server: TestServer;
let reviewer: string;
const sql = (q: string, p: unknown[] = []) => server.orm.em.getConnection().execute(q, p);
const today = () => todayInJapan(server.clock.now());

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await server.login('reviewer@example.jp');
});
afterAll(async () => server?.close());

const CHECKS = `query($id: ID) { application(id: $id) { checks { code severity path message linkReceiptNo linkApplicationId } checkSummary { info warning blocker } } }`;

async function checksOf(id: string) {
  const res = await server.gql(CHECKS, { id }, reviewer);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.application as { checks: Array<Record<string, string | null>>; checkSummary: Record<string, number> };
}
const codes = async (id: string) => (await checksOf(id)).checks.map((c) => c.code);
const newApplication = (edit: (input: NewApplicationInput) => void) => given(server).application({ edit: edit as never });

describe('Application.checks', () => {
  it('a clean new application (seed 001 as submitted, desired date beyond every lead time) has no finding', async () => {
    const { id } = await given(server).application();
    expect(await checksOf(id)).toEqual({ checks: [], checkSummary: { info: 0, warning: 0, blocker: 0 } });
  });

  it('DESIRED_DATE_INSIDE_LEAD_TIME: a line wanted in 15 business days (the lead time is 60)', async () => {
    const desired = addBusinessDays(today(), 15);
    const { id } = await newApplication((i) => { i.desiredStartDate = desired; });
    const { checks, checkSummary } = await checksOf(id);
    expect(checks).toEqual([expect.objectContaining({ code: 'DESIRED_DATE_INSIDE_LEAD_TIME', severity: 'WARNING', path: 'desiredStartDate' })]);
    expect(checks[0]!.message).toContain(addBusinessDays(today(), 60));
    expect(checkSummary).toEqual({ info: 0, warning: 1, blocker: 0 });
  });

  it('SYSTEM_SETTINGS_DEADLINE_PASSED: a desired date 2 business days ahead (its deadline is 4 before it)', async () => {
    const { id } = await newApplication((i) => { i.desiredStartDate = addBusinessDays(today(), 2); });
    const { checks, checkSummary } = await checksOf(id);
    expect(checks.map((c) => c.code)).toEqual(['SYSTEM_SETTINGS_DEADLINE_PASSED', 'DESIRED_DATE_INSIDE_LEAD_TIME']);
    expect(checks[0]).toMatchObject({ severity: 'BLOCKER', path: 'desiredStartDate' });
    expect(checkSummary.blocker).toBe(1);
  });

  it('OTHER_OPEN_APPLICATION: two open change applications of one office link each other; a decided one does not', async () => {
    const office = await given(server).office();
    const first = await given(server).application({ kind: 'CHANGE', officeCode: office.code });
    const second = await given(server).application({ kind: 'CHANGE', officeCode: office.code });
    expect((await checksOf(first.id)).checks).toEqual([expect.objectContaining({
      code: 'OTHER_OPEN_APPLICATION', severity: 'WARNING', linkReceiptNo: second.receiptNo, linkApplicationId: second.id,
    })]);
    expect((await checksOf(second.id)).checks).toEqual([expect.objectContaining({ linkReceiptNo: first.receiptNo })]);
    // The office's own approved new application is not open: it is never linked.
    expect((await checksOf(second.id)).checks.map((c) => c.linkApplicationId)).not.toContain(office.applicationId);
  });

  it('REQUIRED_ATTACHMENT_MISSING: a new 一般NACCS application with a line whose システム構成図 is gone (paper, legacy)', async () => {
    const { id } = await given(server).application();
    await sql('delete from attachment where application_id = ?', [id]);
    expect((await checksOf(id)).checks).toEqual([expect.objectContaining({ code: 'REQUIRED_ATTACHMENT_MISSING', severity: 'BLOCKER', path: 'attachments', message: expect.stringContaining('システム構成図') })]);
  });

  it('INDUSTRIES_REFUSED_BY_SSO: a 利用者ID with 通関業 and 保税蔵置場 (two 枠), as a legacy row may carry', async () => {
    const { id } = await given(server).application();
    await sql(`update application_user_id set industries = '{CUSTOMS_BROKER,BONDED_WAREHOUSE}'
                where user_code_id in (select id from application_user_code where application_id = ?)`, [id]);
    expect(await codes(id)).toEqual(['INDUSTRIES_REFUSED_BY_SSO']);
  });

  it('SHARED_USER_CODE_UNUSABLE: a shared 利用者コード no office uses (a paper application naming a code mistyped)', async () => {
    const { id } = await given(server).application();
    await sql(`update application_user_code set shared = true, user_code = 'ZZ9ZZ' where application_id = ?`, [id]);
    expect((await checksOf(id)).checks).toEqual([expect.objectContaining({ code: 'SHARED_USER_CODE_UNUSABLE', severity: 'BLOCKER', message: expect.stringContaining('ZZ9ZZ は存在しない') })]);
  });

  it('SHARED_USER_CODE_UNUSABLE: a shared 利用者コード whose office has an open 契約解除・事業所廃止', async () => {
    const owner = await given(server).office();
    const [{ code }] = await sql(`select uc.code from user_code uc join office o on o.id = uc.office_id where o.code = ? limit 1`, [owner.code]) as Array<{ code: string }>;
    const abolition = await given(server).application({ kind: 'CHANGE', officeCode: owner.code });
    await sql(`update application set other_change = 'TERMINATION', change_items = '{}' where id = ?`, [abolition.id]);
    const { id } = await given(server).application();
    await sql(`update application_user_code set shared = true, user_code = ? where application_id = ?`, [code, id]);
    expect((await checksOf(id)).checks).toEqual([expect.objectContaining({ code: 'SHARED_USER_CODE_UNUSABLE', message: expect.stringContaining(`${code} の事業所は契約解除・事業所廃止の手続き中`) })]);
  });

  it('CHANGE_LEAVES_NO_IDS: a change deleting the only 識別番号 of the office\'s only 利用者コード', async () => {
    const owner = await given(server).office();
    const ids = await sql(`select uc.code, u.ident_no from user_id u join user_code uc on uc.id = u.user_code_id join office o on o.id = u.office_id where o.code = ?`, [owner.code]) as Array<{ code: string; ident_no: string }>;
    const { id } = await given(server).application({ kind: 'CHANGE', officeCode: owner.code, edit: (i) => {
      Object.assign(i, { changeItems: ['IDENT_NO'], plan: undefined, reason: '識別番号の整理のため。',
        userCodes: [{ action: 'CHANGE', userCode: ids[0]!.code, userIds: ids.map((u) => ({ action: 'DELETE', identNo: u.ident_no })) }] });
    } });
    const found = (await checksOf(id)).checks.filter((c) => c.code === 'CHANGE_LEAVES_NO_IDS');
    expect(found.map((c) => c.message)).toEqual([expect.stringContaining(`${ids[0]!.code} に識別番号が1つも残りません`), expect.stringContaining('利用者IDが1つも残りません')]);
  });

  it('CUSTOMS_OFFICE_UNUSUAL: 門司 for an office in 神奈川県', async () => {
    const { id } = await newApplication((i) => { i.office!.customsOffice = '門司'; });
    expect((await checksOf(id)).checks).toEqual([expect.objectContaining({ code: 'CUSTOMS_OFFICE_UNUSUAL', severity: 'INFO', path: 'officeProfile.customsOffice', message: expect.stringContaining('横浜税関') })]);
  });

  it('EMAIL_DOMAIN_DIFFERS: the 管理責任者 on a private address while the others use the company\'s', async () => {
    const { id } = await newApplication((i) => { i.office!.manager!.email = 'hanako.hozei@mail.example.com'; });
    expect((await checksOf(id)).checks).toEqual([expect.objectContaining({ code: 'EMAIL_DOMAIN_DIFFERS', severity: 'INFO', path: 'officeProfile.manager.email', message: expect.stringContaining('@naccs.co.jp') })]);
  });

  it('a list page asking every application\'s checks costs the same statements for 1 row as for 25', async () => {
    const query = `query($l: Int) { applications(limit: $l, filter: { status: RECEIVED }) { items { id checkSummary { info warning blocker } checks { code } } } }`;
    const count = async (l: number) => {
      const before = server.queries();
      const res = await server.gql(query, { l }, reviewer);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.applications.items.length).toBeGreaterThan(l === 1 ? 0 : 5);
      return server.queries() - before;
    };
    await count(1); // the staff row and the calendar's process caches warm up
    expect(await count(25)).toBe(await count(1));
  });
});
