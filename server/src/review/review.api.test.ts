import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../common/secrets.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { todayInJapan } from '../common/dates.js';
import { fixedClock } from '../common/clock.js';
import { testClock } from '../testing/clock.js';
import { given, type GivenStatus } from '../testing/given.js';
import { nextSaturday, nextWeekdayHoliday, nextYearEndClosureDay, noonInJapan } from '../testing/dates.js';
import { addBusinessDays, addDays, subtractBusinessDays } from '../calendar/businessDays.js';
import { cancelOverdueApplications } from './deadlineJob.js';

let server: TestServer;
let reviewer: string;
let reviewer2: string;
let supervisor: string;
let support: string;
let admin: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const TODAY = todayInJapan(testClock.now());
/** Beyond every lead time (60 business days for a line): an approval needs no override. */
const FAR = addBusinessDays(TODAY, 61);
/** The second business day after the next year-end closure: its システム設定申込締切日 falls before the closure. */
const AFTER_NEW_YEAR = addBusinessDays(nextYearEndClosureDay(TODAY), 2);
const AFTER_NEW_YEAR_DEADLINE = subtractBusinessDays(AFTER_NEW_YEAR, 4);
/** 2027年1月6日, as the mails write dates. */
const kanjiDate = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; };

beforeAll(async () => {
  server = await startTestServer();
  [reviewer, reviewer2, supervisor, support, admin] = await Promise.all(
    ['reviewer', 'reviewer2', 'supervisor', 'support', 'admin'].map((r) => server.login(`${r}@example.jp`)),
  );
});
afterAll(async () => server?.close());

/** A fresh application in `status` (assigned to reviewer@ when in review, returned or approved), through the services. */
async function applicationIn(status: GivenStatus, kind?: 'NEW' | 'CHANGE'): Promise<{ id: string; version: number }> {
  return given(server).application({ status, kind, startDate: FAR });
}

const MUTATIONS: Record<string, { gql: string; token: () => string; vars?: Record<string, unknown> }> = {
  assign: { gql: 'mutation($id: ID!, $v: Int!) { m: assignApplication(id: $id, expectedVersion: $v) { status version } }', token: () => reviewer },
  return: { gql: 'mutation($id: ID!, $v: Int!) { m: returnApplication(id: $id, message: "管理責任者の電話番号をご確認ください。", expectedVersion: $v) { status version } }', token: () => reviewer },
  approve: { gql: 'mutation($id: ID!, $v: Int!, $d: String!) { m: approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status version } }', token: () => reviewer, vars: { d: FAR } },
  cancel: { gql: 'mutation($id: ID!, $v: Int!) { m: cancelApplication(id: $id, reason: "お客様のご依頼により", expectedVersion: $v) { status version } }', token: () => supervisor },
  withdraw: { gql: 'mutation($id: ID!, $v: Int!) { m: withdrawApplication(id: $id, reason: "社内事情により", expectedVersion: $v) { status version } }', token: () => reviewer },
};

/** SPEC.md workflow: where each action may start, and where it leads. */
const ALLOWED: Record<string, Record<string, string>> = {
  assign: { RECEIVED: 'IN_REVIEW', IN_REVIEW: 'IN_REVIEW', RETURNED: 'RETURNED' },
  return: { IN_REVIEW: 'RETURNED' },
  approve: { IN_REVIEW: 'APPROVED' },
  cancel: { RECEIVED: 'CANCELLED', IN_REVIEW: 'CANCELLED', RETURNED: 'CANCELLED', APPROVED: 'CANCELLED' },
  withdraw: { RECEIVED: 'WITHDRAWN', IN_REVIEW: 'WITHDRAWN', RETURNED: 'WITHDRAWN' },
};
const STATUSES: GivenStatus[] = ['RECEIVED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CANCELLED'];

describe('workflow transitions (every action × every status)', () => {
  for (const action of Object.keys(MUTATIONS)) {
    for (const status of STATUSES) {
      const to = ALLOWED[action]![status];
      it(`${action} from ${status} → ${to ?? 'INVALID_TRANSITION'}`, async () => {
        const app = await applicationIn(status);
        const m = MUTATIONS[action]!;
        const historyCount = async () => Number((await sql(`select count(*) as n from application_history where application_id = ?`, [app.id]))[0]!.n);
        const before = await historyCount();
        const res = await server.gql(m.gql, { id: app.id, v: app.version, ...m.vars }, m.token());
        if (to) {
          expect(res.errors).toBeUndefined();
          expect(res.data!.m).toEqual({ status: to, version: app.version + 1 });
        } else {
          expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
          expect(res.errors?.[0]?.message).toMatch(/のため.*できません/);
        }
        expect((await historyCount()) - before).toBe(to ? 1 : 0);
      });
    }
  }
});

describe('approval', () => {
  it('fixes the start date and the system-settings deadline (start − 4 business days), with notice and mail', async () => {
    const app = await applicationIn('IN_REVIEW', 'NEW');
    const res = await server.gql(
      // The date is chosen for the year-end closure, not for the lead time: the reviewer overrides (checks.api: the guard).
      `mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v, override: true, overrideReason: "年末年始の前後の締切日の確認") { status startDate systemSettingsDeadline reviewedAt office { id } receiptNo } }`,
      { id: app.id, v: app.version, d: AFTER_NEW_YEAR },
      reviewer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.approveApplication).toMatchObject({ status: 'APPROVED', startDate: AFTER_NEW_YEAR, systemSettingsDeadline: AFTER_NEW_YEAR_DEADLINE });
    const notices = await sql(`select category, message from notice where application_id = ? and message like '利用申込%'`, [app.id]);
    expect(notices).toEqual([{ category: 'APPLICATION', message: '利用申込の審査が終了しました。通知内容を確認してください。' }]);
    const [mail] = await sql<{ subject: string; text: string }>(`select subject, text from outbound_email where application_id = ? and template_key = 'application-approved'`, [app.id]);
    expect(mail!.subject).toBe('【NACCS】利用申込確認完了のお知らせ');
    expect(mail!.text).toContain(kanjiDate(AFTER_NEW_YEAR));
    expect(mail!.text).toContain(kanjiDate(AFTER_NEW_YEAR_DEADLINE));
  });

  it('previews for the approve dialog the dates an approval would fix, by the same rules', async () => {
    const PREVIEW = 'query($a: ID!, $d: String!) { approvalPreview(applicationId: $a, startDate: $d) { startDate startDateProblem systemSettingsDeadline passwordReadableUntil } }';
    const fresh = await applicationIn('IN_REVIEW', 'NEW');
    expect((await server.gql(PREVIEW, { a: fresh.id, d: AFTER_NEW_YEAR }, reviewer)).data!.approvalPreview).toEqual({
      startDate: AFTER_NEW_YEAR, startDateProblem: null, systemSettingsDeadline: AFTER_NEW_YEAR_DEADLINE, passwordReadableUntil: addBusinessDays(AFTER_NEW_YEAR, 2),
    });
    const holiday = nextWeekdayHoliday(TODAY);
    expect((await server.gql(PREVIEW, { a: fresh.id, d: holiday.date }, reviewer)).data!.approvalPreview.startDateProblem).toContain(holiday.name);
    const change = await applicationIn('IN_REVIEW', 'CHANGE');
    expect((await server.gql(PREVIEW, { a: change.id, d: AFTER_NEW_YEAR }, reviewer)).data!.approvalPreview.systemSettingsDeadline).toBeNull();
    const bad = await server.gql(PREVIEW, { a: fresh.id, d: `${Number(TODAY.slice(0, 4)) + 1}-02-30` }, reviewer);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'startDate', message: expect.stringContaining('YYYY-MM-DD') }] });
    expect((await server.gql(PREVIEW, { a: '00000000-0000-0000-0000-000000000000', d: AFTER_NEW_YEAR }, reviewer)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a holiday, a weekend, the year-end closure and a past date as the start date', async () => {
    const app = await applicationIn('IN_REVIEW');
    const holiday = nextWeekdayHoliday(TODAY);
    for (const [d, why] of [[holiday.date, holiday.name], [nextSaturday(TODAY), '土曜日'], [nextYearEndClosureDay(TODAY), '年末年始'], [addDays(TODAY, -1), '本日']]) {
      const res = await server.gql(MUTATIONS.approve!.gql, { id: app.id, v: app.version, d }, reviewer);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fieldErrors[0]).toMatchObject({ path: 'startDate', message: expect.stringContaining(why) });
    }
  });

  it('a generated identifier that keeps colliding ends in CONFLICT with a Japanese message, never an internal error; nothing is stored', async () => {
    // Every 利用者コード insert fails as if another server process had taken the code first, while the marker table exists.
    await sql(`create table inject_collision (id int)`);
    await sql(`create function inject_collision() returns trigger language plpgsql as $$ begin
        if to_regclass('inject_collision') is not null then
          raise unique_violation using message = 'duplicate key value violates unique constraint "user_code_code_unique"', constraint = 'user_code_code_unique';
        end if;
        return new; end $$`);
    await sql(`create trigger inject_collision before insert on user_code for each row execute function inject_collision()`);
    try {
      const app = await applicationIn('IN_REVIEW', 'NEW');
      const res = await server.gql(MUTATIONS.approve!.gql, { id: app.id, v: app.version, d: FAR }, reviewer);
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/もう一度「審査終了」/);
      const [row] = await sql<{ status: string; version: number; codes: string }>(
        `select a.status, a.version, (select count(*) from user_code u where u.office_id = a.office_id) as codes from application a where a.id = ?`, [app.id]);
      expect({ ...row, codes: Number(row!.codes) }).toEqual({ status: 'IN_REVIEW', version: app.version, codes: 0 });
      await sql(`drop table inject_collision`);
      const retried = await server.gql(MUTATIONS.approve!.gql, { id: app.id, v: app.version, d: FAR }, reviewer);
      expect(retried.data!.m.status).toBe('APPROVED');
    } finally {
      await sql(`drop trigger if exists inject_collision on user_code`);
      await sql(`drop function if exists inject_collision()`);
      await sql(`drop table if exists inject_collision`);
    }
  });

  it('a 企業略称 the reviewer chose that another approval took at the same moment is BAD_USER_INPUT on abbreviation', async () => {
    await sql(`create function inject_abbreviation() returns trigger language plpgsql as $$ begin
        if new.abbreviation = 'QZQ' then
          raise unique_violation using message = 'duplicate key value violates unique constraint "company_abbreviation_unique"', constraint = 'company_abbreviation_unique';
        end if;
        return new; end $$`);
    await sql(`create trigger inject_abbreviation before update on company for each row execute function inject_abbreviation()`);
    try {
      const app = await applicationIn('IN_REVIEW', 'NEW');
      const APPROVE_AS = 'mutation($id: ID!, $v: Int!, $d: String!, $a: String) { approveApplication(id: $id, startDate: $d, expectedVersion: $v, abbreviation: $a) { status } }';
      const res = await server.gql(APPROVE_AS, { id: app.id, v: app.version, d: FAR, a: 'qzq' }, reviewer);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'abbreviation', message: expect.stringContaining('QZQ') }] });
    } finally {
      await sql(`drop trigger if exists inject_abbreviation on company`);
      await sql(`drop function if exists inject_abbreviation()`);
    }
  });

  it('50 parallel approvals of one application: exactly one succeeds, the others CONFLICT or INVALID_TRANSITION, one history row', async () => {
    const app = await applicationIn('IN_REVIEW');
    const results = await Promise.all(Array.from({ length: 50 }, () => server.gql(MUTATIONS.approve!.gql, { id: app.id, v: app.version, d: FAR }, reviewer)));
    expect(results.filter((r) => r.data?.m?.status === 'APPROVED')).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(r.errors![0]!.extensions!.code);
    const rows = await sql(`select 1 from application_history where application_id = ? and action = 'APPROVE'`, [app.id]);
    expect(rows).toHaveLength(1);
  });
});

describe('assignment and roles', () => {
  it('a reviewer takes an application; another reviewer may not act on it; a supervisor may reassign it', async () => {
    const app = await applicationIn('RECEIVED');
    const taken = await server.gql(MUTATIONS.assign!.gql, { id: app.id, v: app.version }, reviewer);
    expect(taken.data!.m).toEqual({ status: 'IN_REVIEW', version: app.version + 1 });
    const other = await server.gql(MUTATIONS.return!.gql, { id: app.id, v: app.version + 1 }, reviewer2);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [r2] = await sql<{ id: string }>(`select id from staff where email = 'reviewer2@example.jp'`);
    const byReviewer = await server.gql('mutation($id: ID!, $v: Int!, $a: ID) { assignApplication(id: $id, expectedVersion: $v, assigneeId: $a) { version } }', { id: app.id, v: app.version + 1, a: r2!.id }, reviewer);
    expect(byReviewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bySupervisor = await server.gql('mutation($id: ID!, $v: Int!, $a: ID) { assignApplication(id: $id, expectedVersion: $v, assigneeId: $a) { assignee { name } } }', { id: app.id, v: app.version + 1, a: r2!.id }, supervisor);
    expect(bySupervisor.data!.assignApplication.assignee.name).toBe('審査 二郎');
  });

  it('support staff read but cannot approve; only supervisors cancel', async () => {
    const app = await applicationIn('IN_REVIEW');
    const bySupport = await server.gql(MUTATIONS.approve!.gql, { id: app.id, v: app.version, d: FAR }, support);
    expect(bySupport.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byReviewer = await server.gql(MUTATIONS.cancel!.gql, { id: app.id, v: app.version }, reviewer);
    expect(byReviewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a return needs its message', async () => {
    const app = await applicationIn('IN_REVIEW');
    const res = await server.gql('mutation($id: ID!, $v: Int!) { returnApplication(id: $id, message: "  ", expectedVersion: $v) { status } }', { id: app.id, v: app.version }, reviewer);
    expect(res.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'message', message: expect.stringContaining('確認事項') }]);
  });

  it('internal notes are history for staff, never shown to integrators', async () => {
    const app = await applicationIn('IN_REVIEW');
    await server.gql('mutation($id: ID!) { addInternalNote(id: $id, message: "電話で確認済み (社内メモ)") { id } }', { id: app.id }, support);
    const staffView = await server.gql('query($id: ID) { application(id: $id) { history { action internal message } } }', { id: app.id }, reviewer);
    expect(staffView.data!.application.history.at(-1)).toEqual({ action: 'INTERNAL_NOTE', internal: true, message: '電話で確認済み (社内メモ)' });
    const em = server.orm.em.fork();
    const { createApiKey } = await import('../staff/apiKeys.js');
    const key = createApiKey(em, { name: 'NSS' }).secret;
    await em.flush();
    const portalView = await server.gql('query($id: ID) { application(id: $id) { history { action } latestHistory { action } } }', { id: app.id }, key);
    expect(portalView.data!.application.history.map((h: any) => h.action)).not.toContain('INTERNAL_NOTE');
    expect(portalView.data!.application.latestHistory?.action).not.toBe('INTERNAL_NOTE');
  });
});

describe('queues, calendar and notices', () => {
  it('counts each queue view consistently with the list filter', async () => {
    const counts = (await server.gql('{ reviewQueueCounts { unassigned mine returned dueSoon all } }', {}, reviewer)).data!.reviewQueueCounts;
    for (const [queue, key] of [['UNASSIGNED', 'unassigned'], ['MINE', 'mine'], ['RETURNED', 'returned'], ['DUE_SOON', 'dueSoon'], ['ALL', 'all']]) {
      const list = await server.gql('query($q: ReviewQueue) { applications(filter: { queue: $q }, limit: 1) { totalCount } }', { q: queue }, reviewer);
      expect(list.data!.applications.totalCount).toBe(counts[key!]);
    }
    expect(counts.all).toBeGreaterThan(counts.unassigned);
  });

  it('counts the queue views under the list\'s other filters (kind, search), ignoring a queue given with them', async () => {
    const COUNTS = 'query($f: ApplicationFilter) { reviewQueueCounts(filter: $f) { unassigned mine returned dueSoon all } }';
    for (const filter of [{ kind: ['CHANGE'] }, { kind: ['NEW'], queue: 'RETURNED' }, { q: '株式会社' }]) {
      const counts = (await server.gql(COUNTS, { f: filter }, reviewer)).data!.reviewQueueCounts;
      for (const [queue, key] of [['UNASSIGNED', 'unassigned'], ['MINE', 'mine'], ['RETURNED', 'returned'], ['DUE_SOON', 'dueSoon'], ['ALL', 'all']]) {
        const list = await server.gql('query($f: ApplicationFilter) { applications(filter: $f, limit: 1) { totalCount } }', { f: { ...filter, queue } }, reviewer);
        expect(list.data!.applications.totalCount, `${JSON.stringify(filter)} ${queue}`).toBe(counts[key!]);
      }
    }
    const all = (await server.gql(COUNTS, {}, reviewer)).data!.reviewQueueCounts.all;
    const changes = (await server.gql(COUNTS, { f: { kind: ['CHANGE'] } }, reviewer)).data!.reviewQueueCounts.all;
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThan(all);
  });

  it('answers businessCalendar and lets only admins add closure days, which approvals then refuse', async () => {
    // The year-end closure 12/29–1/3 of the next year end, with a day on each side.
    const closure = nextYearEndClosureDay(TODAY);
    const year = Number(closure.slice(0, 4)) + (closure.slice(5) <= '01-03' ? -1 : 0);
    const CAL = 'query($f: String!, $t: String!) { businessCalendar(from: $f, to: $t) { date businessDay reason } }';
    const cal = await server.gql(CAL, { f: `${year}-12-28`, t: `${year + 1}-01-04` }, support);
    const days = cal.data!.businessCalendar as Array<{ date: string; businessDay: boolean; reason: string | null }>;
    expect(days.map((d) => d.date)).toHaveLength(8);
    for (const d of days.slice(1, 7)) expect(d.businessDay).toBe(false);
    for (const d of [days[0]!, days[7]!]) expect(d.businessDay).toBe(d.reason === null);
    const ADD = 'mutation($d: String!) { addClosureDay(date: $d, reason: "システム更改") { businessDay reason } }';
    const closed = addBusinessDays(TODAY, 25);
    const denied = await server.gql(ADD, { d: closed }, supervisor);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const added = await server.gql(ADD, { d: closed }, admin);
    expect(added.data!.addClosureDay).toEqual({ businessDay: false, reason: 'システム更改' });
    const app = await applicationIn('IN_REVIEW');
    const res = await server.gql(MUTATIONS.approve!.gql, { id: app.id, v: app.version, d: closed }, reviewer);
    expect(res.errors?.[0]?.extensions?.fieldErrors[0].message).toContain('システム更改');
  });

  it('shows the lead-time warning: 申込日と利用開始希望日の間隔が標準日数より短い', async () => {
    const received = todayInJapan(server.clock.now());
    const ADVICE = 'query($id: ID) { application(id: $id) { startDateAdvice { leadTimeBusinessDays earliestStartDate desiredDateTooSoon } } }';
    const soon = await given(server).application({ kind: 'CHANGE', edit: (i) => { i.desiredStartDate = addBusinessDays(received, 2); } });
    expect((await server.gql(ADVICE, { id: soon.id }, reviewer)).data!.application.startDateAdvice)
      .toEqual({ leadTimeBusinessDays: 5, earliestStartDate: addBusinessDays(received, 5), desiredDateTooSoon: true });
    const inTime = await given(server).application({ kind: 'CHANGE', edit: (i) => { i.desiredStartDate = addBusinessDays(received, 5); } });
    expect((await server.gql(ADVICE, { id: inTime.id }, reviewer)).data!.application.startDateAdvice.desiredDateTooSoon).toBe(false);
  });

  it("lists an office's 新着情報, newest first, with the seeds' wording", async () => {
    const app = await applicationIn('IN_REVIEW', 'CHANGE');
    await server.gql(MUTATIONS.return!.gql, { id: app.id, v: app.version }, reviewer);
    const [office] = await sql<{ code: string }>(`select o.code from application a join office o on o.id = a.office_id where a.id = ?`, [app.id]);
    const res = await server.gql('query($c: String!) { notices(officeCode: $c) { category message receiptNo } }', { c: office!.code }, support);
    expect(res.data!.notices[0]).toMatchObject({ category: 'APPLICATION', message: expect.stringContaining('確認事項があります') });
  });
});

describe('system-settings deadline job', () => {
  it('cancels each overdue application exactly once with two workers at once, with history, notice and mail', async () => {
    // Six approvals whose システム設定申込 never comes, one whose does; the job runs the day after their deadline.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await applicationIn('APPROVED', 'NEW')).id);
    const recorded = await applicationIn('APPROVED', 'NEW');
    expect((await server.gql('mutation($id: ID!) { recordSystemSettings(applicationId: $id) { id } }', { id: recorded.id }, reviewer)).errors).toBeUndefined();
    const deadline = subtractBusinessDays(FAR, 4);
    // On the deadline itself nothing of ours is cancelled (other overdue approvals may be).
    await cancelOverdueApplications(server.orm.em, box, fixedClock(noonInJapan(deadline)));
    const statuses = async () => (await sql<{ status: string }>(`select status from application where id in (${ids.map(() => '?').join(',')})`, ids)).map((r) => r.status);
    expect(await statuses()).toEqual(ids.map(() => 'APPROVED'));
    const after = fixedClock(noonInJapan(addDays(deadline, 1)));
    const [a, b] = await Promise.all([cancelOverdueApplications(server.orm.em, box, after), cancelOverdueApplications(server.orm.em, box, after)]);
    expect(a + b).toBeGreaterThanOrEqual(6);
    const rows = await sql<{ id: string; status: string; cancels: string; notices: string; mails: string }>(
      `select a.id, a.status,
         (select count(*) from application_history h where h.application_id = a.id and h.action = 'CANCEL') as cancels,
         (select count(*) from notice n where n.application_id = a.id and n.category = 'SYSTEM_SETTINGS') as notices,
         (select count(*) from outbound_email m where m.application_id = a.id and m.template_key = 'application-cancelled') as mails
       from application a where a.id in (${[...ids, recorded.id].map(() => '?').join(',')})`, [...ids, recorded.id]);
    for (const r of rows) {
      if (r.id === recorded.id) expect(r.status).toBe('APPROVED');
      else expect([r.status, Number(r.cancels), Number(r.notices), Number(r.mails)]).toEqual(['CANCELLED', 1, 1, 1]);
    }
    expect(await cancelOverdueApplications(server.orm.em, box, after)).toBe(0);
  });

  it('recordSystemSettings stops the cancellation', async () => {
    const app = await applicationIn('APPROVED', 'NEW');
    const res = await server.gql('mutation($id: ID!) { recordSystemSettings(applicationId: $id) { systemSettingsRecordedAt version } }', { id: app.id }, reviewer);
    expect(res.data!.recordSystemSettings.systemSettingsRecordedAt).toBeTruthy();
    const change = await applicationIn('APPROVED', 'CHANGE');
    const refused = await server.gql('mutation($id: ID!) { recordSystemSettings(applicationId: $id) { id } }', { id: change.id }, reviewer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });
});

describe('demo data certificates', () => {
  it('has approved netNACCS terminals with certificates in every status, the acquired ones signed by the CA', async () => {
    const rows = await sql<{ status: string; n: string }>(`select status, count(*) as n from certificate group by status`);
    expect(rows.map((r) => r.status).sort()).toEqual(['ACQUIRED', 'EXPIRED', 'PENDING', 'REVOKED', 'STOPPED']);
    const [acquired] = await sql<{ pem: string; serial: string }>(`select pem, serial from certificate where status = 'ACQUIRED' limit 1`);
    expect(acquired!.pem).toContain('BEGIN CERTIFICATE');
  });
});

describe('demo change applications', () => {
  it('carry their merged sections, so a resubmission lists only what the customer changed', async () => {
    const [app] = await sql<{ id: string; version: number; applicant_email: string }>(
      `select id, version, applicant_email from application where status = 'RETURNED' and kind = 'CHANGE' order by received_at desc limit 1`);
    const em = server.orm.em.fork();
    const { createApiKey } = await import('../staff/apiKeys.js');
    const key = createApiKey(em, { name: 'NSS resubmission' }).secret;
    await em.flush();
    const res = await server.gql('mutation($id: ID!, $v: Int!, $i: ResubmissionInput!) { resubmitApplication(id: $id, expectedVersion: $v, input: $i) { status } }', {
      id: app!.id, v: app!.version,
      i: { changeApplication: { changeItems: ['PLAN'], plan: 'B', reason: '再提出: 料金プランをB (従量のみ) に見直すため。', desiredStartDate: FAR,
        applicant: { lastName: '混載', firstName: '一郎', lastNameKana: 'コンサイ', firstNameKana: 'イチロウ', phone: '0123456789', email: 'konsai.ichiro@naccs.co.jp', emailConfirmation: 'konsai.ichiro@naccs.co.jp' } } },
    }, key);
    expect(res.errors).toBeUndefined();
    const [history] = await sql<{ message: string }>(`select message from application_history where application_id = ? and action = 'RESUBMIT' order by version desc limit 1`, [app!.id]);
    // No registered section appears as newly entered ((なし) → value): the demo stored them merged, as the intake does.
    expect(history!.message.split('\n').filter((l) => /^(companyProfile|officeProfile|billing)\.[^:]+: \(なし\) →/.test(l))).toEqual([]);
    expect(history!.message).toContain('reason:');
  });
});

