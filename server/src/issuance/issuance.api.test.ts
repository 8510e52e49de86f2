import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { fixedClock } from '../common/clock.js';
import { Role } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { todayInJapan } from '../common/dates.js';
import { addBusinessDays, addDays, subtractBusinessDays } from '../calendar/businessDays.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import type { GivenOffice } from '../testing/offices.js';
import { seedOfficesAndStaff } from '../testing/signIns.js';
import { applicantKonsai, nacSystemApplication } from '../applications/intake/fixtures.js';
import { IdNoticeService } from './IdNoticeService.js';
import { applyContractChanges, closeEndedOffices } from './officeJob.js';

let server: TestServer;
let portal: string;
let supervisor: string;
let support: string;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const START = addBusinessDays(todayInJapan(testClock.now()), 61); // beyond a line's lead time (60 business days)
const revealed: string[] = [];
/** ナックスシステム株式会社 in service (NAC001 of seeds 002–004), and サイバーポート株式会社 whose 利用者コード others share (seed 000). */
let nac: GivenOffice;
let cyberPort: GivenOffice & { sharedUserCode: string };

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  ({ nac, cyberPort, portal, supervisor, support } = await seedOfficesAndStaff(server));
});
afterAll(async () => server?.close());

const NOTICE = `query($id: ID!, $r: Boolean) { idNotice(applicationId: $id, revealPasswords: $r) {
  receiptNo startDate systemSettingsDeadline abbreviation officeCode officePassword officePasswordReadable systemCategory customsOffice billingCode
  userIds { userCode identNo userId password passwordReadable processingMethod endDate } abolishedUserIds { userId endDate }
  lines { ipAddress speed } terminals { name accessKey type } mailboxes { mailboxId password passwordReadable } passwordsRevealed maskReason } }`;

/** Submits through the portal, then assigns and approves as the supervisor; returns the ID通知内容 with passwords. */
async function approve(submit: () => Promise<{ id: string }>, abbreviation?: string, startDate = START) {
  const { id } = await submit();
  const assigned = await server.gql('mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, supervisor);
  const approved = await server.gql(
    'mutation($id: ID!, $v: Int!, $d: String!, $a: String) { approveApplication(id: $id, startDate: $d, expectedVersion: $v, abbreviation: $a) { status } }',
    { id, v: assigned.data!.assignApplication.version, d: startDate, a: abbreviation }, supervisor);
  expect(approved.errors).toBeUndefined();
  const notice = await server.gql(NOTICE, { id, r: true }, portal);
  expect(notice.errors).toBeUndefined();
  const n = notice.data!.idNotice;
  for (const p of [n.officePassword, ...n.userIds.map((u: any) => u.password), ...n.mailboxes.map((m: any) => m.password)]) if (p && p !== '********') revealed.push(p);
  return { id, notice: n };
}

async function submitNew(input: Record<string, unknown>) {
  const account = (await server.gql('mutation($i: ProvisionalAccountInput!) { registerProvisionalAccount(input: $i) { loginId } }',
    { i: { companyName: '株式会社テスト', companyNameKana: 'カブシキガイシャテスト', applicant: applicantKonsai } }, portal)).data!.registerProvisionalAccount;
  const res = await server.gql('mutation($l: String!, $i: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $l, input: $i) { id } }', { l: account.loginId, i: input }, portal);
  expect(res.errors).toBeUndefined();
  return res.data!.submitNewApplication;
}

async function submitChange(input: Record<string, unknown>) {
  const res = await server.gql('mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id } }', { o: nac.code, i: input }, portal);
  expect(res.errors).toBeUndefined();
  return res.data!.submitChangeApplication;
}

const PASSWORD = /^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{8}$/;

describe('issuance on approval: the seeds\' five scenarios', () => {
  it('seed 001 (new 一般NACCS with a line): 企業略称, 事業所コード, passwords, 請求先コード, 利用者ID ending in a digit, IP address', async () => {
    const { notice } = await approve(() => submitNew({ ...nacSystemApplication(), company: { ...nacSystemApplication().company, name: 'ナックス物流株式会社', nameKana: 'ナックスブツリュウカブシキカイシャ', nameEn: 'NACCS BUTSURYU CO.,LTD.' } }));
    expect(notice.abbreviation).toMatch(/^[A-Z]{3}$/);
    expect(notice.abbreviation).not.toBe(nac.abbreviation); // NACCS …'s first candidate, taken by ナックスシステム
    expect(notice.officeCode).toBe(`${notice.abbreviation}001`);
    expect(notice.officePassword).toMatch(PASSWORD);
    expect(notice.billingCode).toMatch(/^\d{7}$/);
    expect(notice.startDate).toBe(START);
    expect(notice.systemSettingsDeadline).toBe(subtractBusinessDays(START, 4));
    expect(notice.userIds).toHaveLength(1);
    expect(notice.userIds[0].userCode).toMatch(new RegExp(`^[0-9A-Z]{2}${notice.abbreviation}$`));
    expect(notice.userIds[0].identNo).toMatch(/^[A-Z0-9]{2}[0-9]$/);
    expect(notice.userIds[0].userId).toBe(`${notice.userIds[0].userCode}${notice.userIds[0].identNo}`);
    expect(notice.userIds[0].password).toMatch(PASSWORD);
    expect(notice.lines[0].ipAddress).toMatch(/^10\.200\.\d+\.\d+$/);
    expect(notice.terminals[0].name).toMatch(/^\d{5}C$/);
    expect(notice.terminals[0].accessKey).toMatch(/^\d{13}$/);
  });

  it('honours the 企業略称 the reviewer chose, and refuses one already taken', async () => {
    const input = { ...nacSystemApplication(), company: { ...nacSystemApplication().company, name: '港湾テスト株式会社', nameKana: 'コウワンテストカブシキガイシャ', nameEn: 'KOWAN TEST CO.,LTD.' } };
    const { notice } = await approve(() => submitNew(input), 'KWT');
    expect(notice.abbreviation).toBe('KWT');
    const { id } = await submitNew({ ...input, company: { ...input.company, name: '別会社株式会社' } });
    const v = (await server.gql('mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, supervisor)).data!.assignApplication.version;
    const taken = await server.gql('mutation($id: ID!, $v: Int!, $d: String!, $a: String) { approveApplication(id: $id, startDate: $d, expectedVersion: $v, abbreviation: $a) { status } }', { id, v, d: START, a: nac.abbreviation }, supervisor);
    expect(taken.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'abbreviation', message: expect.stringContaining(nac.abbreviation) }]);
  });

  it('seed 000 (Cyber Port): the shared code (CP999 in the seed) gets a Y-first 識別番号 for SMTP双方向', async () => {
    const input = {
      ...nacSystemApplication(), lines: [], terminals: [], attachments: [], constructionContact: undefined, constructionAttendee: undefined,
      noLineRequired: true, plan: 'B', company: { name: 'サイバー利用株式会社', nameKana: 'サイバーリヨウカブシキガイシャ', nameEn: 'CYBER RIYO CO.,LTD.', headOfficeSameAsOffice: true },
      userCodes: [{ userCode: cyberPort.sharedUserCode, shared: true, userIds: [{ industries: ['CUSTOMS_BROKER'], processingMethod: 'SMTP_BIDIRECTIONAL', identCount: 1 }] }],
    };
    const { notice } = await approve(() => submitNew(input));
    expect(notice.userIds).toEqual([expect.objectContaining({ userCode: cyberPort.sharedUserCode, processingMethod: 'SMTP_BIDIRECTIONAL' })]);
    expect(notice.userIds[0].identNo).toMatch(/^Y[A-Z][0-9]$/);
    const shared = await sql(`select 1 from user_code_share s join user_code u on u.id = s.user_code_id join office o on o.id = s.office_id where u.code = ? and o.code = ?`, [cyberPort.sharedUserCode, notice.officeCode]);
    expect(shared).toHaveLength(1);
  });

  it('seed 002 (mailbox) and seed 003 (two netNACCS terminals) on ナックスシステム (NAC001 in the seeds)', async () => {
    const mail = await approve(() => submitChange({ changeItems: ['MAILBOX'], applicant: applicantKonsai, desiredStartDate: START, mailboxes: [{ mailboxType: 'SMTP_POP3', count: 1 }] }));
    // 事業所コード + the next 2-digit serial after the office's mailboxes.
    const next = `${nac.code}${String(nac.mailboxIds.length + 1).padStart(2, '0')}`;
    expect(nac.mailboxIds).toEqual([`${nac.code}01`]);
    expect(mail.notice.mailboxes).toEqual([{ mailboxId: next, password: expect.stringMatching(PASSWORD), passwordReadable: true }]);
    expect(mail.notice.officePassword).toBeNull();
    const net = await approve(() => submitChange({ changeItems: ['NET_TERMINAL'], applicant: applicantKonsai, desiredStartDate: START, terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count: 2 }] }));
    expect(net.notice.terminals).toHaveLength(2);
    for (const t of net.notice.terminals) expect(t).toMatchObject({ type: 'NET', name: expect.stringMatching(/^\d{5}W$/), accessKey: expect.stringMatching(/^\d{13}$/) });
  });

  it('一般NACCS on ナックスシステム: a line with a terminal, then terminals added on that existing line by its ルータ番号 in the change', async () => {
    const line = nacSystemApplication().lines![0]!;
    const base = { applicant: applicantKonsai, desiredStartDate: START };
    const added = await approve(() => submitChange({ ...base, changeItems: ['GENERAL_LINE', 'GENERAL_TERMINAL'], lines: [line], terminals: [{ terminalType: 'GENERAL', systemCategory: 'SEA', count: 1, lineNo: 1 }] }));
    expect(added.notice.lines).toHaveLength(1);
    const [{ id: lineId }] = await sql<{ id: string }>(`select l.id from line l join office o on o.id = l.office_id where o.code = ? and l.end_date is null`, [nac.code]) as [{ id: string }];
    const LATER = addBusinessDays(START, 5);
    await approve(() => submitChange({ ...base, changeItems: ['GENERAL_LINE', 'GENERAL_TERMINAL'],
      lines: [{ ...line, action: 'CHANGE', existingLineId: lineId, speed: '10Mbps' }], terminals: [{ terminalType: 'GENERAL', systemCategory: 'SEA', count: 2, lineNo: 1 }] }), undefined, LATER);
    const onLine = () => sql<{ speed: string; terminals: string }>(`select l.speed, (select count(*) from terminal t where t.line_id = l.id) as terminals from line l where l.id = ?`, [lineId]);
    // The line's change takes effect on the start date (contract as of a date; the job writes it on that day).
    expect(await onLine()).toEqual([{ speed: '1Mbps', terminals: '3' }]);
    const speedOn = async (d: string) => (await server.gql('query($c: String!, $d: String!) { office(code: $c) { contractAsOf(date: $d) { lineDetails { id speed } } } }', { c: nac.code, d }, support))
      .data!.office.contractAsOf.lineDetails.find((l: { id: string }) => l.id === lineId)?.speed;
    expect(await speedOn(addDays(LATER, -1))).toBe('1Mbps');
    expect(await speedOn(LATER)).toBe('10Mbps');
    await applyContractChanges(server.orm.em, fixedClock(`${LATER}T12:00:00+09:00`));
    expect(await onLine()).toEqual([{ speed: '10Mbps', terminals: '3' }]);
    expect(await speedOn(addDays(LATER, -1))).toBe('1Mbps');
    expect(await speedOn(LATER)).toBe('10Mbps');
  });

  it('issues 150 論理端末名 in one row with a bounded number of queries, all distinct', async () => {
    const { id } = await submitChange({ changeItems: ['NET_TERMINAL'], applicant: applicantKonsai, desiredStartDate: START, terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count: 150 }] });
    const v = (await server.gql('mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, supervisor)).data!.assignApplication.version;
    const before = server.queries();
    const approved = await server.gql('mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', { id, v, d: START }, supervisor);
    expect(approved.data!.approveApplication.status).toBe('APPROVED');
    expect(server.queries() - before).toBeLessThan(80);
    const names = (await sql<{ name: string }>('select name from terminal where issued_by_id = ?', [id])).map((r) => r.name);
    expect(names).toHaveLength(150);
    expect(new Set(names).size).toBe(150);
    for (const n of names) expect(n).toMatch(/^\d{5}W$/);
  });

  it('seed 004 (識別番号 abolition): the abolished 利用者ID (1ANACA0A in the seed) stays live until the start date and is abolished from it', async () => {
    const userId = (u: { userCode: string; identNo: string }) => `${u.userCode}${u.identNo}`;
    const [abolished, kept] = [nac.userIds[0]!, nac.userIds[1]!];
    const { notice } = await approve(() => submitChange({ changeItems: ['IDENT_NO'], applicant: applicantKonsai, desiredStartDate: START, userCodes: [{ action: 'CHANGE', userCode: abolished.userCode, userIds: [{ action: 'DELETE', identNo: abolished.identNo }] }] }));
    expect(notice.abolishedUserIds).toEqual([{ userId: userId(abolished), endDate: START }]);
    const asOf = async (d: string) => (await server.gql('query($c: String!, $d: String!) { office(code: $c) { contractAsOf(date: $d) { userIds } } }', { c: nac.code, d }, support)).data!.office.contractAsOf.userIds;
    expect(await asOf(addDays(START, -1))).toContain(userId(abolished));
    expect(await asOf(START)).not.toContain(userId(abolished));
    expect(await asOf(START)).toContain(userId(kept));
  });
});

describe('契約解除・事業所廃止', () => {
  it('keeps the office 利用中 with its IDs until the start date, then the job closes it (audited) and changes are refused', async () => {
    const input = { ...nacSystemApplication(), company: { ...nacSystemApplication().company, name: '解除物流株式会社', nameKana: 'カイジョブツリュウカブシキガイシャ', nameEn: 'KAIJO BUTSURYU CO.,LTD.' } };
    const { notice } = await approve(() => submitNew(input));
    const code = notice.officeCode as string;
    const CHANGE = 'mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id } }';
    const END = addBusinessDays(START, 5);
    const termination = { otherChange: 'TERMINATION', applicant: applicantKonsai, desiredStartDate: END };
    await approve(async () => (await server.gql(CHANGE, { o: code, i: termination }, portal)).data!.submitChangeApplication, undefined, END);
    const office = async (d: string) => (await server.gql('query($c: String!, $d: String!) { office(code: $c) { status endDate contractAsOf(date: $d) { userIds } } }', { c: code, d }, support)).data!.office;
    expect(await office(addDays(END, -1))).toMatchObject({ status: 'ACTIVE', endDate: END, contractAsOf: { userIds: [expect.any(String)] } });
    expect((await office(END)).contractAsOf.userIds).toEqual([]);
    const noonOf = (d: string) => new Date(`${d}T12:00:00+09:00`);
    await closeEndedOffices(server.orm.em, fixedClock(noonOf(addDays(END, -1))));
    expect((await office(END)).status).toBe('ACTIVE');
    await closeEndedOffices(server.orm.em, fixedClock(noonOf(END)));
    expect((await office(END)).status).toBe('CLOSED');
    expect(await sql(`select action, detail from audit_log where target = ?`, [code])).toEqual([{ action: 'OFFICE_CLOSE', detail: `契約解除・事業所廃止 (${END})` }]);
    const refused = await server.gql(CHANGE, { o: code, i: { changeItems: ['PLAN'], plan: 'B', applicant: applicantKonsai, desiredStartDate: END } }, portal);
    expect(refused.errors?.[0]?.extensions?.fieldErrors?.[0]?.message).toContain('利用中ではない');
  });
});

describe('キャンセル after approval', () => {
  it('nothing the approval issued ever takes effect, its certificates stop, and the new office closes', async () => {
    const input = {
      ...nacSystemApplication(), connection: 'NET', lines: [], attachments: [], constructionContact: undefined, constructionAttendee: undefined,
      terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count: 1 }],
      company: { ...nacSystemApplication().company, name: '取消物流株式会社', nameKana: 'トリケシブツリュウカブシキガイシャ', nameEn: 'TORIKESHI BUTSURYU CO.,LTD.' },
    };
    const { id, notice } = await approve(() => submitNew(input));
    const asOf = async (d: string) => (await server.gql('query($c: String!, $d: String!) { office(code: $c) { status contractAsOf(date: $d) { userIds terminals lines } } }',
      { c: notice.officeCode, d }, support)).data!.office;
    expect((await asOf(START)).contractAsOf.userIds).toHaveLength(1);
    const [{ version }] = await sql<{ version: number }>('select version from application where id = ?', [id]) as [{ version: number }];
    const cancelled = await server.gql('mutation($id: ID!, $v: Int!) { cancelApplication(id: $id, reason: "お客様のご依頼により", expectedVersion: $v) { status } }', { id, v: version }, supervisor);
    expect(cancelled.data!.cancelApplication.status).toBe('CANCELLED');
    const after = await asOf(START);
    expect(after.status).toBe('CLOSED');
    expect(after.contractAsOf).toEqual({ userIds: [], terminals: [], lines: [] });
    const certificates = await sql(`select c.status, c.reason from certificate c join terminal t on t.id = c.terminal_id where t.issued_by_id = ?`, [id]);
    expect(certificates).toEqual([{ status: 'STOPPED', reason: '申込がキャンセルされたため停止しました。' }]);
    const history = await sql(`select from_status, to_status from application_history where application_id = ? and action = 'CANCEL'`, [id]);
    expect(history).toEqual([{ from_status: 'APPROVED', to_status: 'CANCELLED' }]);
  });
});

describe('パスワード参照期間', () => {
  it('readable on the approval day and on start + 2 business days, masked on start + 3; support always masked; reissue reopens', async () => {
    const { id } = await approve(() => submitChange({ changeItems: ['MAILBOX'], applicant: applicantKonsai, desiredStartDate: START, mailboxes: [{ mailboxType: 'EDIFACT', count: 1 }] }));
    const at = (iso: string) => fixedClock(`${iso}T12:00:00+09:00`);
    const readAs = (iso: string, roles: Role[]) => new IdNoticeService(server.orm.em.fork(), box, at(iso)).read(id, roles, { name: 'テスト', role: roles[0]! }, true);
    const today = todayInJapan(testClock.now());
    expect((await readAs(today, [Role.REVIEWER])).mailboxes[0]!.password.readable).toBe(true);
    expect((await readAs(addBusinessDays(START, 2), [Role.REVIEWER])).mailboxes[0]!.password.value).toMatch(PASSWORD);
    const late = await readAs(addBusinessDays(START, 3), [Role.REVIEWER]);
    expect(late.mailboxes[0]!.password).toEqual({ value: '********', readable: false });
    expect(late.maskReason).toContain('参照期間');
    const bySupport = await server.gql(NOTICE, { id, r: true }, support);
    expect(bySupport.data!.idNotice.mailboxes[0].password).toBe('********');
    expect(bySupport.data!.idNotice.maskReason).toContain('ロール');

    // Every reveal is history (who, when, which).
    const reads = await sql(`select actor_name, message from application_history where application_id = ? and action = 'PASSWORD_READ'`, [id]);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads[0]!.message).toMatch(new RegExp(`メールボックス ${nac.code}\\d{2}`));

    const mailboxId = late.mailboxes[0]!.mailbox.mailboxId;
    const reissue = await server.gql('mutation($c: String!) { reissuePassword(target: { kind: MAILBOX, code: $c }, reason: "紛失のため") { readableUntil } }', { c: mailboxId }, supervisor);
    expect(reissue.errors).toBeUndefined();
    const after = await new IdNoticeService(server.orm.em.fork(), box, testClock).read(id, [Role.SUPERVISOR], { name: 'sv', role: 'SUPERVISOR' }, true);
    expect(after.mailboxes[0]!.password.readable).toBe(true);
    const byReviewer = await server.gql('mutation($c: String!) { reissuePassword(target: { kind: MAILBOX, code: $c }, reason: "x") { readableUntil } }', { c: mailboxId }, support);
    expect(byReviewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('secrets at rest', () => {
  it('no issued password appears in plain text anywhere in the database (pg_dump when it matches the server, else every row)', async () => {
    expect(revealed.length).toBeGreaterThan(5);
    let dump = '';
    const [{ server_version_num }] = (await sql<{ server_version_num: string }>('show server_version_num')) as [{ server_version_num: string }];
    try {
      const client = Number(execFileSync('pg_dump', ['--version']).toString().match(/(\d+)\./)![1]);
      if (client >= Math.floor(Number(server_version_num) / 10000)) dump = execFileSync('pg_dump', ['--data-only', server.db.url], { maxBuffer: 1 << 28 }).toString();
    } catch {
      // no usable pg_dump here: fall through to the row dump
    }
    if (!dump) {
      const tables = await sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
      for (const { table_name } of tables) dump += JSON.stringify(await sql(`select row_to_json(t) as r from "${table_name}" t`));
    }
    expect(dump.length).toBeGreaterThan(10_000);
    for (const password of revealed) expect(dump).not.toContain(password);
  });
});
