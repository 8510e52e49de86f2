// The approval's lead-time guard (issue 20 item 2): approveApplication refuses a start date before the minimum the
// preview names (the standard lead time from 受付; for a new application, a システム設定申込締切日 not yet past) unless
// the reviewer overrides it with a reason, which the history records in the same transaction. Dates from the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';
import { addBusinessDays, subtractBusinessDays } from '../calendar/businessDays.js';
import { todayInJapan } from '../common/dates.js';
import { MESSAGE_MAX } from './workflow.js';

let server: TestServer;
let reviewer: string;
const sql = (q: string, p: unknown[] = []) => server.orm.em.getConnection().execute(q, p);
const today = () => todayInJapan(server.clock.now());

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await server.login('reviewer@example.jp');
});
afterAll(async () => server?.close());

const PREVIEW = 'query($a: ID!, $d: String!) { approvalPreview(applicationId: $a, startDate: $d) { minimumStartDate overrideNeeded startDateProblem } }';
const APPROVE = `mutation($id: ID!, $v: Int!, $d: String!, $o: Boolean, $r: String) {
  approveApplication(id: $id, startDate: $d, expectedVersion: $v, override: $o, overrideReason: $r) { status startDate version } }`;
const HISTORY = 'query($id: ID) { application(id: $id) { status version history { action message internal } } }';

const inReview = (kind: 'NEW' | 'CHANGE' = 'NEW') => given(server).application({ status: 'IN_REVIEW', kind });

describe('approveApplication: the lead-time guard', () => {
  it('refuses a new application with a line 20 business days out, naming the minimum (60 from 受付); stores nothing', async () => {
    const app = await inReview();
    const minimum = addBusinessDays(today(), 60);
    const early = addBusinessDays(today(), 20);
    const preview = (await server.gql(PREVIEW, { a: app.id, d: early }, reviewer)).data!.approvalPreview;
    expect(preview).toMatchObject({ minimumStartDate: minimum, startDateProblem: null, overrideNeeded: expect.stringContaining(minimum) });
    expect((await server.gql(PREVIEW, { a: app.id, d: minimum }, reviewer)).data!.approvalPreview.overrideNeeded).toBeNull();

    const refused = await server.gql(APPROVE, { id: app.id, v: app.version, d: early }, reviewer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'startDate', message: expect.stringContaining(minimum) }] });
    const after = (await server.gql(HISTORY, { id: app.id }, reviewer)).data!.application;
    expect(after).toMatchObject({ status: 'IN_REVIEW', version: app.version });
    expect(after.history.map((h: { action: string }) => h.action)).not.toContain('APPROVE');
  });

  it('approves it with an explicit override and its reason, recorded in the history of the same version', async () => {
    const app = await inReview();
    const early = addBusinessDays(today(), 20);
    const noReason = await server.gql(APPROVE, { id: app.id, v: app.version, d: early, o: true, r: '  ' }, reviewer);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'overrideReason' }] });
    const tooLong = await server.gql(APPROVE, { id: app.id, v: app.version, d: early, o: true, r: 'あ'.repeat(MESSAGE_MAX + 1) }, reviewer);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'overrideReason' }] });

    const approved = await server.gql(APPROVE, { id: app.id, v: app.version, d: early, o: true, r: '回線は既設のものを移設するため工事不要と確認済み' }, reviewer);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveApplication).toMatchObject({ status: 'APPROVED', startDate: early });
    const { history } = (await server.gql(HISTORY, { id: app.id }, reviewer)).data!.application;
    const note = history.find((h: { action: string }) => h.action === 'INTERNAL_NOTE');
    expect(note).toMatchObject({ internal: true, message: expect.stringContaining('回線は既設のものを移設するため工事不要と確認済み') });
    expect(note.message).toContain(addBusinessDays(today(), 60));
  });

  it('refuses a date whose システム設定申込締切日 has passed even when the lead time from 受付 has run', async () => {
    const app = await inReview();
    // Received long ago (paper, a slow review): the lead time is over, the deadline rule is what binds.
    await sql(`update application set received_at = received_at - interval '200 days' where id = ?`, [app.id]);
    const soon = addBusinessDays(today(), 2);
    const refused = await server.gql(APPROVE, { id: app.id, v: app.version, d: soon }, reviewer);
    const minimum = addBusinessDays(addBusinessDays(today(), 0), 4);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'startDate', message: expect.stringContaining(subtractBusinessDays(soon, 4)) }] });
    expect(refused.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ message: expect.stringContaining(minimum) })]);
    expect((await server.gql(APPROVE, { id: app.id, v: app.version, d: minimum }, reviewer)).data?.approveApplication).toMatchObject({ status: 'APPROVED' });
  });

  it('keeps an integrator\'s call without the new arguments working for a valid date (a change: 5 business days)', async () => {
    const app = await inReview('CHANGE');
    const minimum = addBusinessDays(today(), 5);
    expect((await server.gql(PREVIEW, { a: app.id, d: minimum }, reviewer)).data!.approvalPreview.minimumStartDate).toBe(minimum);
    const res = await server.gql('mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', { id: app.id, v: app.version, d: minimum }, reviewer);
    expect(res.errors).toBeUndefined();
    expect(res.data!.approveApplication.status).toBe('APPROVED');
  });
});
