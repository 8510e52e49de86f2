import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { ApplicationKind, ApplicationStatus, ChangeItem, Industry, OfficeStatus, MailboxType, ProcessingMethod, RowAction, SystemCategory, TerminalType } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import { repoRoot } from '../config.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { Application } from '../applications/Application.js';
import { ApplicationMailbox, ApplicationTerminal, ApplicationUserCode, ApplicationUserId } from '../applications/sections.js';
import { Office } from '../companies/Office.js';
import { UserCode } from './contract.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';

// 1,000 approvals in parallel across two server processes on one database: every one succeeds (generation retries
// on a collision) and no identifier is ever issued twice.

const COUNT = 1000;
let server: TestServer;
let second: ChildProcess;
let secondUrl: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

beforeAll(async () => {
  server = await startTestServer();
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  second = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'server'),
    env: { ...process.env, PORT: String(port), DATABASE_URL: server.db.url, SEED_DEMO: 'false', JOB_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn',
      SECRET_KEY: TEST_SECRET_KEY, TOKEN_SECRET: 'test-token-secret-of-32-bytes-min', DATA_DIR: join(repoRoot, '.data', 'parallel-test') },
    stdio: 'ignore',
  });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${secondUrl}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // 1,000 change applications in review, spread over the demo offices: a netNACCS terminal, a mailbox and a 識別番号 each.
  const em = server.orm.em.fork();
  const codes = await em.find(UserCode, { office: { status: OfficeStatus.ACTIVE }, endDate: null }, { populate: ['office'] });
  const numbers = await sql<{ no: string }>(`select next_receipt_no() as no from generate_series(1, ${COUNT})`);
  for (let i = 0; i < COUNT; i++) {
    const code = codes[i % codes.length]!;
    const app = Object.assign(new Application(), {
      receiptNo: numbers[i]!.no, kind: ApplicationKind.CHANGE, status: ApplicationStatus.IN_REVIEW, office: code.office as Office,
      changeItems: [ChangeItem.NET_TERMINAL, ChangeItem.MAILBOX, ChangeItem.IDENT_NO], receivedAt: testClock.now(),
    });
    app.applicant.email = `tanto${i}@example.co.jp`;
    app.terminals.add(Object.assign(new ApplicationTerminal(), { application: app, terminalType: TerminalType.NET, systemCategory: SystemCategory.SEA, count: 1 }));
    app.mailboxes.add(Object.assign(new ApplicationMailbox(), { application: app, mailboxType: MailboxType.SMTP_POP3, count: 1 }));
    const uc = Object.assign(new ApplicationUserCode(), { application: app, action: RowAction.CHANGE, userCode: code.code });
    uc.userIds.add(Object.assign(new ApplicationUserId(), { userCode: uc, industries: [Industry.CUSTOMS_BROKER], processingMethod: ProcessingMethod.INTERACTIVE, identCount: 1 }));
    app.userCodes.add(uc);
    em.persist(app);
  }
  await em.flush();
}, 240_000);

afterAll(async () => {
  second?.kill('SIGTERM');
  await server?.close();
});

async function approveAll(url: string, token: string, ids: string[], start: string): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation($id: ID!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: 1) { status } }', variables: { id, d: start } }),
      }).then((r) => r.json());
      if (res.data?.approveApplication?.status !== 'APPROVED') failures.push(JSON.stringify(res.errors));
    }
  };
  await Promise.all(Array.from({ length: 12 }, worker));
  return failures;
}

describe('issuance under concurrency', () => {
  it('approves 1,000 applications in parallel on two server processes with zero duplicate identifiers', { timeout: 240_000 }, async () => {
    const token = await server.login('supervisor@example.jp');
    const ids = (await sql<{ id: string }>(`select id from application where status = 'IN_REVIEW' and version = 1 and kind = 'CHANGE' and change_items = '{NET_TERMINAL,MAILBOX,IDENT_NO}'`)).map((r) => r.id);
    expect(ids).toHaveLength(COUNT);
    const start = addBusinessDays(todayInJapan(testClock.now()), 10);
    const [a, b] = await Promise.all([
      approveAll(server.url, token, ids.filter((_, i) => i % 2 === 0), start),
      approveAll(secondUrl, token, ids.filter((_, i) => i % 2 === 1), start),
    ]);
    expect([...a, ...b]).toEqual([]);
    const [{ n }] = (await sql<{ n: string }>(`select count(*) as n from terminal t join application a on a.id = t.issued_by_id where a.id in (select id from application where change_items = '{NET_TERMINAL,MAILBOX,IDENT_NO}')`)) as [{ n: string }];
    expect(Number(n)).toBe(COUNT);
    for (const [table, columns] of [['terminal', 'name'], ['mailbox', 'mailbox_id'], ['user_code', 'code'], ['user_id', 'user_code_id, ident_no'], ['office', 'code'], ['office', 'billing_code'], ['company', 'abbreviation'], ['line', 'ip_address']]) {
      const dupes = await sql(`select ${columns}, count(*) from ${table} where ${columns.split(',')[0]} is not null group by ${columns} having count(*) > 1`);
      expect(dupes, `${table}.${columns}`).toEqual([]);
    }
  });
});
