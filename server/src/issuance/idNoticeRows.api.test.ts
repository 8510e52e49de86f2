import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { todayInJapan } from '../common/dates.js';
import { addBusinessDays, addDays } from '../calendar/businessDays.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { portalAndSupervisor } from '../testing/portal.js';
import { applicantKonsai, nacSystemApplication } from '../applications/intake/fixtures.js';
import type { NewApplicationInput } from '../applications/intake/inputs.js';

// Issue 16: 申込結果 shows 契約満了日 and 利用申込書提出締切日 (seeds 002/003: 「申込結果 利用開始日 / 契約満了日 /
// 利用申込書提出締切日 / システム設定申込締切日」), and ID通知内容 terminal rows carry the line's IP address, ルータ番号 and
// パッケージソフト区分 (seed 001: 「11111 共用 PC インタ 99997C ***.***.***.***」, seed 003: 「海上 net net 999999W …」).

let server: TestServer;
let portal: string;
let flow: Awaited<ReturnType<typeof portalAndSupervisor>>;
const START = addBusinessDays(todayInJapan(testClock.now()), 61); // beyond a line's lead time (60 business days)

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  flow = await portalAndSupervisor(server);
  portal = flow.portal;
});
afterAll(async () => server?.close());

const RESULT = 'startDate systemSettingsDeadline contractEndDate applicationFormDeadline';
const NOTICE = `query($id: ID!) { idNotice(applicationId: $id) { ${RESULT}
  lines { routerNo ipAddress lineType } terminals { name type routerNo ipAddress packageSoftware } } }`;
const APPLICATION = `query($id: ID!) { application(id: $id) { status contractEndDate applicationFormDeadline result { item added changed deleted } } }`;

async function submitNew(input: NewApplicationInput): Promise<string> {
  const res = await flow.submitNew(input);
  expect(res.errors).toBeUndefined();
  return res.data!.submitNewApplication.id;
}
const approve = (id: string, startDate = START) => flow.approve(id, startDate);

const notice = async (id: string) => {
  const res = await server.gql(NOTICE, { id }, portal);
  expect(res.errors).toBeUndefined();
  return res.data!.idNotice;
};

describe('ID通知内容: 論理端末の行', () => {
  it('seed 001: the 一般NACCS terminal carries its line\'s ルータ番号 and IPアドレス and the パッケージソフト区分 インタ', async () => {
    // ナックスシステム株式会社: 専用線 1Mbps (ルータ番号 1) and one 一般NACCS terminal on it.
    const id = await submitNew(nacSystemApplication());
    await approve(id);
    const n = await notice(id);
    expect(n.lines).toEqual([{ routerNo: 1, ipAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/), lineType: 'LEASED' }]);
    expect(n.terminals).toEqual([{ name: expect.stringMatching(/^\d{5}C$/), type: 'GENERAL', routerNo: 1, ipAddress: n.lines[0].ipAddress, packageSoftware: 'INTERACTIVE' }]);
  });

  it('two lines: each terminal shows the line it was added on; a ゲートウェイ接続 (自社システム) terminal has no package software', async () => {
    const base = nacSystemApplication();
    const input: NewApplicationInput = {
      ...base,
      company: { ...base.company!, name: 'ナックス海運株式会社', nameKana: 'ナックスカイウンカブシキガイシャ', nameEn: 'NACCS KAIUN CO.,LTD.' },
      lines: [base.lines![0]!, { ...base.lines![0]!, connectionMethod: 'GATEWAY' as never, lineType: 'FIBER' as never, speed: '光' }],
      terminals: [{ ...base.terminals![0]!, lineNo: 2 }, { ...base.terminals![0]!, lineNo: 1 }],
    };
    const id = await submitNew(input);
    await approve(id);
    const n = await notice(id);
    const ip = (routerNo: number) => n.lines.find((l: any) => l.routerNo === routerNo)!.ipAddress;
    expect(n.lines.map((l: any) => l.routerNo).sort()).toEqual([1, 2]);
    expect(ip(1)).not.toBe(ip(2));
    expect(n.terminals.map((t: any) => [t.routerNo, t.ipAddress, t.packageSoftware]).sort()).toEqual([[1, ip(1), 'INTERACTIVE'], [2, ip(2), null]]);
  });

  it('seed 003: a netNACCS terminal shows パッケージソフト区分 net and no line', async () => {
    const base = nacSystemApplication();
    const id = await submitNew({
      ...base, connection: 'NET' as never, lines: [], attachments: [], constructionContact: undefined, constructionAttendee: undefined,
      company: { ...base.company!, name: 'ナックス商事株式会社', nameKana: 'ナックスショウジカブシキガイシャ', nameEn: 'NACCS SHOJI CO.,LTD.' },
      terminals: [{ terminalType: 'NET' as never, systemCategory: 'SEA' as never, count: 2 }],
    });
    await approve(id);
    const n = await notice(id);
    expect(n.terminals).toEqual([0, 1].map(() => ({ name: expect.stringMatching(/^\d{5}W$/), type: 'NET', routerNo: null, ipAddress: null, packageSoftware: 'NET' })));
  });
});

describe('申込結果: 契約満了日 と 利用申込書提出締切日', () => {
  it('the 申込書 counts as submitted on the 審査終了日; a new application ends no contract', async () => {
    const base = nacSystemApplication();
    const id = await submitNew({ ...base, company: { ...base.company!, name: 'ナックス運輸株式会社', nameKana: 'ナックスウンユカブシキガイシャ', nameEn: 'NACCS UNYU CO.,LTD.' } });
    const before = await server.gql(APPLICATION, { id }, flow.supervisor);
    expect(before.data!.application).toMatchObject({ status: 'RECEIVED', contractEndDate: null, applicationFormDeadline: null });
    await approve(id);
    const today = todayInJapan(server.clock.now());
    const n = await notice(id);
    expect(n).toMatchObject({ startDate: START, contractEndDate: null, applicationFormDeadline: today, systemSettingsDeadline: expect.any(String) });
    const app = (await server.gql(APPLICATION, { id }, flow.supervisor)).data!.application;
    expect(app).toMatchObject({ status: 'APPROVED', contractEndDate: null, applicationFormDeadline: today });
    expect(app.result).toContainEqual({ item: '回線数', added: 1, changed: 0, deleted: 0 });
  });

  it('契約解除・事業所廃止: the 契約満了日 is the day before the 適用日', async () => {
    const base = nacSystemApplication();
    const opened = await submitNew({ ...base, company: { ...base.company!, name: '満了物流株式会社', nameKana: 'マンリョウブツリュウカブシキガイシャ', nameEn: 'MANRYO BUTSURYU CO.,LTD.' } });
    await approve(opened);
    const { officeCode } = (await server.gql('query($id: ID!) { idNotice(applicationId: $id) { officeCode } }', { id: opened }, portal)).data!.idNotice;
    const END = addBusinessDays(START, 5);
    const res = await server.gql('mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id } }',
      { o: officeCode, i: { otherChange: 'TERMINATION', applicant: applicantKonsai, desiredStartDate: END, reason: '事業所閉鎖のため' } }, portal);
    expect(res.errors).toBeUndefined();
    const id = res.data!.submitChangeApplication.id;
    await approve(id, END);
    expect(await notice(id)).toMatchObject({ startDate: END, contractEndDate: addDays(END, -1), applicationFormDeadline: todayInJapan(server.clock.now()) });
    expect((await server.gql(APPLICATION, { id }, flow.supervisor)).data!.application.contractEndDate).toBe(addDays(END, -1));
  });
});
