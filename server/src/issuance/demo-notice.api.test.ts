import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../common/dates.js';
import { startTestServer, type TestServer } from '../testing/server.js';

// The demo data is approved through IssuanceService, so its ID通知内容 is real: read over the API as the console does.

let server: TestServer;
let reviewer: string;
let support: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

const NOTICE = `query($id: ID!, $r: Boolean) { idNotice(applicationId: $id, revealPasswords: $r) {
  receiptNo startDate abbreviation officeCode officePassword officePasswordReadable billingCode
  userIds { userId identNo password passwordReadable } lines { ipAddress } terminals { name accessKey }
  mailboxes { mailboxId password passwordReadable } passwordsRevealed maskReason } }`;

/** The approved new application with the latest (or earliest) start date, and how many 識別番号 it asked for. */
async function approvedNew(order: 'desc' | 'asc'): Promise<{ id: string; idents: number }> {
  const [row] = await sql<{ id: string; idents: string }>(
    `select a.id, (select coalesce(sum(i.ident_count), 0) from application_user_code u join application_user_id i on i.user_code_id = u.id
                   where u.application_id = a.id and i.action = 'ADD') as idents
       from application a where a.status = 'APPROVED' and a.kind = 'NEW' order by a.start_date ${order} limit 1`);
  return { id: row!.id, idents: Number(row!.idents) };
}

beforeAll(async () => {
  server = await startTestServer();
  [reviewer, support] = await Promise.all([server.login('reviewer@example.jp'), server.login('support@example.jp')]);
});
afterAll(async () => server?.close());

describe('demo ID通知内容', () => {
  it('a recent approval is inside its パスワード参照期間: a reviewer reveals every password, and the reveal is recorded', async () => {
    const { id, idents } = await approvedNew('desc');
    const res = await server.gql(NOTICE, { id, r: true }, reviewer);
    expect(res.errors).toBeUndefined();
    const n = res.data!.idNotice;
    expect(n.startDate >= todayInJapan(server.clock.now())).toBe(true);
    expect(n.officeCode).toMatch(new RegExp(`^${n.abbreviation}[0-9]{3}$`));
    expect(n.officePasswordReadable).toBe(true);
    expect(n.officePassword).toMatch(/^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{8}$/);
    expect(n.userIds).toHaveLength(idents);
    for (const u of n.userIds) {
      expect(u.userId).toMatch(/^[0-9A-Z]{2}[A-Z]{3}[0-9A-Z]{3}$/);
      expect([u.passwordReadable, /^[A-Z0-9]{8}$/.test(u.password)]).toEqual([true, true]);
    }
    expect(n.passwordsRevealed).toBe(true);
    const history = await sql(`select 1 from application_history where application_id = ? and action = 'PASSWORD_READ'`, [id]);
    expect(history).toHaveLength(1);
  });

  it('support staff see the same notice masked', async () => {
    const { id } = await approvedNew('desc');
    const n = (await server.gql(NOTICE, { id, r: true }, support)).data!.idNotice;
    expect([n.officePassword, n.officePasswordReadable, n.passwordsRevealed]).toEqual(['********', false, false]);
    expect(n.userIds.every((u: { password: string }) => u.password === '********')).toBe(true);
    expect(n.maskReason).toContain('ロール');
  });

  it('an approval of long ago lists its identifiers with the passwords masked and the reason', async () => {
    const { id, idents } = await approvedNew('asc');
    const n = (await server.gql(NOTICE, { id, r: true }, reviewer)).data!.idNotice;
    expect(n.userIds).toHaveLength(idents);
    expect(n.officeCode).toMatch(/^[A-Z]{3}[0-9]{3}$/);
    expect(n.billingCode).toBeTruthy();
    expect([n.officePassword, n.passwordsRevealed]).toEqual(['********', false]);
    expect(n.maskReason).toContain('パスワード参照期間');
  });
});
