import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../common/clock.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CertificateStatus, SystemCategory, TerminalType } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { initOrm } from '../db/orm.js';
import { addDays } from '../calendar/businessDays.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { freshDatabase, type TestDatabase } from '../testing/db.js';
import { createNacOffice } from '../applications/intake/fixtures.js';
import { Terminal } from '../issuance/contract.js';
import { Certificate } from './Certificate.js';
import { ACQUIRE_MONTHS, addMonths, authCode1, isRenewable, newAuthCode2, newAuthCode3 } from './CertificateService.js';
import { runCertificateJob } from './certificateJob.js';

let db: TestDatabase;
let second: MikroORM;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(q, p);

const START = '2027-03-01';
const ACQUIRE_BY = addMonths(START, ACQUIRE_MONTHS); // 2027-05-01
const OVERDUE = 130; // more than two batches of 50: the workers really interleave

beforeAll(async () => {
  db = await freshDatabase();
  // A second ORM on its own pool: as a second server process would be.
  second = await initOrm(db.url);
  const em = db.orm.em.fork();
  const office = await createNacOffice(em, box);
  let n = 10000;
  const make = (over: Partial<Certificate>) => {
    const terminal = Object.assign(new Terminal(), {
      name: `${n++}W`, office, type: TerminalType.NET, systemCategory: SystemCategory.SEA, accessKey: String(1234567890000 + n), startDate: START,
    });
    em.persist(terminal);
    em.persist(Object.assign(new Certificate(), {
      terminal, authCode1: authCode1('NAC', terminal.name), authCode2Enc: box.seal(newAuthCode2()), authCode3Enc: box.seal(newAuthCode3()),
      acquireBy: ACQUIRE_BY, ...over,
    }));
    return terminal;
  };
  for (let i = 0; i < OVERDUE; i++) make({});
  // Acquired in time: not stopped; one of them past its validity.
  make({ status: CertificateStatus.ACQUIRED, serial: 'aa01', notBefore: new Date('2027-04-01T00:00:00Z'), notAfter: new Date('2028-04-01T00:00:00Z'), acquiredAt: new Date('2027-04-01T00:00:00Z') });
  make({ status: CertificateStatus.ACQUIRED, serial: 'aa02', notBefore: new Date('2026-04-01T00:00:00Z'), notAfter: new Date('2027-04-01T00:00:00Z'), acquiredAt: new Date('2026-04-01T00:00:00Z') });
  // A reissue later than the others: its own deadline is still ahead.
  make({ acquireBy: '2027-07-15' });
  // An abolished terminal: its acquired certificate is revoked.
  const closed = make({ status: CertificateStatus.ACQUIRED, serial: 'aa03', notBefore: new Date('2027-04-01T00:00:00Z'), notAfter: new Date('2028-04-01T00:00:00Z') });
  closed.endDate = '2027-04-30';
  await em.flush();
});
afterAll(async () => {
  await second?.close();
  await db?.drop();
});

describe('certificate time rules (job)', () => {
  it('addMonths clamps to the month end; 認証コード1 is 企業略称 + the last 4 of the 論理端末名', () => {
    expect(addMonths('2027-03-01', 2)).toBe('2027-05-01');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(authCode1('NAC', '99999W')).toBe('NAC999W');
    expect(newAuthCode2()).toMatch(/^[A-Z0-9]{6}$/);
    expect(newAuthCode3()).toMatch(/^[A-Z0-9]{5}$/);
  });

  it('renewal opens 28 days before expiry', () => {
    const notAfter = new Date('2028-04-01T00:00:00Z');
    const at = (iso: string) => isRenewable({ status: CertificateStatus.ACQUIRED, notAfter }, new Date(iso));
    expect(at('2028-03-03T23:59:59Z')).toBe(false);
    expect(at('2028-03-04T00:00:00Z')).toBe(true);
    expect(at('2028-04-01T00:00:00Z')).toBe(false);
    expect(isRenewable({ status: CertificateStatus.PENDING, notAfter }, new Date('2028-03-20T00:00:00Z'))).toBe(false);
  });

  it('nothing is stopped on the deadline day itself', async () => {
    const r = await runCertificateJob(db.orm.em, fixedClock(`${ACQUIRE_BY}T23:00:00+09:00`));
    expect(r.stopped).toBe(0);
    expect(r.expired).toBe(1); // aa02 ended 2027-04-01
    expect(r.closed).toBe(1); // the abolished terminal's aa03
  });

  it('two workers at once stop each overdue PENDING certificate exactly once', async () => {
    const now = new Date(`${addDays(ACQUIRE_BY, 1)}T09:00:00+09:00`); // the day after the deadline
    const [a, b] = await Promise.all([runCertificateJob(db.orm.em, fixedClock(now)), runCertificateJob(second.em, fixedClock(now))]);
    expect(a.stopped + b.stopped).toBe(OVERDUE);
    const byStatus = await sql<{ status: string; n: number }>(`select status, count(*)::int as n from certificate group by status order by status`);
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({ STOPPED: OVERDUE, PENDING: 1, ACQUIRED: 1, EXPIRED: 1, REVOKED: 1 });
    const audits = await sql<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct target)::int as distinct from audit_log where action = 'CERTIFICATE_STOP'`);
    expect(audits[0]).toEqual({ n: OVERDUE, distinct: OVERDUE });
    const [stopped] = await sql(`select reason, revoked_at from certificate where status = 'STOPPED' limit 1`);
    expect(stopped!.reason).toContain(ACQUIRE_BY);
    expect(stopped!.revoked_at).not.toBeNull();
    const [revoked] = await sql(`select crl_reason from certificate where serial = 'aa03'`);
    expect(revoked!.crl_reason).toBe(5); // cessationOfOperation

    const again = await Promise.all([runCertificateJob(db.orm.em, fixedClock(now)), runCertificateJob(second.em, fixedClock(now))]);
    expect(again).toEqual([{ stopped: 0, expired: 0, closed: 0 }, { stopped: 0, expired: 0, closed: 0 }]);
  });
});
