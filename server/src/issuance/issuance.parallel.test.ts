import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeItem, Connection, Industry, OfficeStatus, MailboxType, ProcessingMethod, Role, RowAction, SystemCategory, TerminalType } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import { repoRoot } from '../config.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { SecretBox } from '../common/secrets.js';
import { IntakeService } from '../applications/intake/IntakeService.js';
import { applicantKonsai } from '../applications/intake/fixtures.js';
import type { NewApplicationInput } from '../applications/intake/inputs.js';
import { given } from '../testing/given.js';
import { ReviewService } from '../review/ReviewService.js';
import { Staff } from '../staff/Staff.js';
import { UserCode } from './contract.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';

// 1,000 approvals in parallel across two server processes on one database, 40 in flight, every kind mixed: change
// applications (several per office at once) and new 一般NACCS (a line: an IP address) and netNACCS applications of
// companies that share their English names (the same 企業略称 candidates). Every one succeeds and no identifier is
// ever issued twice (issuance/allocation.ts).

const CHANGES = 600;
const NEW = 400;
const COUNT = CHANGES + NEW;
/** English names the new companies share (their 企業略称 candidates collide). */
const SHARED_NAMES = ['NACCS SYSTEM CO.,LTD.', 'PACIFIC LOGISTICS INC.', 'NIPPON CUSTOMS BROKER CO.,LTD.', 'SAKURA EXPRESS K.K.'];
const prepared: Array<{ id: string; version: number }> = [];
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
    env: { ...process.env, PORT: String(port), DATABASE_URL: server.db.url, SEED_DEMO: 'false', JOB_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn', NOW: server.clock.now().toISOString(),
      SECRET_KEY: TEST_SECRET_KEY, TOKEN_SECRET: 'test-token-secret-of-32-bytes-min', DATA_DIR: join(repoRoot, '.data', 'parallel-test') },
    stdio: 'ignore',
  });
  // A busy machine can take a while to start a second process: wait up to 3 minutes, then say so.
  for (let i = 0; ; i++) {
    if (await fetch(`${secondUrl}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 720 || second.exitCode !== null) throw new Error(`the second server process did not start (exit ${second.exitCode})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // 1,000 change applications in review, spread over the demo offices, as the NSS portal submits them and a reviewer
  // takes them (IntakeService, ReviewService): a netNACCS terminal, a mailbox and a 識別番号 each.
  const codes = await server.orm.em.fork().find(UserCode, { office: { status: OfficeStatus.ACTIVE, usesNet: true }, endDate: null }, { populate: ['office'] });
  const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
  const reviewer = await server.orm.em.fork().findOneOrFail(Staff, { email: 'reviewer@example.jp' });
  const actor = { staff: reviewer, name: reviewer.name, role: reviewer.roles[0]! };
  const desiredStartDate = addBusinessDays(todayInJapan(server.clock.now()), 10);
  let next = 0;
  await Promise.all(Array.from({ length: 6 }, async () => {
    while (next < CHANGES) {
      const i = next++;
      const code = codes[i % codes.length]!;
      const submitted = await new IntakeService(server.orm.em.fork(), box, server.clock).submitChange(code.office.code!, {
        changeItems: [ChangeItem.NET_TERMINAL, ChangeItem.MAILBOX, ChangeItem.IDENT_NO], desiredStartDate, reason: '業務拡大のため。',
        applicant: { ...applicantKonsai, email: `tanto${i}@example.co.jp`, emailConfirmation: `tanto${i}@example.co.jp` },
        terminals: [{ terminalType: TerminalType.NET, systemCategory: SystemCategory.SEA, count: 1 }],
        mailboxes: [{ mailboxType: MailboxType.SMTP_POP3, count: 1 }],
        userCodes: [{ action: RowAction.CHANGE, userCode: code.code, userIds: [{ industries: [Industry.CUSTOMS_BROKER], processingMethod: ProcessingMethod.INTERACTIVE, identCount: 1 }] }],
      }, { name: 'NSS (テスト)', role: Role.INTEGRATOR });
      const assigned = await new ReviewService(server.orm.em.fork(), box, server.clock).assign(submitted.id, submitted.version, actor);
      prepared.push({ id: assigned.id, version: assigned.version });
    }
  }));
  let made = 0;
  await Promise.all(Array.from({ length: 6 }, async () => {
    while (made < NEW) {
      const i = made++;
      const app = await given(server).application({
        status: 'IN_REVIEW', connection: i % 2 ? Connection.NET : Connection.GENERAL,
        edit: (input) => void ((input as NewApplicationInput).company!.nameEn = SHARED_NAMES[i % SHARED_NAMES.length]),
      });
      prepared.push({ id: app.id, version: app.version });
    }
  }));
  // Interleave the kinds, as a day's queue would.
  prepared.sort((a, b) => a.id.localeCompare(b.id));
}, 420_000);

afterAll(async () => {
  second?.kill('SIGTERM');
  await server?.close();
});

async function approveAll(url: string, token: string, apps: Array<{ id: string; version: number }>, start: string): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < apps.length) {
      const { id, version } = apps[next++]!;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation($id: ID!, $d: String!, $v: Int!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }', variables: { id, d: start, v: version } }),
      }).then((r) => r.json());
      if (res.data?.approveApplication?.status !== 'APPROVED') failures.push(JSON.stringify(res.errors));
    }
  };
  // 20 per process: 40 approvals in flight.
  await Promise.all(Array.from({ length: 20 }, worker));
  return failures;
}

describe('issuance under concurrency', () => {
  it('approves 1,000 applications in parallel on two server processes with zero duplicate identifiers', { timeout: 240_000 }, async () => {
    const token = await server.login('supervisor@example.jp');
    expect(prepared).toHaveLength(COUNT);
    // Beyond every lead time (a line's is 60 business days): the approval's guard refuses an earlier start date.
    const start = addBusinessDays(todayInJapan(server.clock.now()), 61);
    const [a, b] = await Promise.all([
      approveAll(server.url, token, prepared.filter((_, i) => i % 2 === 0), start),
      approveAll(secondUrl, token, prepared.filter((_, i) => i % 2 === 1), start),
    ]);
    expect([...a, ...b]).toEqual([]);
    const ids = prepared.map((p) => p.id);
    const [{ n }] = (await sql<{ n: string }>(`select count(*) as n from application where status = 'APPROVED' and id in (${ids.map(() => '?').join(', ')})`, ids)) as [{ n: string }];
    expect(Number(n)).toBe(COUNT);
    // The companies that share a name got distinct 企業略称 (four names, a hundred companies each).
    const [{ abbreviations }] = (await sql<{ abbreviations: string }>(`select count(distinct c.abbreviation) as abbreviations from company c
      where c.name_en in (${SHARED_NAMES.map(() => '?').join(', ')}) and c.abbreviation is not null`, SHARED_NAMES)) as [{ abbreviations: string }];
    expect(Number(abbreviations)).toBe(NEW);
    for (const [table, columns] of [['terminal', 'name'], ['mailbox', 'mailbox_id'], ['user_code', 'code'], ['user_id', 'user_code_id, ident_no'], ['office', 'code'], ['office', 'billing_code'], ['company', 'abbreviation'], ['line', 'ip_address'], ['terminal', 'access_key']]) {
      const dupes = await sql(`select ${columns}, count(*) from ${table} where ${columns.split(',')[0]} is not null group by ${columns} having count(*) > 1`);
      expect(dupes, `${table}.${columns}`).toEqual([]);
    }
  });
});
