// Approval's round trips and allocation: a typical approval is a fixed, small number of SQL statements (the
// application and its sections in one, every shared identifier claimed in one, every row it adds in one statement with
// one insert per table), and a claimed value is never handed to a second transaction while the first holds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { todayInJapan } from '../common/dates.js';
import { Connection } from '../common/enums.js';
import { CLAIM, claim } from './allocation.js';

let server: TestServer;
let reviewer: string;

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await server.login('reviewer@example.jp');
});
afterAll(async () => server?.close());

const APPROVE = `mutation($id: ID!, $s: String!, $v: Int!) { approveApplication(id: $id, startDate: $s, expectedVersion: $v) { status } }`;
/** The logger's colours off (ESC [ … m). */
const clean = (s: string) => s.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

describe('statements per approval', () => {
  it.each([
    ['new 一般NACCS (a line, a terminal, a 利用者コード with one ID)', { kind: 'NEW' as const }],
    ['new netNACCS (a terminal with its certificate)', { kind: 'NEW' as const, connection: Connection.NET }],
    ['change (料金プラン)', { kind: 'CHANGE' as const }],
  ])('%s: at most 7 from the first statement of the approval to COMMIT, the rows added in one statement, one insert per table', async (_name, spec) => {
    const app = await given(server).application({ ...spec, status: 'IN_REVIEW' });
    const before = server.queries();
    const res = await server.gql(APPROVE, { id: app.id, s: addBusinessDays(todayInJapan(server.clock.now()), 61), v: app.version }, reviewer);
    expect(res.errors).toBeUndefined();
    const statements = server.statements().slice(-(server.queries() - before)).map(clean);
    // The caller's session row is read at most once (then remembered: staff/sessions.ts), and is not the approval's.
    const session = statements.filter((s) => /from "staff" where "id" = \$1 and "active"/.test(s));
    expect(session.length).toBeLessThanOrEqual(1);
    const approval = statements.filter((s) => !session.includes(s));
    expect(approval.length, approval.join('\n')).toBeLessThanOrEqual(7);
    // Every row the approval adds in one statement (approvalWrite.ts), one insert per table in it.
    const inserting = approval.filter((s) => /insert into/.test(s));
    expect(inserting.length, 'one statement adds the rows').toBe(1);
    const inserts = [...inserting[0]!.matchAll(/insert into (?:"\w+"\.)?"(\w+)"/g)].map((m) => m[1]);
    expect(new Set(inserts).size, 'one insert per table').toBe(inserts.length);
    expect(inserts).toContain('application_history');
  });
});

describe('claims', () => {
  // The candidates are outside the names approvals draw (digits then C or W): a demo terminal cannot hold one.
  it('a value one transaction holds is not given to another, and is free again when the first rolls back', async () => {
    const em = server.orm.em.fork();
    const names = ['X0001W', 'X0002W', 'X0003W'];
    const request = { namespace: CLAIM.terminalName, taken: { table: 'terminal', column: 'name' }, count: 2, candidates: names };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let first: string[] = [];
    const holder = em.fork().transactional(async (tx) => {
      first = (await claim(tx, { t: request })).t;
      await held;
      throw new Error('rollback');
    }).catch(() => undefined);
    while (!first.length) await new Promise((r) => setTimeout(r, 5));
    expect(first).toEqual(['X0001W', 'X0002W']);
    const second = await em.fork().transactional(async (tx) => (await claim(tx, { t: request })).t);
    expect(second).toEqual(['X0003W']);
    release();
    await holder;
    const third = await em.fork().transactional(async (tx) => (await claim(tx, { t: request })).t);
    expect(third).toEqual(['X0001W', 'X0002W']);
  });

  it('a taken value is skipped; an IP address comes from the pool in order, after the ones lines hold', async () => {
    const em = server.orm.em.fork();
    const [taken] = await em.getConnection().execute<Array<{ name: string }>>('select name from terminal limit 1');
    const got = await em.transactional(async (tx) => claim(tx, {
      names: { namespace: CLAIM.terminalName, taken: { table: 'terminal', column: 'name' }, count: 1, candidates: [taken!.name, 'X0009W'] },
      ips: { namespace: CLAIM.ipAddress, taken: { table: 'line', column: 'ip_address' }, count: 2, pool: '10.250.0.0/29' },
    }));
    expect(got.names).toEqual(['X0009W']);
    expect(got.ips).toEqual(['10.250.0.1', '10.250.0.2']);
  });

  it('40 transactions claiming the smallest free value at once, 10 times over: each gets a value nobody else has, none fails', async () => {
    const sql = (q: string, p: unknown[] = []) => server.orm.em.getConnection().execute(q, p);
    await sql('create table claim_probe (value text primary key)');
    try {
      const candidates = Array.from({ length: 600 }, (_, i) => `P${String(i).padStart(4, '0')}`);
      const failures: unknown[] = [];
      for (let round = 0; round < 10; round++) {
        await Promise.all(Array.from({ length: 40 }, () => server.orm.em.fork().transactional(async (tx) => {
          const [value] = (await claim(tx, { v: { namespace: 99_001, taken: { table: 'claim_probe', column: 'value' }, count: 1, candidates } })).v;
          await tx.execute('insert into claim_probe (value) values (?)', [value]);
        }).catch((e) => failures.push(e))));
      }
      expect(failures).toEqual([]);
      const [row] = await sql('select count(*)::int as n, count(distinct value)::int as d, max(value) as last from claim_probe');
      // The smallest free ones: 400 claims took the first 400 candidates.
      expect(row).toEqual({ n: 400, d: 400, last: 'P0399' });
    } finally {
      await sql('drop table if exists claim_probe');
    }
  });
});
