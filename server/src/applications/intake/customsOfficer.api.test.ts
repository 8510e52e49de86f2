import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../testing/clock.js';
import { todayInJapan } from '../../common/dates.js';
import { addBusinessDays } from '../../calendar/businessDays.js';
import { startTestServer, type TestServer } from '../../testing/server.js';
import { givenOffices, type GivenOffice } from '../../testing/offices.js';
import { portalAndSupervisor } from '../../testing/portal.js';
import { NOTICE_TEXT } from '../../notifications/notices.js';
import { Industry, ProcessingMethod, SystemCategory } from '../../common/enums.js';
import { applicantKonsai, nacSystemApplication } from './fixtures.js';

// Issue 16: 変更(通関士) as an application kind (seed 003 申込分類 「新規申込 変更申込 解約申込 変更(通関士)」; NSS menu
// 「通関士IDの追加」). Seed 001: "※通関業（自社通関は除く） 別途、通関士用の利用者ID（通関士ID）を申込みする必要があります";
// seed 000: "識別番号は通関士の人数分必要です" (通関士Aさん・Bさん: two 識別番号); seed 002 新着情報: "通関士IDの追加申込の審査を
// 終了しました。追加した利用者を確認してください。" / "通関士IDの追加申込に確認事項があります。…".

let server: TestServer;
let flow: Awaited<ReturnType<typeof portalAndSupervisor>>;
/** ナックスシステム株式会社 in service: a 通関業 利用者コード with 2 識別番号. */
let nac: GivenOffice;
/** An office whose only 利用者コード is 自社通関. */
let selfCustoms: GivenOffice;
const START = addBusinessDays(todayInJapan(testClock.now()), 15);
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  flow = await portalAndSupervisor(server);
  nac = await givenOffices(server).nacSystem();
  const base = nacSystemApplication();
  const opened = await givenOffices(server).approveNew({
    ...base, connection: 'NET' as never, lines: undefined, constructionContact: undefined, constructionAttendee: undefined, attachments: undefined,
    terminals: [{ terminalType: 'NET' as never, systemCategory: SystemCategory.SEA, count: 1 }],
    company: { ...base.company!, name: 'ナックス自社通関株式会社', nameKana: 'ナックスジシャツウカンカブシキガイシャ', nameEn: 'NACCS JISHA TSUKAN CO.,LTD.' },
    userCodes: [{ systemCategory: SystemCategory.SEA, userIds: [{ industries: [Industry.SELF_CUSTOMS], processingMethod: ProcessingMethod.INTERACTIVE, identCount: 1 }] }],
  });
  selfCustoms = { code: opened.officeCode, abbreviation: opened.abbreviation, applicationId: opened.applicationId, startDate: opened.startDate, userIds: opened.userIds, terminals: opened.terminals, mailboxIds: opened.mailboxIds };
});
afterAll(async () => server?.close());

const SUBMIT = `mutation($o: String!, $i: CustomsOfficerApplicationInput!) { submitCustomsOfficerApplication(officeCode: $o, input: $i) {
  id receiptNo kind status version office { code } userCodes { action userCode statisticsFree userIds { action industries processingMethod identCount } } } }`;
const submit = (officeCode: string, input: Record<string, unknown>) =>
  server.gql(SUBMIT, { o: officeCode, i: { applicant: applicantKonsai, desiredStartDate: START, reason: '通関士2名の着任のため', ...input } }, flow.portal);
const fieldErrors = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, any> }> }) => {
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return res.errors![0]!.extensions!.fieldErrors as Array<{ path: string; message: string }>;
};
const notices = async (officeCode: string, receiptNo: string) =>
  ((await server.gql('query($o: String) { notices(officeCode: $o) { message receiptNo } }', { o: officeCode }, flow.portal)).data!.notices as Array<{ message: string; receiptNo: string }>)
    .filter((n) => n.receiptNo === receiptNo).map((n) => n.message);

describe('変更(通関士): 通関士IDの追加', () => {
  it('seed 000/001: 2名の通関士 on the 通関業 利用者コード — received as its own kind, approved with two new 通関業 利用者ID under that code', async () => {
    const code = nac.userIds[0]!.userCode;
    const res = await submit(nac.code, { userCode: code.toLowerCase(), identCount: 2 });
    expect(res.errors).toBeUndefined();
    const app = res.data!.submitCustomsOfficerApplication;
    expect(app).toMatchObject({
      kind: 'CUSTOMS_OFFICER', status: 'RECEIVED', office: { code: nac.code },
      // The code's 管理統計資料 (無料) is kept as registered.
      userCodes: [{ action: 'CHANGE', userCode: code, statisticsFree: true, userIds: [{ action: 'ADD', industries: ['CUSTOMS_BROKER'], processingMethod: 'INTERACTIVE', identCount: 2 }] }],
    });
    expect(await sql(`select 1 from outbound_email where application_id = ? and template_key = 'application-received'`, [app.id])).toHaveLength(1);

    await flow.approve(app.id, START);
    const notice = await server.gql('query($id: ID!) { idNotice(applicationId: $id) { startDate userIds { userCode identNo industries startDate } } }', { id: app.id }, flow.portal);
    expect(notice.errors).toBeUndefined();
    const issued = notice.data!.idNotice.userIds as Array<{ userCode: string; identNo: string; industries: string[]; startDate: string }>;
    expect(issued).toHaveLength(2);
    for (const id of issued) expect(id).toMatchObject({ userCode: code, industries: ['CUSTOMS_BROKER'], startDate: START });
    expect(new Set([...issued.map((i) => i.identNo), ...nac.userIds.map((u) => u.identNo)]).size).toBe(4);
    expect(await notices(nac.code, app.receiptNo)).toContain(NOTICE_TEXT.customsOfficerApproved);
    // The code's flags were not touched by the approval.
    expect(await sql('select statistics_free from user_code where code = ?', [code])).toEqual([{ statistics_free: true }]);
  });

  it('seed 000: 通関士 working from Cyber Port (SMTP双方向) get 識別番号 beginning with Y (通関士Aさん AAAA1 YA1, Bさん AAAA1 YB1)', async () => {
    const code = nac.userIds[0]!.userCode;
    const app = (await submit(nac.code, { userCode: code, identCount: 2, processingMethod: 'SMTP_BIDIRECTIONAL', reason: 'サイバーポートから通関業務を行うため' })).data!.submitCustomsOfficerApplication;
    await flow.approve(app.id, START);
    const notice = await server.gql('query($id: ID!) { idNotice(applicationId: $id) { userIds { userCode identNo processingMethod } } }', { id: app.id }, flow.portal);
    const ids = notice.data!.idNotice.userIds as Array<{ userCode: string; identNo: string; processingMethod: string }>;
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatchObject({ userCode: code, identNo: expect.stringMatching(/^Y/), processingMethod: 'SMTP_BIDIRECTIONAL' });
  });

  it('returned with a question in its own wording, and resubmitted with the corrected number', async () => {
    const code = nac.userIds[0]!.userCode;
    const app = (await submit(nac.code, { userCode: code, identCount: 3 })).data!.submitCustomsOfficerApplication;
    const version = await givenOffices(server).returnForCorrection(app.id, app.version, '通関士の人数をご確認ください。');
    expect(await notices(nac.code, app.receiptNo)).toContain(NOTICE_TEXT.customsOfficerReturned);
    const res = await server.gql(`mutation($id: ID!, $i: ResubmissionInput!, $v: Int!) { resubmitApplication(id: $id, input: $i, expectedVersion: $v) { status userCodes { userIds { identCount } } } }`, {
      id: app.id, v: version, i: { customsOfficerApplication: { applicant: applicantKonsai, desiredStartDate: START, userCode: code, identCount: 2 } },
    }, flow.portal);
    expect(res.errors).toBeUndefined();
    expect(res.data!.resubmitApplication).toEqual({ status: 'IN_REVIEW', userCodes: [{ userIds: [{ identCount: 2 }] }] });
  });

  it('refuses a code without 通関業 (自社通関 only), another office\'s code and 0 通関士 (BAD_USER_INPUT naming the field); nothing stored', async () => {
    const before = await sql('select id from application');
    expect(fieldErrors(await submit(selfCustoms.code, { userCode: selfCustoms.userIds[0]!.userCode, identCount: 1 })))
      .toEqual([{ path: 'userCode', message: expect.stringContaining('通関業の利用者コードにのみ追加できます') }]);
    expect(fieldErrors(await submit(nac.code, { userCode: selfCustoms.userIds[0]!.userCode, identCount: 1 })))
      .toEqual([{ path: 'userCode', message: expect.stringContaining('この事業所') }]);
    expect(fieldErrors(await submit(nac.code, { userCode: nac.userIds[0]!.userCode, identCount: 0, processingMethod: 'EDIFACT' })).map((e) => e.path))
      .toEqual(['identCount', 'processingMethod']);
    expect(await sql('select id from application')).toHaveLength(before.length);
  });
});
