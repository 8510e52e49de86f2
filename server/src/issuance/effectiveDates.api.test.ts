// Contract changes take effect on their start date (利用開始日 / 適用日), never at approval (issue 16): each is recorded
// at approval with its date, shows in contractAsOf(date) and in the office's current contract only from that date
// (the `contract-changes` job writes it into the contract that day), and the office lists it as pending until then.
// Dates come from the clock: every start date is business days after the run's today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../common/clock.js';
import { todayInJapan } from '../common/dates.js';
import { addBusinessDays, addDays } from '../calendar/businessDays.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { givenOffices, type GivenOffice } from '../testing/offices.js';
import { seedOfficesAndStaff } from '../testing/signIns.js';
import { applicantKonsai, nacSystemApplication } from '../applications/intake/fixtures.js';
import { applyContractChanges } from './officeJob.js';

let server: TestServer;
let portal: string;
let supervisor: string;
let support: string;
/** ナックスシステム株式会社 in service (NAC001 of seeds 002–004) with its netNACCS terminal (99999W in seed 003). */
let nac: GivenOffice;
/** サイバーポート株式会社, the owner of the 利用者コード other offices share (CP999 in seed 000). */
let cyberPort: GivenOffice & { sharedUserCode: string };
const today = () => todayInJapan(server.clock.now());
/** The job as it runs on `date` (noon in Japan). */
const jobOn = (date: string) => applyContractChanges(server.orm.em, fixedClock(`${date}T12:00:00+09:00`));

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  ({ nac, cyberPort, portal, supervisor, support } = await seedOfficesAndStaff(server));
});
afterAll(async () => server?.close());

/** The SQL statements the approval ran (server.statements()), kept for the last approveChange. */
let approvalStatements: string[] = [];

/** A change application of `officeCode` through the portal, approved by the supervisor with `startDate`. */
async function approveChange(officeCode: string, input: Record<string, unknown>, startDate: string): Promise<string> {
  const submitted = await server.gql('mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id } }',
    { o: officeCode, i: { applicant: applicantKonsai, desiredStartDate: startDate, ...input } }, portal);
  expect(submitted.errors).toBeUndefined();
  const id = submitted.data!.submitChangeApplication.id as string;
  const v = (await server.gql('mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, supervisor)).data!.assignApplication.version;
  const before = server.queries();
  const approved = await server.gql('mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', { id, v, d: startDate }, supervisor);
  expect(approved.errors).toBeUndefined();
  approvalStatements = server.statements().slice(-(server.queries() - before));
  return id;
}

const OFFICE = `query($c: String!, $d: String!) { office(code: $c) {
  company { profile { name } } profile { manager { phone } emergencyFaxes }
  terminals { name systemCategory }
  userCodes { code endDate ownerEndDate }
  pendingChanges { effectiveDate target targetLabel receiptNo changes { field value } }
  contractAsOf(date: $d) { userIds userCodes terminalDetails { name systemCategory } companyProfile { name } officeProfile { manager { phone } emergencyFaxes } }
} }`;
const office = async (code: string, date: string) => {
  const res = await server.gql(OFFICE, { c: code, d: date }, support);
  expect(res.errors).toBeUndefined();
  return res.data!.office;
};
const category = (terminals: Array<{ name: string; systemCategory: string }>, name: string) => terminals.find((t) => t.name === name)?.systemCategory;

describe('seed 003: 区分の変更 of a netNACCS terminal (99999W 海上 → 航空)', () => {
  it('shows the new システム区分 from the start date only; pending until then; the job writes it that day', async () => {
    const START = addBusinessDays(today(), 12);
    const terminal = nac.terminals[0]!.name;
    await approveChange(nac.code, { changeItems: ['NET_TERMINAL'], terminals: [{ action: 'CHANGE', terminalType: 'NET', systemCategory: 'SEA', terminalName: terminal, newSystemCategory: 'AIR' }] }, START);
    // Recorded in the approval's one write statement (issue 14), the terminal row untouched.
    const inserting = approvalStatements.filter((q) => /insert into/i.test(q));
    expect(inserting).toHaveLength(1);
    expect(inserting[0]).toMatch(/insert into (?:"\w+"\.)?"contract_change"/);
    expect(approvalStatements.filter((q) => /update (?:"\w+"\.)?"terminal"/i.test(q))).toEqual([]);

    // Approved, not yet in effect: the current contract still has 海上, the change waits for its date.
    const before = await office(nac.code, addDays(START, -1));
    expect(category(before.terminals, terminal)).toBe('SEA');
    expect(category(before.contractAsOf.terminalDetails, terminal)).toBe('SEA');
    expect(before.pendingChanges).toEqual([expect.objectContaining({
      effectiveDate: START, target: 'TERMINAL', targetLabel: terminal, changes: [{ field: 'systemCategory', value: 'AIR' }],
    })]);
    expect(category((await office(nac.code, START)).contractAsOf.terminalDetails, terminal)).toBe('AIR');

    // The day before the start date the job changes nothing; on it the terminal is 航空.
    await jobOn(addDays(START, -1));
    expect(category((await office(nac.code, START)).terminals, terminal)).toBe('SEA');
    await jobOn(START);
    const after = await office(nac.code, addDays(START, -1));
    expect(category(after.terminals, terminal)).toBe('AIR');
    expect(after.pendingChanges).toEqual([]);
    // History stays readable: the day before it was still 海上.
    expect(category(after.contractAsOf.terminalDetails, terminal)).toBe('SEA');
    expect(category((await office(nac.code, START)).contractAsOf.terminalDetails, terminal)).toBe('AIR');
  });
});

describe('seed 002: 一般NACCS added to a netNACCS office (回線 and 論理端末 by a 変更申込)', () => {
  it('the office uses 一般NACCS, with its line, from the start date only', async () => {
    const START = addBusinessDays(today(), 61); // a line to lay: 60 business days
    const line = nacSystemApplication().lines![0]!;
    const SERVICES = `query($c: String!, $d: String!) { office(code: $c) { usesGeneral pendingChanges { target changes { field value } }
      contractAsOf(date: $d) { usesNet usesGeneral lines } } }`;
    const read = async (d: string) => (await server.gql(SERVICES, { c: nac.code, d }, support)).data!.office;
    expect((await read(START)).usesGeneral).toBe(false);
    await approveChange(nac.code, { changeItems: ['GENERAL_LINE', 'GENERAL_TERMINAL'], lines: [line], terminals: [{ terminalType: 'GENERAL', systemCategory: 'SEA', count: 1, lineNo: 1 }] }, START);
    const was = await read(addDays(START, -1));
    expect(was.usesGeneral).toBe(false);
    expect(was.contractAsOf).toEqual({ usesNet: true, usesGeneral: false, lines: [] });
    expect(was.pendingChanges).toEqual(expect.arrayContaining([{ target: 'OFFICE', changes: [{ field: 'usesGeneral', value: 'true' }] }]));
    expect((await read(START)).contractAsOf).toEqual({ usesNet: true, usesGeneral: true, lines: [expect.stringMatching(/^10\.200\.\d+\.\d+$/)] });
    await jobOn(START);
    expect((await read(START)).usesGeneral).toBe(true);
  });
});

describe('seed 002: 本社・事業所の変更 (企業名, システム管理責任者の電話番号・緊急連絡用FAX番号)', () => {
  it('company and 管理責任者 data change on the start date, not at approval', async () => {
    const START = addBusinessDays(today(), 15);
    const seed = nacSystemApplication();
    await approveChange(nac.code, {
      changeItems: ['COMPANY_OFFICE', 'MANAGER'],
      company: { ...seed.company, name: 'ナックスシステムホールディングス株式会社', nameKana: 'ナックスシステムホールディングスカブシキカイシャ' },
      office: { ...seed.office, manager: { ...seed.office!.manager, phone: '0355550000' }, emergencyFaxes: ['0398760000'] },
    }, START);
    const was = await office(nac.code, addDays(START, -1));
    expect(was.company.profile.name).toBe('ナックスシステム株式会社');
    expect(was.profile).toEqual({ manager: { phone: '0355559999' }, emergencyFaxes: ['0398765432'] });
    expect(was.contractAsOf).toMatchObject({ companyProfile: { name: 'ナックスシステム株式会社' }, officeProfile: { manager: { phone: '0355559999' } } });
    expect(was.pendingChanges.map((c: { target: string }) => c.target).sort()).toEqual(['COMPANY', 'OFFICE']);
    const office_ = was.pendingChanges.find((c: { target: string }) => c.target === 'OFFICE');
    expect(office_.changes).toEqual(expect.arrayContaining([{ field: 'profile.manager.phone', value: '0355550000' }]));
    expect((await office(nac.code, START)).contractAsOf).toMatchObject({
      companyProfile: { name: 'ナックスシステムホールディングス株式会社' }, officeProfile: { manager: { phone: '0355550000' }, emergencyFaxes: ['0398760000'] },
    });
    const found = async () => (await server.gql('{ offices(filter: { q: "ナックスシステムホールディングス" }) { items { code } } }', {}, support)).data!.offices.items.map((o: { code: string }) => o.code);
    expect(await found()).not.toContain(nac.code);
    await jobOn(START);
    const now = await office(nac.code, START);
    expect(now.company.profile.name).toBe('ナックスシステムホールディングス株式会社');
    expect(await found()).toContain(nac.code); // found by its new name from the start date
    expect(now.profile).toEqual({ manager: { phone: '0355550000' }, emergencyFaxes: ['0398760000'] });
    expect((await office(nac.code, addDays(START, -1))).contractAsOf.officeProfile.manager.phone).toBe('0355559999');
  });
});

describe('seeds 000/004: a shared 利用者コード (CP999 of サイバーポート)', () => {
  /** An office of another company sharing the code from `start` (seed 000's Cyber Port user). */
  async function sharingOffice(name: string, nameEn: string, start: string): Promise<string> {
    const input = {
      ...nacSystemApplication(start), lines: [], terminals: [], attachments: [], constructionContact: undefined, constructionAttendee: undefined,
      noLineRequired: true, plan: 'B', company: { name, nameKana: 'サイバーリヨウカブシキガイシャ', nameEn, headOfficeSameAsOffice: true },
      userCodes: [{ userCode: cyberPort.sharedUserCode, shared: true, userIds: [{ industries: ['CUSTOMS_BROKER'], processingMethod: 'SMTP_BIDIRECTIONAL', identCount: 1 }] }],
    };
    const opened = await givenOffices(server).approveNew(input as never, { at: server.clock, startDate: start });
    return opened.officeCode;
  }
  const abolition = (code: string, identNos: string[]) => ({
    changeItems: ['USER_CODE'], userCodes: [{ action: 'DELETE', userCode: code, userIds: identNos.map((identNo) => ({ action: 'DELETE', identNo })) }],
  });
  /** The office's own 識別番号 under the shared code on `date`. */
  const identNos = async (officeCode: string, date: string) => ((await office(officeCode, date)).contractAsOf.userIds as string[])
    .filter((id) => id.startsWith(cyberPort.sharedUserCode)).map((id) => id.slice(5));

  it('a sharing office\'s use starts and ends on its dates; the owner keeps the code', async () => {
    const SHARED = addBusinessDays(today(), 12);
    const ENDS = addBusinessDays(SHARED, 5);
    const sharer = await sharingOffice('サイバー共用一号株式会社', 'CYBER KYOYO ICHI CO.,LTD.', SHARED);
    expect((await office(sharer, addDays(SHARED, -1))).contractAsOf.userCodes).toEqual([]);
    expect((await office(sharer, SHARED)).contractAsOf.userCodes).toEqual([cyberPort.sharedUserCode]);
    const mine = await identNos(sharer, SHARED);
    await approveChange(sharer, abolition(cyberPort.sharedUserCode, mine), ENDS);
    // Approved: still shared until the 適用日, no longer from it; the owner keeps it.
    expect((await office(sharer, addDays(ENDS, -1))).contractAsOf.userCodes).toEqual([cyberPort.sharedUserCode]);
    expect((await office(sharer, ENDS)).contractAsOf.userCodes).toEqual([]);
    const owner = await office(cyberPort.code, ENDS);
    expect(owner.contractAsOf.userCodes).toEqual([cyberPort.sharedUserCode]);
    expect(owner.userCodes).toEqual([{ code: cyberPort.sharedUserCode, endDate: null, ownerEndDate: null }]);
  });

  it('seed 004: the owner\'s abolition ends only its own use while another office shares the code; the code ends when the last one applies', async () => {
    const SHARED = addBusinessDays(today(), 12);
    const OWNER_ENDS = addBusinessDays(SHARED, 5);
    const SHARER_ENDS = addBusinessDays(SHARED, 10);
    const sharer = await sharingOffice('サイバー共用二号株式会社', 'CYBER KYOYO NI CO.,LTD.', SHARED);
    const ownerIds = cyberPort.userIds.filter((u) => u.userCode === cyberPort.sharedUserCode).map((u) => u.identNo);
    const ownerApp = await approveChange(cyberPort.code, abolition(cyberPort.sharedUserCode, ownerIds), OWNER_ENDS);
    const missing = async (id: string) => (await server.gql('query($id: ID!) { application(id: $id) { userCodes { abolitionMissingOffices } } }', { id }, support))
      .data!.application.userCodes[0].abolitionMissingOffices;
    // The sharing office that has not applied (the first test's has: its use ends on its own date).
    expect(await missing(ownerApp)).toEqual([sharer]);
    // The owner's use ends on its 適用日; the office that never applied keeps the code, which does not end.
    const owner = await office(cyberPort.code, OWNER_ENDS);
    expect(owner.userCodes).toEqual([{ code: cyberPort.sharedUserCode, endDate: null, ownerEndDate: OWNER_ENDS }]);
    expect((await office(cyberPort.code, addDays(OWNER_ENDS, -1))).contractAsOf.userCodes).toEqual([cyberPort.sharedUserCode]);
    expect(owner.contractAsOf.userCodes).toEqual([]);
    expect((await office(sharer, OWNER_ENDS)).contractAsOf.userCodes).toEqual([cyberPort.sharedUserCode]);
    expect((await office(sharer, SHARER_ENDS)).contractAsOf.userCodes).toEqual([cyberPort.sharedUserCode]);
    // Other sharing offices (the first test's, already ended) and this one: when it applies too, the code ends on the last date.
    const mine = await identNos(sharer, SHARED);
    const sharerApp = await approveChange(sharer, abolition(cyberPort.sharedUserCode, mine), SHARER_ENDS);
    expect(await missing(sharerApp)).toEqual([]);
    expect(await missing(ownerApp)).toEqual([]);
    expect((await office(cyberPort.code, SHARER_ENDS)).userCodes).toEqual([{ code: cyberPort.sharedUserCode, endDate: SHARER_ENDS, ownerEndDate: OWNER_ENDS }]);
    expect((await office(sharer, addDays(SHARER_ENDS, -1))).contractAsOf.userCodes).toEqual([cyberPort.sharedUserCode]);
    expect((await office(sharer, SHARER_ENDS)).contractAsOf.userCodes).toEqual([]);
  });
});
