import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/server.js';
import { testClock } from '../../testing/clock.js';
import { givenOffices, type GivenOffice } from '../../testing/offices.js';
import { createApiKey } from '../../staff/apiKeys.js';
import { FUTURE, applicantKonsai, nacSystemApplication } from './fixtures.js';
import { addBusinessDays } from '../../calendar/businessDays.js';

const LATER = addBusinessDays(FUTURE, 5);

let server: TestServer;
let portal: string;
/** ナックスシステム株式会社 in service (seeds 002–004), and サイバーポート株式会社 whose 利用者コード others share (seed 000). */
let nac: GivenOffice;
let cyberPort: GivenOffice & { sharedUserCode: string };
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const count = async (table: string) => Number((await sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  nac = await givenOffices(server).nacSystem();
  cyberPort = await givenOffices(server).cyberPort();
  const em = server.orm.em.fork();
  portal = createApiKey(em, { name: 'NSS' }).secret;
  await em.flush();
});
afterAll(async () => server?.close());

const APP_FIELDS = 'id receiptNo kind status version office { id code status } history { action toStatus actorName actorRole }';

async function provisional() {
  const res = await server.gql(
    `mutation($i: ProvisionalAccountInput!) { registerProvisionalAccount(input: $i) { loginId password expiresAt } }`,
    { i: { companyName: 'ナックスシステム株式会社', companyNameKana: 'ナックスシステムカブシキカイシャ', applicant: applicantKonsai } },
    portal,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.registerProvisionalAccount as { loginId: string; password: string; expiresAt: string };
}

const SUBMIT_NEW = `mutation($l: String!, $p: String, $i: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $l, provisionalPassword: $p, input: $i) { ${APP_FIELDS} } }`;
const SUBMIT_CHANGE = `mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { ${APP_FIELDS}
  changes { item field before after } mailboxes { action mailboxType count mailboxId } terminals { action terminalType systemCategory count }
  userCodes { action userCode abolitionMissingOffices userIds { action identNo } } } }`;

describe('仮アカウント申込 (seeds 000/001)', () => {
  it('returns 仮ログインID (7 digits) and 仮パスワード once, valid 48 hours, with the mail in the outbox (no password at rest)', async () => {
    const account = await provisional();
    expect(account.loginId).toMatch(/^\d{7}$/);
    expect(account.password).toMatch(/^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{8}$/);
    expect(Date.parse(account.expiresAt) - testClock.now().getTime()).toBeGreaterThan(47.9 * 3600_000);
    const [mail] = await sql<{ subject: string; text: string; recipients: string[]; secrets_enc: string }>(
      `select subject, text, recipients, secrets_enc from outbound_email where template_key = 'provisional-account-registered' and text like ?`,
      [`%${account.loginId}%`],
    );
    expect(mail!.subject).toBe('【NSS】仮アカウント登録完了のお知らせ');
    expect(mail!.recipients).toEqual(['konsai.ichiro@naccs.co.jp']);
    expect(mail!.text).toContain('混載 一郎 様');
    expect(mail!.text).not.toContain(account.password);
    expect(mail!.secrets_enc).not.toContain(account.password);
    const stored = await sql(`select * from provisional_account where login_id = ?`, [account.loginId]);
    expect(JSON.stringify(stored)).not.toContain(account.password);
  });

  it('refuses a company name without 法人格, a kana field in letters, a 9-digit phone and a mismatched e-mail — all at once', async () => {
    const before = await count('provisional_account');
    const res = await server.gql(
      `mutation($i: ProvisionalAccountInput!) { registerProvisionalAccount(input: $i) { loginId } }`,
      { i: { companyName: 'ナックスシステム', companyNameKana: 'NACCS', applicant: { ...applicantKonsai, phone: '03-1234-567', emailConfirmation: 'other@naccs.co.jp' } } },
      portal,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = res.errors![0]!.extensions!.fieldErrors.map((e: any) => e.path).sort();
    expect(paths).toEqual(['applicant.emailConfirmation', 'applicant.phone', 'companyName', 'companyNameKana']);
    expect(res.errors![0]!.extensions!.fieldErrors.find((e: any) => e.path === 'applicant.phone').message).toMatch(/電話番号.*10桁または11桁/);
    expect(await count('provisional_account')).toBe(before);
  });
});

describe('新規利用申込', () => {
  it('seed 001: ナックスシステム株式会社, 一般NACCS, 海上 通関業 インタラクティブ, 専用線 1Mbps with construction contacts, 口座振替', async () => {
    const account = await provisional();
    const res = await server.gql(SUBMIT_NEW, { l: account.loginId, p: account.password, i: nacSystemApplication() }, portal);
    expect(JSON.stringify(res.errors)).toBeUndefined();
    const app = res.data!.submitNewApplication;
    expect(app.receiptNo).toMatch(/^\d{6}[A-Z]$/);
    expect(app).toMatchObject({ kind: 'NEW', status: 'RECEIVED', version: 1, office: { code: null, status: 'PENDING' } });
    expect(app.history).toEqual([{ action: 'SUBMIT', toStatus: 'RECEIVED', actorName: 'NSS', actorRole: 'INTEGRATOR' }]);
    const read = await server.gql(
      `query($r: String) { application(receiptNo: $r) { connection officeProfile { customsOffice contractor { lastName title } manager { lastName email } }
        lines { lineType speed maintenance indoorWiring constructionDate } constructionContact { lastName department }
        userCodes { systemCategory userIds { industries processingMethod identCount } } billing { paymentMethod consolidated }
        attachments { kind fileName size sha256 } } }`,
      { r: app.receiptNo },
      portal,
    );
    const full = read.data!.application;
    expect(full.officeProfile).toMatchObject({ customsOffice: '横浜', contractor: { lastName: '南楠', title: '代表取締役社長' }, manager: { email: 'hozei.hanako@naccs.co.jp' } });
    expect(full.lines).toEqual([{ lineType: 'LEASED', speed: '1Mbps', maintenance: 'H24_365', indoorWiring: 'CENTER_RENTAL', constructionDate: FUTURE }]);
    expect(full.userCodes[0].userIds[0]).toEqual({ industries: ['CUSTOMS_BROKER'], processingMethod: 'INTERACTIVE', identCount: 1 });
    expect(full.billing).toMatchObject({ paymentMethod: 'DEBIT', consolidated: false });
    expect(full.attachments[0]).toMatchObject({ kind: 'SYSTEM_DIAGRAM', size: 23 });
    expect(full.attachments[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // 受付完了 mail to 申込担当者 and 管理責任者, in the same transaction.
    const mails = await sql<{ recipients: string[]; text: string }>(`select recipients, text from outbound_email where template_key = 'application-received' and text like ?`, [`%${app.receiptNo}%`]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipients.sort()).toEqual(['hozei.hanako@naccs.co.jp', 'konsai.ichiro@naccs.co.jp']);
    // The provisional account is used up.
    const again = await server.gql(SUBMIT_NEW, { l: account.loginId, i: nacSystemApplication() }, portal);
    expect(again.errors?.[0]?.extensions?.fieldErrors[0]).toMatchObject({ path: 'provisionalLoginId' });
  });

  it('seed 000: Cyber Port — a shared code (CP999 in the seed), 通関業, SMTP双方向, 1 識別番号, no lines, plan B', async () => {
    const account = await provisional();
    const input = {
      ...nacSystemApplication(), reason: 'サイバーポート利用のための申込', lines: [], terminals: [], attachments: [],
      constructionContact: undefined, constructionAttendee: undefined, noLineRequired: true, plan: 'B',
      company: { name: 'サイバーポート株式会社', nameKana: 'サイバーポートカブシキガイシャ', headOfficeSameAsOffice: true },
      userCodes: [{ userCode: cyberPort.sharedUserCode, shared: true, userIds: [{ industries: ['CUSTOMS_BROKER'], processingMethod: 'SMTP_BIDIRECTIONAL', identCount: 1 }] }],
    };
    input.office = { ...input.office!, name: 'ＣＰ利用者', nameKana: 'サイバーポトリヨウシャ' };
    const res = await server.gql(SUBMIT_NEW, { l: account.loginId, i: input }, portal);
    expect(res.errors).toBeUndefined();
    const read = await server.gql(`query($r: String) { application(receiptNo: $r) { noLineRequired plan lines { id } userCodes { userCode shared userIds { processingMethod identCount } } } }`, { r: res.data!.submitNewApplication.receiptNo }, portal);
    expect(read.data!.application).toEqual({ noLineRequired: true, plan: 'B', lines: [], userCodes: [{ userCode: cyberPort.sharedUserCode, shared: true, userIds: [{ processingMethod: 'SMTP_BIDIRECTIONAL', identCount: 1 }] }] });
  });

  it('refuses an unknown shared code, a line without the system diagram, options without 24時間365日 and 冗長化 with 予備機設置', async () => {
    const account = await provisional();
    const before = await Promise.all(['application', 'office', 'company', 'outbound_email'].map(count));
    const input = nacSystemApplication();
    input.attachments = [];
    input.lines = [{ ...input.lines![0]!, maintenance: 'WEEKDAY_DAYTIME' as never, redundancy: true, spareRouter: true }];
    input.userCodes = [...input.userCodes!, { userCode: 'ZZ999', shared: true, userIds: [{ industries: ['CUSTOMS_BROKER' as never, 'CONSOLIDATOR' as never], processingMethod: 'INTERACTIVE' as never, identCount: 1 }] }];
    const res = await server.gql(SUBMIT_NEW, { l: account.loginId, i: input }, portal);
    const paths = res.errors![0]!.extensions!.fieldErrors.map((e: any) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['attachments', 'lines.0.maintenance', 'lines.0.spareRouter', 'userCodes.1.userIds.0.industries']));
    expect(await Promise.all(['application', 'office', 'company', 'outbound_email'].map(count))).toEqual(before);
  });
});

describe('変更申込', () => {
  it('seed 002: one SMTP/POP3 mailbox added to ナックスシステム (NAC001 in the seed)', async () => {
    const res = await server.gql(SUBMIT_CHANGE, { o: nac.code, i: { changeItems: ['MAILBOX'], applicant: applicantKonsai, desiredStartDate: FUTURE, reason: 'メールボックス追加のため', mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }] } }, portal);
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitChangeApplication).toMatchObject({ kind: 'CHANGE', status: 'RECEIVED', office: { code: nac.code }, mailboxes: [{ action: 'ADD', mailboxType: 'SMTP_POP3', count: 1, mailboxId: null }],
      changes: [{ item: 'MAILBOX', field: 'counts.mailboxes.SMTP_POP3', before: '1', after: '2' }] });
  });

  it('seed 003: two netNACCS terminals (海上) added to an office that already has one', async () => {
    expect(nac.terminals).toEqual([expect.objectContaining({ type: 'NET' })]);
    const res = await server.gql(SUBMIT_CHANGE, { o: nac.code, i: { changeItems: ['NET_TERMINAL'], applicant: applicantKonsai, desiredStartDate: FUTURE, terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count: 2 }] } }, portal);
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitChangeApplication.terminals).toEqual([{ action: 'ADD', terminalType: 'NET', systemCategory: 'SEA', count: 2 }]);
  });

  it('seed 004: abolishing one 識別番号 of a 利用者コード (A0A of 1ANAC in the seed); abolishing the code itself needs all its 識別番号', async () => {
    const [first, second] = [nac.userIds[0]!, nac.userIds[1]!];
    expect(second.userCode).toBe(first.userCode);
    const ok = await server.gql(SUBMIT_CHANGE, { o: nac.code, i: { changeItems: ['IDENT_NO'], applicant: applicantKonsai, desiredStartDate: FUTURE, reason: '担当者退職のため', userCodes: [{ action: 'CHANGE', userCode: first.userCode, userIds: [{ action: 'DELETE', identNo: first.identNo }] }] } }, portal);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.submitChangeApplication.userCodes).toEqual([{ action: 'CHANGE', userCode: first.userCode, abolitionMissingOffices: [], userIds: [{ action: 'DELETE', identNo: first.identNo }] }]);
    const partial = await server.gql(SUBMIT_CHANGE, { o: nac.code, i: { changeItems: ['USER_CODE', 'IDENT_NO'], applicant: applicantKonsai, desiredStartDate: FUTURE, userCodes: [{ action: 'DELETE', userCode: first.userCode, userIds: [{ action: 'DELETE', identNo: first.identNo }] }] } }, portal);
    expect(partial.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'userCodes.0.userIds', message: expect.stringContaining(second.identNo) }]);
  });

  it('records 変更前/変更後 for changed office data (管理責任者の電話番号)', async () => {
    // The whole 管理責任者 as registered (seed 001), only the phone changed; the office code typed in lower case.
    const manager = { ...nacSystemApplication().office!.manager!, phone: '0355550000' };
    const res = await server.gql(SUBMIT_CHANGE, { o: nac.code.toLowerCase(), i: { changeItems: ['MANAGER'], applicant: applicantKonsai, desiredStartDate: FUTURE, office: { manager } } }, portal);
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitChangeApplication.changes).toEqual([{ item: 'MANAGER', field: 'officeProfile.manager.phone', before: '0355559999', after: '0355550000' }]);
  });

  it('refuses checkbox items together with その他の契約変更, foreign codes, and the first-netNACCS rule', async () => {
    const both = await server.gql(SUBMIT_CHANGE, { o: nac.code, i: { changeItems: ['PLAN'], otherChange: 'TERMINATION', plan: 'B', applicant: applicantKonsai, desiredStartDate: FUTURE } }, portal);
    expect(both.errors![0]!.extensions!.fieldErrors.map((e: any) => e.path)).toContain('otherChange');
    const theirs = cyberPort.mailboxIds[0]!;
    const foreign = await server.gql(SUBMIT_CHANGE, { o: nac.code, i: { changeItems: ['MAILBOX'], applicant: applicantKonsai, desiredStartDate: FUTURE, mailboxes: [{ action: 'DELETE', mailboxType: 'SMTP_POP3', mailboxId: theirs }] } }, portal);
    expect(foreign.errors![0]!.extensions!.fieldErrors).toEqual([{ path: 'mailboxes.0.mailboxId', message: expect.stringContaining(theirs) }]);
    // Cyber Port's office has no netNACCS terminal yet.
    const first = await server.gql(SUBMIT_CHANGE, { o: cyberPort.code, i: { changeItems: ['NET_TERMINAL'], applicant: applicantKonsai, desiredStartDate: FUTURE, terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count: 1 }] } }, portal);
    expect(first.errors![0]!.extensions!.fieldErrors).toEqual([{ path: 'changeItems', message: expect.stringMatching(/識別番号.*料金プラン/) }]);
  });
});

describe('再申込と取下げ', () => {
  it('resubmits a returned application (history lists the changed fields) and withdraws with version checks', async () => {
    const created = await server.gql(SUBMIT_CHANGE, { o: nac.code, i: { changeItems: ['PLAN'], plan: 'B', applicant: applicantKonsai, desiredStartDate: FUTURE } }, portal);
    const app = created.data!.submitChangeApplication;
    // A reviewer takes it and returns it with a question (ReviewService).
    const returned = await givenOffices(server).returnForCorrection(app.id, app.version, '希望日をご確認ください。');
    const res = await server.gql(
      `mutation($id: ID!, $i: ResubmissionInput!, $v: Int!) { resubmitApplication(id: $id, input: $i, expectedVersion: $v) { status version history { action message } } }`,
      { id: app.id, v: returned, i: { changeApplication: { changeItems: ['PLAN'], plan: 'B', applicant: applicantKonsai, desiredStartDate: LATER } } },
      portal,
    );
    expect(res.errors).toBeUndefined();
    const resubmitted = res.data!.resubmitApplication;
    expect(resubmitted).toMatchObject({ status: 'IN_REVIEW', version: returned + 1 });
    expect(resubmitted.history.at(-1).message).toContain(`desiredStartDate: ${FUTURE} → ${LATER}`);

    const WITHDRAW = `mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, reason: "申込内容を再検討するため", expectedVersion: $v) { status version } }`;
    const stale = await server.gql(WITHDRAW, { id: app.id, v: returned }, portal);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('他の担当者が先に更新しました');
    const done = await server.gql(WITHDRAW, { id: app.id, v: returned + 1 }, portal);
    expect(done.data!.withdrawApplication).toEqual({ status: 'WITHDRAWN', version: returned + 2 });
    const again = await server.gql(WITHDRAW, { id: app.id, v: returned + 2 }, portal);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const mails = await sql(`select 1 from outbound_email where template_key = 'application-withdrawn' and application_id = ?`, [app.id]);
    expect(mails).toHaveLength(1);
  });
});

describe('receipt numbers under load', () => {
  it('500 parallel submissions get 500 distinct receipt numbers', async () => {
    const input = { changeItems: ['PLAN'], plan: 'B', applicant: applicantKonsai, desiredStartDate: FUTURE };
    const results = await Promise.all(Array.from({ length: 500 }, () =>
      server.gql<{ submitChangeApplication: { receiptNo: string } }>(`mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { receiptNo } }`, { o: nac.code, i: input }, portal)));
    const numbers = results.map((r) => r.data?.submitChangeApplication.receiptNo);
    expect(numbers.every(Boolean)).toBe(true);
    expect(new Set(numbers).size).toBe(500);
  });
});
