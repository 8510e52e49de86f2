import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/seeders/demo.js';
import { ApplicationStatus, Role } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { Staff } from '../staff/Staff.js';
import { verifyPassword } from '../staff/password.js';
import { freshDatabase, type TestDatabase } from '../testing/db.js';

const PASSWORD = 'seed-test-password';
const secrets = new SecretBox(randomBytes(32));

let db: TestDatabase;
let seeded: { applications: number };
let seconds = 0;

const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
  (await db.orm.em.getConnection().execute(sql, params)) as T[];
const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number((await rows<{ n: number | string }>(`select count(*) as n from (${sql}) x`, params))[0]!.n);

beforeAll(async () => {
  db = await freshDatabase();
  const started = performance.now();
  seeded = await seedDemo(db.orm.em.fork(), { password: PASSWORD, secrets });
  seconds = (performance.now() - started) / 1000;
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

describe('demo seed', () => {
  it('creates at least 300 applications in under 20 seconds', async () => {
    expect(seeded.applications).toBeGreaterThanOrEqual(300);
    expect(await count('select 1 from application')).toBe(seeded.applications);
    expect(seconds).toBeLessThan(20);
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
    expect(await count(`select 1 from application where status = 'APPROVED'
      and (start_date is null or reviewed_at is null or system_settings_deadline is null)`)).toBe(0);
    expect(await count(`select 1 from application where status = 'APPROVED'
      and not (system_settings_deadline < start_date and reviewed_at >= received_at
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
    expect(await count(`select 1 from (
      select at, lag(at) over (partition by application_id order by version) as prev from application_history) x
      where prev > at`)).toBe(0);
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
