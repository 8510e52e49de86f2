import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/server.js';
import { givenOffices, type GivenOffice } from '../../testing/offices.js';
import { createApiKey } from '../../staff/apiKeys.js';
import { FUTURE, applicantKonsai, nacSystemApplication } from './fixtures.js';

// Issue 16: the server records 変更前/変更後 for row counts (seed 002 ⑥ メールボックス: 「現在の契約数 1個」「追加 1個」;
// seed 003 netNACCS端末; seed 004 識別番号の廃止), and the items the console now offers — 管理統計資料, 保税管理資料保存
// サービス, 一般NACCS回線 — are taken by the change input as the manuals fill them in (seed 002/003 ④).

let server: TestServer;
let portal: string;
/** ナックスシステム株式会社 in service (seeds 002–004): netNACCS, 1 terminal, 1 SMTP/POP3 mailbox, a code of 2 識別番号 (通関業). */
let nac: GivenOffice;
/** Seed 001's 一般NACCS office of ナックスシステム株式会社 with its 専用線. */
let general: { code: string; lineId: string };
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  nac = await givenOffices(server).nacSystem();
  const opened = await givenOffices(server).approveNew(nacSystemApplication());
  const em = server.orm.em.fork();
  portal = createApiKey(em, { name: 'NSS' }).secret;
  await em.flush();
  const office = await server.gql('query($c: String!) { office(code: $c) { lines { id } } }', { c: opened.officeCode }, portal);
  general = { code: opened.officeCode, lineId: office.data!.office.lines[0].id };
});
afterAll(async () => server?.close());

const SUBMIT_CHANGE = `mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) {
  id version changes { item field before after } userCodes { action userCode statisticsPaid statisticsFree bondedRecordService } } }`;
const submitChange = (officeCode: string, input: Record<string, unknown>) =>
  server.gql(SUBMIT_CHANGE, { o: officeCode, i: { applicant: applicantKonsai, desiredStartDate: FUTURE, reason: '契約変更のため', ...input } }, portal);
const ok = (res: Awaited<ReturnType<typeof submitChange>>) => {
  expect(res.errors).toBeUndefined();
  return res.data!.submitChangeApplication;
};
const fieldErrors = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, any> }> }) => {
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return res.errors![0]!.extensions!.fieldErrors as Array<{ path: string; message: string }>;
};

describe('変更前/変更後 of row counts', () => {
  it('seed 002: メールボックス (SMTP/POP3) 現在の契約数 1個 + 追加 1個 → 2', async () => {
    const app = ok(await submitChange(nac.code, { changeItems: ['MAILBOX'], mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }] }));
    expect(app.changes).toEqual([{ item: 'MAILBOX', field: 'counts.mailboxes.SMTP_POP3', before: '1', after: '2' }]);
  });

  it('seed 003: netNACCS端末 2台追加 (1 → 3); a mailbox abolished with one added leaves the count as it was and names the abolished one', async () => {
    const terminals = ok(await submitChange(nac.code, { changeItems: ['NET_TERMINAL'], terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count: 2 }] }));
    expect(terminals.changes).toEqual([{ item: 'NET_TERMINAL', field: 'counts.terminals.NET', before: '1', after: '3' }]);
    const swap = ok(await submitChange(nac.code, {
      changeItems: ['MAILBOX'], mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }, { action: 'DELETE', mailboxType: 'SMTP_POP3', mailboxId: nac.mailboxIds[0] }],
    }));
    // The count stays as it was; the abolished mailbox is named (issue 20: the comparison is never empty).
    expect(swap.changes).toEqual([{ item: 'MAILBOX', field: `mailboxes.${nac.mailboxIds[0]}`, before: 'SMTP_POP3', after: null }]);
  });

  it('seed 004: abolishing one of the 2 識別番号 of the 利用者コード → 1', async () => {
    const [first] = nac.userIds;
    const app = ok(await submitChange(nac.code, {
      changeItems: ['IDENT_NO'], reason: '担当者退職のため',
      userCodes: [{ action: 'CHANGE', userCode: first!.userCode, userIds: [{ action: 'DELETE', identNo: first!.identNo }] }],
    }));
    expect(app.changes).toEqual([{ item: 'IDENT_NO', field: `userCodes.${first!.userCode}.identNos`, before: '2', after: '1' }]);
  });

  it('seed 001 line: 一般NACCS回線 追加 (1 → 2); a change of the line (1Mbps → 3Mbps) is a field of the line (lines.<ルータ番号>.speed), not a count', async () => {
    const line = { ...nacSystemApplication().lines![0]!, constructionDate: FUTURE };
    const added = ok(await submitChange(general.code, { changeItems: ['GENERAL_LINE'], lines: [line], constructionContact: nacSystemApplication().constructionContact }));
    expect(added.changes).toEqual([{ item: 'GENERAL_LINE', field: 'counts.lines', before: '1', after: '2' }]);
    const changed = ok(await submitChange(general.code, { changeItems: ['GENERAL_LINE'], lines: [{ ...line, action: 'CHANGE', existingLineId: general.lineId, speed: '3Mbps' }] }));
    expect(changed.changes).toEqual([{ item: 'GENERAL_LINE', field: expect.stringMatching(/^lines\.\d+\.speed$/), before: '1Mbps', after: '3Mbps' }]);
  });

  it('are recomputed when a returned application is resubmitted', async () => {
    const app = ok(await submitChange(nac.code, { changeItems: ['MAILBOX'], mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }] }));
    const version = await givenOffices(server).returnForCorrection(app.id, app.version, 'メールボックス数をご確認ください。');
    const res = await server.gql(`mutation($id: ID!, $i: ResubmissionInput!, $v: Int!) { resubmitApplication(id: $id, input: $i, expectedVersion: $v) { changes { item field before after } } }`, {
      id: app.id, v: version,
      i: { changeApplication: { applicant: applicantKonsai, desiredStartDate: FUTURE, changeItems: ['MAILBOX'], mailboxes: [{ mailboxType: 'SMTP_POP3', count: 3 }] } },
    }, portal);
    expect(res.errors).toBeUndefined();
    expect(res.data!.resubmitApplication.changes).toEqual([{ item: 'MAILBOX', field: 'counts.mailboxes.SMTP_POP3', before: '1', after: '4' }]);
    expect(await sql('select 1 from application_change where application_id = ?', [app.id])).toHaveLength(1);
  });
});

describe('管理統計資料 and 保税管理資料保存サービス of a registered 利用者コード', () => {
  it('records 管理統計資料 有料 なし → あり and keeps what the change leaves out (無料 stays as registered)', async () => {
    const code = nac.userIds[0]!.userCode;
    const app = ok(await submitChange(nac.code, { changeItems: ['STATISTICS'], userCodes: [{ action: 'CHANGE', userCode: code, statisticsPaid: true }] }));
    expect(app.changes).toEqual([{ item: 'STATISTICS', field: `userCodes.${code}.statisticsPaid`, before: 'false', after: 'true' }]);
    expect(app.userCodes).toEqual([{ action: 'CHANGE', userCode: code, statisticsPaid: true, statisticsFree: true, bondedRecordService: false }]);
  });

  it('an 識別番号 added to the code does not clear its 管理統計資料 (無料)', async () => {
    const code = nac.userIds[0]!.userCode;
    const app = ok(await submitChange(nac.code, {
      changeItems: ['IDENT_NO'], userCodes: [{ action: 'CHANGE', userCode: code, userIds: [{ industries: ['CUSTOMS_BROKER'], processingMethod: 'INTERACTIVE', identCount: 1 }] }],
    }));
    expect(app.userCodes).toEqual([{ action: 'CHANGE', userCode: code, statisticsPaid: false, statisticsFree: true, bondedRecordService: false }]);
    expect(app.changes).toEqual([{ item: 'IDENT_NO', field: `userCodes.${code}.identNos`, before: '2', after: '3' }]);
  });

  it('refuses 保税管理資料保存サービス for a code of 通関業 without 管理統計資料 有料 (BAD_USER_INPUT naming the field); nothing stored', async () => {
    const code = nac.userIds[0]!.userCode;
    const before = await sql('select id from application');
    const res = await submitChange(nac.code, { changeItems: ['BONDED_RECORD_SERVICE'], userCodes: [{ action: 'CHANGE', userCode: code, bondedRecordService: true }] });
    expect(fieldErrors(res)).toEqual([
      { path: 'userCodes.0.bondedRecordService', message: '保税管理資料保存サービスは管理統計資料(有料)を申し込む場合のみ選択できます。' },
      { path: 'userCodes.0.bondedRecordService', message: '保税管理資料保存サービスは業種が CY・保税蔵置場・航空会社・機用品業 の場合のみ選択できます。' },
    ]);
    expect(await sql('select id from application')).toHaveLength(before.length);
  });

  it('takes 保存サービス for a code that gains a 保税蔵置場 利用者ID with 管理統計資料 有料 in the same application', async () => {
    const code = nac.userIds[0]!.userCode;
    const app = ok(await submitChange(nac.code, {
      changeItems: ['INDUSTRY', 'STATISTICS', 'BONDED_RECORD_SERVICE'],
      userCodes: [{ action: 'CHANGE', userCode: code, statisticsPaid: true, bondedRecordService: true, userIds: [{ industries: ['BONDED_WAREHOUSE'], processingMethod: 'INTERACTIVE', identCount: 1 }] }],
    }));
    expect(app.changes).toEqual(expect.arrayContaining([
      { item: 'BONDED_RECORD_SERVICE', field: `userCodes.${code}.bondedRecordService`, before: 'false', after: 'true' },
      { item: 'STATISTICS', field: `userCodes.${code}.statisticsPaid`, before: 'false', after: 'true' },
    ]));
  });
});

describe('変更前/変更後 of every change item (issue 20: never "記録はありません" when something changes)', () => {
  it('a terminal (区分の変更 and an addition), a mailbox abolished for a new one and a manager change: all three in the comparison', async () => {
    const terminal = nac.terminals.find((t) => t.type === 'NET')!;
    const current = (await sql<{ system_category: string }>('select system_category from terminal where name = ?', [terminal.name]))[0]!.system_category;
    const other = current === 'SEA' ? 'AIR' : 'SEA';
    const app = ok(await submitChange(nac.code, {
      changeItems: ['NET_TERMINAL', 'MAILBOX', 'MANAGER'],
      terminals: [{ action: 'CHANGE', terminalType: 'NET', systemCategory: current, terminalName: terminal.name, newSystemCategory: other }, { terminalType: 'NET', systemCategory: 'SEA', count: 1 }],
      mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }, { action: 'DELETE', mailboxType: 'SMTP_POP3', mailboxId: nac.mailboxIds[0] }],
      office: { manager: { ...applicantKonsai, lastName: '管理', firstName: '次郎', phone: '03-5555-0101' } },
    }));
    const items = new Set(app.changes.map((c: { item: string }) => c.item));
    expect([...items].sort()).toEqual(['MAILBOX', 'MANAGER', 'NET_TERMINAL']);
    expect(app.changes).toEqual(expect.arrayContaining([
      { item: 'NET_TERMINAL', field: `terminals.${terminal.name}.systemCategory`, before: current, after: other },
      { item: 'NET_TERMINAL', field: 'counts.terminals.NET', before: '1', after: '2' },
      { item: 'MAILBOX', field: `mailboxes.${nac.mailboxIds[0]}`, before: 'SMTP_POP3', after: null },
      { item: 'MANAGER', field: 'officeProfile.manager.lastName', before: expect.any(String), after: '管理' },
    ]));
    // Integrators read the same comparison (the read path and the entity path).
    const read = await server.gql('query($id: ID) { application(id: $id) { changes { item field before after } } }', { id: app.id }, portal);
    expect(read.data!.application.changes).toHaveLength(app.changes.length);
  });

  it('a line changed from its registered values: each changed field of the line', async () => {
    const line = { ...nacSystemApplication().lines![0]!, constructionDate: FUTURE };
    const registered = (await sql<{ speed: string }>('select speed from line where id = ?', [general.lineId]))[0]!.speed;
    const speed = registered === '3Mbps' ? '5Mbps' : '3Mbps';
    const app = ok(await submitChange(general.code, { changeItems: ['GENERAL_LINE'], lines: [{ ...line, action: 'CHANGE', existingLineId: general.lineId, speed }] }));
    expect(app.changes).toEqual([{ item: 'GENERAL_LINE', field: expect.stringMatching(/^lines\.\d+\.speed$/), before: registered, after: speed }]);
  });
});
