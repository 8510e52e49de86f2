import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../testing/db.js';

// The 業種 of the seed 000 screen: stored values keep their meaning when the list changes (issue 16).
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(query, params);
const BEFORE = 'Migration20261201020000_api_key_scopes';

describe('Migration20261203120000_industries_of_the_screen', () => {
  it('rewrites stored 海貨業 (NVOCC) as 海運業 and 銀行 (BANK) as その他, and the CHECK takes only the screen\'s 17', async () => {
    await db.orm.migrator.down({ to: BEFORE });
    const [app] = await sql<{ id: string }>(`insert into application (id, receipt_no, kind, connection, received_at) values (gen_random_uuid(), '269901A', 'NEW', 'GENERAL', now()) returning id`);
    const [code] = await sql<{ id: string }>(`insert into application_user_code (id, application_id, system_category) values (gen_random_uuid(), ?, 'SEA') returning id`, [app!.id]);
    await sql(`insert into application_user_id (id, user_code_id, industries, processing_method, ident_count) values
      (gen_random_uuid(), ?, '{CUSTOMS_BROKER,NVOCC}', 'INTERACTIVE', 1), (gen_random_uuid(), ?, '{BANK}', 'INTERACTIVE', 1)`, [code!.id, code!.id]);

    await db.orm.migrator.up();
    const rows = await sql<{ industries: string[] }>(`select industries from application_user_id where user_code_id = ? order by cardinality(industries) desc`, [code!.id]);
    expect(rows.map((r) => r.industries)).toEqual([['CUSTOMS_BROKER', 'MARINE_FORWARDER'], ['OTHER']]);
    await expect(sql(`update application_user_id set industries = '{NVOCC}' where user_code_id = ?`, [code!.id])).rejects.toThrow(/application_user_id_industries_check/);
    await sql(`update application_user_id set industries = '{IWCC,INSURER}' where user_code_id = ?`, [code!.id]);
    expect((await db.orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });
});
