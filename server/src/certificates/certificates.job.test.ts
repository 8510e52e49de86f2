import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../common/clock.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CertificateStatus, ChangeItem, Role, RowAction, SystemCategory, TerminalType } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { initOrm } from '../db/orm.js';
import { addDays } from '../calendar/businessDays.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { freshDatabase, type TestDatabase } from '../testing/db.js';
import { givenOffices, staffActor } from '../testing/offices.js';
import { pickUp } from '../testing/certificates.js';
import { applicantKonsai } from '../applications/intake/fixtures.js';
import { ACQUIRE_MONTHS, CertificateService, addMonths, authCode1, isRenewable, newAuthCode2, newAuthCode3 } from './CertificateService.js';
import { runCertificateJob } from './certificateJob.js';

let db: TestDatabase;
let second: MikroORM;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(q, p);

// Every certificate here comes from an approval that issued netNACCS terminals, moved by the terminals' pick-ups, a
// change application and a reissue, each at its own instant (the services take the clock they are given).
const START = '2027-03-01';
const ACQUIRE_BY = addMonths(START, ACQUIRE_MONTHS); // 2027-05-01
const OVERDUE = 130; // more than two batches of 50: the workers really interleave
const jst = (iso: string, time = '10:00') => fixedClock(`${iso}T${time}:00+09:00`);
/** The serial of the acquired certificate of the terminal abolished on 2027-04-30. */
let abolishedSerial: string;

beforeAll(async () => {
  db = await freshDatabase();
  // A second ORM on its own pool: as a second server process would be.
  second = await initOrm(db.url);
  const offices = givenOffices({ orm: db.orm, clock: jst('2026-02-02') });
  // An office opened on 2026-03-02 with one netNACCS terminal, acquired 2026-04-01 (00:00 UTC): it ends 2027-04-01.
  const office = await offices.nacSystem({ at: jst('2026-02-02'), startDate: '2026-03-02', authCodes: true });
  await pickUp(db, office.terminals[0]!, jst('2026-04-01', '09:00'));
  // Seed 003 in bulk: netNACCS terminals from START, their certificates to be acquired by ACQUIRE_BY.
  const added = await offices.approveChange(office.code, {
    changeItems: [ChangeItem.NET_TERMINAL], applicant: applicantKonsai, desiredStartDate: START,
    terminals: [{ terminalType: TerminalType.NET, systemCategory: SystemCategory.SEA, count: OVERDUE + 3 }],
  }, { at: jst('2027-02-01'), startDate: START, authCodes: true });
  const [inTime, abolished, reissued] = [added.terminals[0]!, added.terminals[1]!, added.terminals[2]!];
  // Acquired in time (2027-04-01 00:00 UTC, valid a year): not stopped.
  await pickUp(db, inTime, jst('2027-04-01', '09:00'));
  // Acquired, then its terminal abolished from 2027-04-30 by a change application: its certificate is revoked.
  abolishedSerial = await pickUp(db, abolished, jst('2027-04-01', '09:00'));
  await offices.approveChange(office.code, {
    changeItems: [ChangeItem.NET_TERMINAL], applicant: applicantKonsai, reason: '端末撤去のため', desiredStartDate: '2027-04-30',
    terminals: [{ action: RowAction.DELETE, terminalType: TerminalType.NET, systemCategory: SystemCategory.SEA, terminalName: abolished.name }],
  }, { at: jst('2027-04-05'), startDate: '2027-04-30' });
  // Reissued later than the others: its own deadline (2027-06-15) is still ahead; the superseded one is revoked.
  const supervisor = await staffActor(db.orm, 'supervisor@example.jp', Role.SUPERVISOR);
  await new CertificateService(db.orm.em.fork(), box, jst('2027-04-15')).reissue(reissued.name, 'PC入替のため', supervisor);
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
    expect(r.expired).toBe(1); // the office's first, ended 2027-04-01
    expect(r.closed).toBe(1); // the abolished terminal's
  });

  it('two workers at once stop each overdue PENDING certificate exactly once', async () => {
    const now = new Date(`${addDays(ACQUIRE_BY, 1)}T09:00:00+09:00`); // the day after the deadline
    const [a, b] = await Promise.all([runCertificateJob(db.orm.em, fixedClock(now)), runCertificateJob(second.em, fixedClock(now))]);
    expect(a.stopped + b.stopped).toBe(OVERDUE);
    const byStatus = await sql<{ status: string; n: number }>(`select status, count(*)::int as n from certificate group by status order by status`);
    // REVOKED: the abolished terminal's, and the one the reissue superseded.
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({ STOPPED: OVERDUE, PENDING: 1, ACQUIRED: 1, EXPIRED: 1, REVOKED: 2 });
    const audits = await sql<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct target)::int as distinct from audit_log where action = 'CERTIFICATE_STOP'`);
    expect(audits[0]).toEqual({ n: OVERDUE, distinct: OVERDUE });
    const [stopped] = await sql(`select reason, revoked_at from certificate where status = 'STOPPED' limit 1`);
    expect(stopped!.reason).toContain(ACQUIRE_BY);
    expect(stopped!.revoked_at).not.toBeNull();
    const [revoked] = await sql(`select crl_reason from certificate where serial = ?`, [abolishedSerial]);
    expect(revoked!.crl_reason).toBe(5); // cessationOfOperation

    const again = await Promise.all([runCertificateJob(db.orm.em, fixedClock(now)), runCertificateJob(second.em, fixedClock(now))]);
    expect(again).toEqual([{ stopped: 0, expired: 0, closed: 0 }, { stopped: 0, expired: 0, closed: 0 }]);
  });
});
