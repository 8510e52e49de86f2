import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../testing/db.js';

// The data of issue 16's migrations: attachments stored twice by earlier resubmissions, and lines issued before
// ルータ番号 were kept.
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(query, params);
const BEFORE = 'Migration20261203120000_industries_of_the_screen';

describe('Migration20261204100000_attachment_content_unique and Migration20261204110000_line_router_no', () => {
  it('keep the first of the copies of an attachment, then refuse another; number the line of an application that added one', async () => {
    await db.orm.migrator.down({ to: BEFORE });
    const [app] = await sql<{ id: string }>(`insert into application (id, receipt_no, kind, connection, received_at) values (gen_random_uuid(), '269902A', 'NEW', 'GENERAL', now()) returning id`);
    const attach = (fileName: string, at: string, content: string) => sql(
      `insert into attachment (id, application_id, kind, file_name, content_type, size, sha256, content, created_at)
       values (gen_random_uuid(), ?, 'SYSTEM_DIAGRAM', ?, 'application/pdf', length(?::bytea), encode(sha256(?::bytea), 'hex'), ?::bytea, ?::timestamptz)`,
      [app!.id, fileName, content, content, content, at]);
    await attach('構成図(再).pdf', '2026-11-02T10:00:00Z', 'diagram v1');
    await attach('システム構成図.pdf', '2026-11-01T10:00:00Z', 'diagram v1');
    await attach('構成図v2.pdf', '2026-11-03T10:00:00Z', 'diagram v2');
    const [company] = await sql<{ id: string }>(`insert into company (id, name) values (gen_random_uuid(), 'ナックスシステム株式会社') returning id`);
    const [office] = await sql<{ id: string }>(`insert into office (id, company_id, status) values (gen_random_uuid(), ?, 'PENDING') returning id`, [company!.id]);
    await sql(`insert into application_line (id, application_id, action, line_no) values (gen_random_uuid(), ?, 'ADD', 1)`, [app!.id]);
    const [line] = await sql<{ id: string }>(`insert into line (id, office_id, system_category, connection_method, line_type, speed, maintenance, start_date, issued_by_id)
      values (gen_random_uuid(), ?, 'SEA', 'INTERACTIVE', 'LEASED', '1Mbps', 'H24_365', '2026-12-01', ?) returning id`, [office!.id, app!.id]);

    await db.orm.migrator.up();
    const kept = await sql<{ file_name: string }>(`select file_name from attachment where application_id = ? order by created_at`, [app!.id]);
    expect(kept.map((a) => a.file_name)).toEqual(['システム構成図.pdf', '構成図v2.pdf']);
    await expect(attach('copy.pdf', '2026-11-04T10:00:00Z', 'diagram v2')).rejects.toThrow(/attachment_application_sha256_unique/);
    expect(await sql(`select router_no from line where id = ?`, [line!.id])).toEqual([{ router_no: 1 }]);
    expect((await db.orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });
});
