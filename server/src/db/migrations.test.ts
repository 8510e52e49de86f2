import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../testing/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);

describe('migrations', () => {
  it('agree with the entities: a database migrated from db/migrations needs no schema change', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('enforce rules in the database itself (CHECK): 一括請求 is by 請求先コード xor 事業所コード', async () => {
    await expect(
      sql(`insert into company (id, name) values (gen_random_uuid(), '株式会社テスト') returning id`).then(([c]) =>
        sql(
          `insert into office (id, company_id, status, billing_consolidated_billing_code, billing_consolidated_office_code)
           values (gen_random_uuid(), ?, 'PENDING', '1234567', 'ABC001')`,
          [c!.id],
        ),
      ),
    ).rejects.toThrow(/office_billing_consolidated_xor/);
  });
});

describe('receipt numbers (next_receipt_no)', () => {
  it('are 2-digit year + 4-digit serial + A, and 500 parallel calls get 500 distinct numbers', async () => {
    const at = '2031-05-01T00:00:00+09:00';
    const numbers = await Promise.all(
      Array.from({ length: 500 }, () => sql<{ no: string }>('select next_receipt_no(?::timestamptz) as no', [at]).then((r) => r[0]!.no)),
    );
    expect(new Set(numbers).size).toBe(500);
    for (const n of numbers) expect(n).toMatch(/^31\d{4}A$/);
    expect(numbers.sort()[0]).toBe('310001A');
  });

  it('advance the letter after serial 9999', async () => {
    await sql(`insert into receipt_counter (year, serial) values (32, 9998)`);
    const next = async () => (await sql<{ no: string }>(`select next_receipt_no('2032-01-05T00:00:00+09:00') as no`))[0]!.no;
    expect(await next()).toBe('329999A');
    expect(await next()).toBe('320001B');
    expect(await next()).toBe('320002B');
  });

  it('follow the Japanese calendar year: 2030-12-31 23:30 UTC is already 2031 in Japan', async () => {
    const [{ no }] = (await sql<{ no: string }>(`select next_receipt_no('2033-12-31T23:30:00Z') as no`)) as [{ no: string }];
    expect(no.slice(0, 2)).toBe('34');
  });
});

describe('application history', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const [app] = await sql<{ id: string }>(
      `insert into application (id, receipt_no, kind, connection, received_at)
       values (gen_random_uuid(), next_receipt_no(), 'NEW', 'NET', now()) returning id`,
    );
    await sql(
      `insert into application_history (application_id, actor_name, actor_role, action, to_status, version)
       values (?, 'テスト', 'INTEGRATOR', 'SUBMIT', 'RECEIVED', 1)`,
      [app!.id],
    );
    await expect(sql(`update application_history set message = 'x' where application_id = ?`, [app!.id])).rejects.toThrow(/append-only/);
    await expect(sql(`delete from application_history where application_id = ?`, [app!.id])).rejects.toThrow(/append-only/);
    const [{ n }] = (await sql<{ n: string }>(`select count(*) as n from application_history where application_id = ?`, [app!.id])) as [{ n: string }];
    expect(Number(n)).toBe(1);
  });

  it('refuses a return without its message (CHECK)', async () => {
    const [app] = await sql<{ id: string }>(
      `insert into application (id, receipt_no, kind, connection, received_at)
       values (gen_random_uuid(), next_receipt_no(), 'NEW', 'NET', now()) returning id`,
    );
    await expect(
      sql(
        `insert into application_history (application_id, actor_name, actor_role, action, from_status, to_status, version, message)
         values (?, '審査 一郎', 'REVIEWER', 'RETURN', 'IN_REVIEW', 'RETURNED', 2, '  ')`,
        [app!.id],
      ),
    ).rejects.toThrow(/application_history_return_has_message/);
  });
});
