import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { seedDemo } from '../../../db/seeders/demo.js';
import { fixedClock } from '../common/clock.js';
import { ApplicationStatus, HistoryAction, Role } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { Staff } from '../staff/Staff.js';
import { CUSTOMS_OFFICES } from '../applications/intake/validation.js';
import { todayInJapan } from '../common/dates.js';
import { cancelOverdueApplications } from '../review/deadlineJob.js';
import { closeEndedOffices } from '../issuance/officeJob.js';
import { runCertificateJob } from '../certificates/certificateJob.js';
import { NOTICE_TEXT } from '../notifications/notices.js';
import { verifyPassword } from '../staff/password.js';
import { freshDatabase, type TestDatabase } from '../testing/db.js';

const PASSWORD = 'seed-test-password';
const secrets = new SecretBox(randomBytes(32));

let db: TestDatabase;
let seeded: { applications: number };

const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
  (await db.orm.em.getConnection().execute(sql, params)) as T[];
const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number((await rows<{ n: number | string }>(`select count(*) as n from (${sql}) x`, params))[0]!.n);

beforeAll(async () => {
  db = await freshDatabase();
  seeded = await seedDemo(db.orm.em.fork(), { clock: testClock, password: PASSWORD, secrets });
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

describe('demo seed', () => {
  it('creates at least 300 applications', async () => {
    expect(seeded.applications).toBeGreaterThanOrEqual(300);
    expect(await count('select 1 from application')).toBe(seeded.applications);
  });

  it('has every application status', async () => {
    const statuses = (await rows<{ status: string }>('select distinct status from application')).map((r) => r.status);
    expect(statuses.sort()).toEqual(Object.values(ApplicationStatus).sort());
  });

  const kinds: Array<[string, string]> = [
    ['新規 netNACCS', `kind = 'NEW' and connection = 'NET' and company_name is not null and office_name is not null
      and office_manager_email is not null and plan is not null and billing_payment_method is not null
      and exists (select 1 from application_terminal t where t.application_id = a.id and t.terminal_type = 'NET' and t.count > 0)
      and exists (select 1 from application_user_code u join application_user_id i on i.user_code_id = u.id
                  where u.application_id = a.id and i.ident_count > 0)`],
    ['新規 一般NACCS (回線あり)', `kind = 'NEW' and connection = 'GENERAL' and not no_line_required
      and construction_contact_last_name is not null
      and exists (select 1 from application_line l where l.application_id = a.id and l.line_type is not null
                  and l.construction_date is not null)
      and exists (select 1 from application_terminal t where t.application_id = a.id and t.terminal_type = 'GENERAL'
                  and t.line_no is not null)`],
    ['新規 回線不要・利用者コード共用', `kind = 'NEW' and no_line_required
      and exists (select 1 from application_user_code u where u.application_id = a.id and u.shared and u.user_code is not null)`],
    ['変更 メールボックス追加', `'MAILBOX' = any(change_items)
      and exists (select 1 from application_mailbox m where m.application_id = a.id and m.action = 'ADD' and m.count > 0)`],
    ['変更 論理端末追加', `'NET_TERMINAL' = any(change_items)
      and exists (select 1 from application_terminal t where t.application_id = a.id and t.action = 'ADD' and t.terminal_type = 'NET')`],
    ['変更 識別番号の廃止', `'IDENT_NO' = any(change_items)
      and exists (select 1 from application_user_code u join application_user_id i on i.user_code_id = u.id
                  join user_code c on c.code = u.user_code
                  join user_id x on x.user_code_id = c.id and x.ident_no = i.ident_no
                  where u.application_id = a.id and u.action = 'CHANGE' and i.action = 'DELETE')`],
    ['変更 管理責任者', `'MANAGER' = any(change_items)
      and exists (select 1 from application_change c where c.application_id = a.id and c.field like 'officeProfile.manager.%'
                  and c.before is distinct from c.after)`],
    ['変更 料金プラン', `'PLAN' = any(change_items)
      and exists (select 1 from application_change c where c.application_id = a.id and c.field = 'plan')`],
    ['変更 請求担当者', `'BILLING_CONTACT' = any(change_items)
      and exists (select 1 from application_change c where c.application_id = a.id and c.field like 'billing.contact.%')`],
    ['契約解除・事業所廃止', `other_change = 'TERMINATION' and cardinality(change_items) = 0`],
    ['付替', `other_change = 'TRANSFER' and cardinality(change_items) = 0 and transfer_target_office_code ~ '^[A-Z]{3}[0-9]{3}$'`],
    ['機器共用', `other_change = 'EQUIPMENT_SHARING' and cardinality(change_items) = 0`],
  ];
  it.each(kinds)('has applications of kind %s', async (_label, where) => {
    expect(await count(`select 1 from application a where ${where}`)).toBeGreaterThan(0);
  });

  it('holds only values the intake accepts for 管轄税関 (so a demo office can be changed like any other)', async () => {
    const used = await rows<{ v: string }>(`select customs_office as v from office union select office_customs_office from application`);
    const values = used.map((r) => r.v).filter(Boolean);
    expect(values.length).toBeGreaterThan(3);
    expect(values.filter((v) => !CUSTOMS_OFFICES.includes(v))).toEqual([]);
  });

  it('points change applications at offices in service and new ones at their office', async () => {
    expect(await count(`select 1 from application where office_id is null`)).toBe(0);
    expect(await count(`select 1 from application a join office o on o.id = a.office_id
      where a.kind <> 'NEW' and o.status = 'PENDING'`)).toBe(0);
    expect(await count(`select 1 from application a join office o on o.id = a.office_id
      where a.kind = 'NEW' and a.status = 'APPROVED' and (o.status = 'PENDING' or o.code is null)`)).toBe(0);
  });

  it('numbers receipts uniquely in the 申込受付番号 format, rising with time', async () => {
    const all = await rows<{ receipt_no: string }>('select receipt_no from application order by received_at, receipt_no');
    for (const { receipt_no } of all) expect(receipt_no).toMatch(/^[0-9]{6}[A-Z]$/);
    expect(new Set(all.map((r) => r.receipt_no)).size).toBe(all.length);
    expect(await count(`select 1 from (
      select receipt_no, lag(receipt_no) over (partition by left(receipt_no, 2) order by received_at, receipt_no) as prev
      from application) x where prev > receipt_no`)).toBe(0);
  });

  it('creates the five demo staff with their roles and the given password', async () => {
    const expected: Record<string, Role[]> = {
      'admin@example.jp': [Role.ADMIN],
      'supervisor@example.jp': [Role.SUPERVISOR],
      'reviewer@example.jp': [Role.REVIEWER],
      'reviewer2@example.jp': [Role.REVIEWER],
      'support@example.jp': [Role.SUPPORT],
    };
    const staff = await db.orm.em.fork().find(Staff, {}, { orderBy: { email: 'asc' } });
    expect(staff.map((s) => s.email).sort()).toEqual(Object.keys(expected).sort());
    for (const s of staff) {
      expect(s.roles).toEqual(expected[s.email]);
      expect(s.active).toBe(true);
      expect(await verifyPassword(s.passwordHash, PASSWORD)).toBe(true);
    }
    expect(await verifyPassword(staff[0]!.passwordHash, `${PASSWORD}x`)).toBe(false);
  });

  it('gives approved applications their dates and returned ones their question', async () => {
    expect(await count(`select 1 from application where status = 'APPROVED'`)).toBeGreaterThan(0);
    expect(await count(`select 1 from application where status = 'APPROVED' and (start_date is null or reviewed_at is null)`)).toBe(0);
    // Only a new application is followed by a システム設定申込, so only it has the deadline (as the approval sets it).
    expect(await count(`select 1 from application where status = 'APPROVED' and (kind = 'NEW') <> (system_settings_deadline is not null)`)).toBe(0);
    expect(await count(`select 1 from application where status = 'APPROVED'
      and not (coalesce(system_settings_deadline < start_date, true) and reviewed_at >= received_at
               and start_date > (reviewed_at at time zone 'Asia/Tokyo')::date
               and extract(isodow from start_date) between 1 and 5)`)).toBe(0);
    expect(await count(`select 1 from application where status = 'RETURNED'`)).toBeGreaterThan(0);
    expect(await count(`select 1 from application where status = 'RETURNED'
      and (return_message is null or btrim(return_message) = '')`)).toBe(0);
  });

  it('gives every application a history that starts with SUBMIT and matches its version and status', async () => {
    expect(await count(`select 1 from application a where not exists (
      select 1 from application_history h where h.application_id = a.id and h.action = 'SUBMIT' and h.version = 1
        and h.to_status = 'RECEIVED' and h.actor_role = 'INTEGRATOR')`)).toBe(0);
    expect(await count(`select 1 from application a where a.version <> (
      select max(h.version) from application_history h where h.application_id = a.id)`)).toBe(0);
    expect(await count(`select 1 from application a where a.status <> (
      select h.to_status from application_history h where h.application_id = a.id and h.to_status is not null
      order by h.version desc limit 1)`)).toBe(0);
    // Time only moves forward (an internal note keeps the version of the entry before it).
    expect(await count(`select 1 from (
      select at, lag(at) over (partition by application_id order by version, at) as prev from application_history) x
      where prev > at`)).toBe(0);
  });

  it('reaches every state through the services: only the history entries they write, each status by its own step', async () => {
    const written = [HistoryAction.SUBMIT, HistoryAction.ASSIGN, HistoryAction.RETURN, HistoryAction.RESUBMIT, HistoryAction.APPROVE,
      HistoryAction.WITHDRAW, HistoryAction.CANCEL, HistoryAction.INTERNAL_NOTE, HistoryAction.SYSTEM_SETTINGS];
    const actions = (await rows<{ action: string }>('select distinct action from application_history')).map((r) => r.action);
    expect(actions.filter((a) => !written.includes(a as HistoryAction))).toEqual([]);
    expect(actions.sort()).toEqual([...written].sort());
    const has = (action: string, extra = '') => `exists (select 1 from application_history h where h.application_id = a.id and h.action = '${action}' ${extra})`;
    // Under review means assigned (the assignment starts the review); returned and approved by that reviewer.
    expect(await count(`select 1 from application a where a.status in ('IN_REVIEW', 'RETURNED', 'APPROVED')
      and (a.assignee_id is null or not ${has('ASSIGN')})`)).toBe(0);
    expect(await count(`select 1 from application a where a.status = 'RECEIVED' and (a.assignee_id is not null or ${has('ASSIGN')})`)).toBe(0);
    expect(await count(`select 1 from application a where a.status = 'APPROVED' and not ${has('APPROVE', 'and h.actor_id = a.assignee_id')}`)).toBe(0);
    expect(await count(`select 1 from application a where a.status = 'RETURNED' and not ${has('RETURN', "and h.message = a.return_message")}`)).toBe(0);
    // Some resubmitted after a question, some withdrawn by the customer, some cancelled by a supervisor.
    expect(await count(`select 1 from application a where a.status <> 'RETURNED' and ${has('RESUBMIT')}`)).toBeGreaterThan(0);
    expect(await count(`select 1 from application a where a.status = 'WITHDRAWN' and ${has('WITHDRAW', "and h.actor_role = 'INTEGRATOR'")}`)).toBeGreaterThan(0);
    expect(await count(`select 1 from application a where a.status = 'CANCELLED' and ${has('CANCEL', "and h.actor_role = 'SUPERVISOR'")}`)).toBeGreaterThan(0);
    expect(await count(`select 1 from application a where ${has('INTERNAL_NOTE', 'and h.internal')}`)).toBeGreaterThan(0);
  });

  it('leaves the 新着情報 and the mails the services write with each step', async () => {
    expect(await count(`select 1 from application a where not exists (select 1 from outbound_email m
      where m.application_id = a.id and m.template_key = 'application-received')`)).toBe(0);
    expect(await count(`select 1 from application a where a.status = 'APPROVED' and not exists (select 1 from notice n
      where n.application_id = a.id and n.message = ? and n.at = a.reviewed_at)`, [NOTICE_TEXT.approved])).toBe(0);
    expect(await count(`select 1 from application a where a.status = 'APPROVED' and not exists (select 1 from outbound_email m
      where m.application_id = a.id and m.template_key = 'application-approved')`)).toBe(0);
    // Each new application came with a 仮アカウント registered shortly before it (and used by it).
    expect(await count(`select 1 from application a left join provisional_account p on p.id = a.provisional_account_id
      where a.kind = 'NEW' and (p.id is null or p.created_at > a.received_at or p.expires_at < a.received_at)`)).toBe(0);
  });

  describe('issuance through the approval\'s own service (IssuanceService)', () => {
    const requested = (section: string, sum: string, where = `r.action = 'ADD'`) =>
      `(select coalesce(sum(${sum}), 0) from ${section} r where r.application_id = a.id and ${where})`;
    const issued = (table: string) => `(select count(*) from ${table} x where x.issued_by_id = a.id)`;

    it('issues exactly what each approved application asks for, and nothing comes from anywhere else', async () => {
      const approved = `select a.id from application a where a.status = 'APPROVED'`;
      expect(await count(approved)).toBeGreaterThan(150);
      for (const [table, wanted] of [
        ['user_id', `(select coalesce(sum(i.ident_count), 0) from application_user_code u join application_user_id i on i.user_code_id = u.id
                      where u.application_id = a.id and i.action = 'ADD')`],
        ['terminal', requested('application_terminal', 'r.count')],
        ['mailbox', requested('application_mailbox', 'r.count')],
        ['line', requested('application_line', '1')],
        ['user_code', requested('application_user_code', '1', `r.action = 'ADD' and not r.shared`)],
      ] as const) {
        expect(await count(`${approved} and ${issued(table)} <> ${wanted}`), table).toBe(0);
        expect(await count(`select 1 from ${table} where issued_by_id is null`), `${table} without an approval`).toBe(0);
      }
      // Passwords are issued at the approval, in the formats of SPEC.md.
      expect(await count(`select 1 from user_id u join application a on a.id = u.issued_by_id where u.password_issued_at <> a.reviewed_at`)).toBe(0);
      expect(await count(`select 1 from user_id u join user_code c on c.id = u.user_code_id
        where not (u.ident_no ~ (case when u.processing_method = 'SMTP_BIDIRECTIONAL' then '^Y' when u.connection = 'NET' then '[A-Z]$' else '[0-9]$' end))`)).toBe(0);
      expect(await count(`select 1 from terminal where name !~ '^[0-9]{5}[WC]$'`)).toBe(0);
      expect(await count(`select 1 from user_code c join office o on o.id = c.office_id join company m on m.id = o.company_id
        where c.code !~ ('^[0-9A-Z]{2}' || m.abbreviation || '$')`)).toBe(0);
      expect(await count(`select 1 from line where ip_address is null`)).toBe(0);
      // 一般NACCS terminals sit on a line, also those a change adds on an existing one (its ルータ番号 in the change).
      expect(await count(`select 1 from terminal where type = 'GENERAL' and line_id is null`)).toBe(0);
      expect(await count(`select 1 from terminal t join application a on a.id = t.issued_by_id join line l on l.id = t.line_id
        where a.kind = 'CHANGE' and t.type = 'GENERAL' and l.issued_by_id <> a.id`)).toBeGreaterThan(0);
    });

    it('abolishes the 識別番号 an approved change gives up on its start date', async () => {
      const abolished = `select 1 from application a join application_user_code u on u.application_id = a.id
        join application_user_id i on i.user_code_id = u.id and i.action = 'DELETE'
        join user_code c on c.code = u.user_code join user_id x on x.user_code_id = c.id and x.ident_no = i.ident_no and x.office_id = a.office_id
        where a.status = 'APPROVED'`;
      expect(await count(abolished)).toBeGreaterThan(0);
      expect(await count(`${abolished} and x.end_date is distinct from a.start_date`)).toBe(0);
    });

    it('keeps some ID通知内容 inside the パスワード参照期間 today, and the rest of the history outside it', async () => {
      const today = todayInJapan(testClock.now());
      const readable = (op: string) => `select 1 from application a where a.status = 'APPROVED'
        and exists (select 1 from user_id u where u.issued_by_id = a.id and u.password_readable_until ${op} ?)`;
      expect(await count(readable('>='), [today])).toBeGreaterThanOrEqual(2);
      expect(await count(readable('<'), [today])).toBeGreaterThan(50);
      expect(await count(`select 1 from application a join office o on o.id = a.office_id
        where a.kind = 'NEW' and a.status = 'APPROVED' and o.password_readable_until >= ?`, [today])).toBeGreaterThan(0);
    });

    it('closes an office when its 契約解除 takes effect, not before', async () => {
      const today = todayInJapan(testClock.now());
      expect(await count(`select 1 from office where end_date <= ? and end_date <> start_date`, [today])).toBeGreaterThan(0);
      expect(await count(`select 1 from office where status = 'ACTIVE' and end_date <= ?`, [today])).toBe(0);
      expect(await count(`select 1 from office where status = 'CLOSED' and end_date > ? and end_date <> start_date`, [today])).toBe(0);
    });

    it('leaves nothing for the jobs to do right after seeding (deadlines met, terminations applied)', async () => {
      const today = todayInJapan(testClock.now());
      expect(await count(`select 1 from application where status = 'APPROVED' and kind = 'NEW'
        and system_settings_recorded_at is null and system_settings_deadline < ?`, [today])).toBe(0);
      expect(await cancelOverdueApplications(db.orm.em, secrets, testClock)).toBe(0);
      expect(await closeEndedOffices(db.orm.em, testClock)).toBe(0);
      expect(await runCertificateJob(db.orm.em, testClock)).toEqual({ stopped: 0, expired: 0, closed: 0 });
    });

    it('voids what a new application was issued when the deadline job cancelled it after approval', async () => {
      const voided = `select a.id, a.start_date from application a join application_history h on h.application_id = a.id
        and h.action = 'CANCEL' and h.from_status = 'APPROVED' where a.kind = 'NEW'`;
      expect(await count(voided)).toBeGreaterThan(0);
      // The job did it (the day after the deadline), not a person.
      expect(await count(`select 1 from application a join application_history h on h.application_id = a.id
        and h.action = 'CANCEL' and h.from_status = 'APPROVED' where h.actor_role <> 'SYSTEM'
        or h.at < (a.system_settings_deadline + 1)::timestamp at time zone 'Asia/Tokyo'`)).toBe(0);
      expect(await count(`select 1 from (${voided}) v join office o on o.id = (select office_id from application where id = v.id)
        where o.status <> 'CLOSED' or o.end_date <> o.start_date`)).toBe(0);
      expect(await count(`select 1 from (${voided}) v join user_id u on u.issued_by_id = v.id where u.end_date is distinct from u.start_date`)).toBe(0);
    });
  });

  it('issues contracts for offices in service and keeps their search text', async () => {
    expect(await count(`select 1 from office o join company c on c.id = o.company_id
      where o.status <> 'PENDING' and (o.code is null or left(o.code, 3) <> c.abbreviation or o.billing_code is null
                                       or o.password_enc is null)`)).toBe(0);
    expect(await count(`select 1 from office where search_text = ''`)).toBe(0);
    expect(await count(`select 1 from application where search_text not like lower(receipt_no) || '%'`)).toBe(0);
    for (const table of ['user_code', 'user_id', 'terminal', 'mailbox', 'line', 'user_code_share', 'notice']) {
      expect(await count(`select 1 from ${table}`), table).toBeGreaterThan(0);
    }
    // Sealed secrets open with the key they were sealed with.
    const [{ password_enc }] = await rows<{ password_enc: string }>('select password_enc from user_id limit 1') as [{ password_enc: string }];
    expect(secrets.open(password_enc)).toMatch(/^[A-Z0-9]{8}$/);
  });
});

describe('demo seed determinism', () => {
  // Steps of different offices run side by side; the outcome must not depend on how they interleave.
  const fingerprint = async (target: TestDatabase): Promise<unknown> => {
    const q = async (sql: string) => (await target.orm.em.getConnection().execute(sql)) as unknown[];
    return {
      applications: await q(`select receipt_no, kind, status, received_at, desired_start_date, start_date, reviewed_at, version,
        company_name, office_name, applicant_email, change_items, other_change, transfer_target_office_code, return_message
        from application order by receipt_no`),
      history: await q(`select a.receipt_no, h.version, h.action, h.at, h.actor_name, h.message from application_history h
        join application a on a.id = h.application_id order by a.receipt_no, h.version, h.at`),
      offices: await q(`select o.code, o.status, o.start_date, o.end_date, c.abbreviation, c.name from office o
        join company c on c.id = o.company_id order by c.name, o.code`),
      userIds: await q(`select c.code, u.ident_no, u.start_date, u.end_date from user_id u join user_code c on c.id = u.user_code_id
        order by c.code, u.ident_no`),
      lines: await q(`select o.code, l.ip_address, l.start_date from line l join office o on o.id = l.office_id order by l.ip_address`),
    };
  };

  it('seeds the same demo from the same clock (apart from random secrets, names and ids)', async () => {
    const clock = fixedClock(testClock.now());
    const [a, b] = [await freshDatabase(), await freshDatabase()];
    try {
      for (const target of [a, b]) await seedDemo(target.orm.em.fork(), { clock, password: PASSWORD, secrets, applications: 40 });
      const [fa, fb] = [await fingerprint(a), await fingerprint(b)];
      expect((fa as { applications: unknown[] }).applications).toHaveLength(40);
      expect(fb).toEqual(fa);
    } finally {
      await a.drop();
      await b.drop();
    }
  }, 120_000);
});
