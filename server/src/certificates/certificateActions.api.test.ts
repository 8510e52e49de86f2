// Certificate.availableActions through GraphQL: what it lists for each staff role is what reissueCertificate and
// revokeCertificate allow, and the list of certificates costs no more statements with it than without.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../common/enums.js';
import { fixedClock } from '../common/clock.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { createStaff } from '../applications/intake/fixtures.js';
import { givenOffices, type GivenOffice } from '../testing/offices.js';
import { pickUp } from '../testing/certificates.js';
import { CertificateStatus } from '../common/enums.js';
import { certificateActions, CertificateAction } from './certificateActions.js';

let server: TestServer;
let office: GivenOffice;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  office = await givenOffices(server).nacSystem({ authCodes: true });
  // Picked up as the certificates' own tests do: long ago, soon after the office was approved (its 取得期限 not past).
  await pickUp(server, office.terminals[0]!, fixedClock(server.clock.now().getTime() - (365 - 10) * 86_400_000));
  const em = server.orm.em.fork();
  await createStaff(em, 'sv@example.jp', [Role.SUPERVISOR], 'pw-supervisor-1');
  await createStaff(em, 'rv@example.jp', [Role.REVIEWER], 'pw-reviewer-1');
  await createStaff(em, 'desk@example.jp', [Role.SUPPORT], 'pw-support-1');
  await em.flush();
  tokens.SUPERVISOR = await server.login('sv@example.jp', 'pw-supervisor-1');
  tokens.REVIEWER = await server.login('rv@example.jp', 'pw-reviewer-1');
  tokens.SUPPORT = await server.login('desk@example.jp', 'pw-support-1');
});
afterAll(async () => server?.close());

type Row = { id: string; terminalName: string; status: string; serial: string | null; availableActions: string[] };
async function rows(token: string, fields = 'id terminalName status serial availableActions'): Promise<{ items: Row[]; n: number }> {
  const before = server.queries();
  const res = await server.gql(`query($o: String) { certificates(filter: { officeCode: $o }, limit: 100) { items { ${fields} } } }`, { o: office.code }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { items: res.data!.certificates.items, n: server.queries() - before };
}
const reissue = (terminalName: string, token: string) =>
  server.gql(`mutation($t: String!) { reissueCertificate(terminalName: $t, reason: "端末の入替えのため") { status availableActions } }`, { t: terminalName }, token);
const revoke = (serial: string, token: string) =>
  server.gql(`mutation($s: String!) { revokeCertificate(serial: $s, reason: "鍵の漏えいのおそれ") { status availableActions } }`, { s: serial }, token);

describe('Certificate.availableActions', () => {
  it('supervisors: 再発行 and 失効 of an acquired certificate, each done when listed; others: nothing, and refused', async () => {
    const acquired = (await rows(tokens.SUPERVISOR!)).items.find((r) => r.status === 'ACQUIRED')!;
    expect(acquired.availableActions).toEqual(['REISSUE', 'REVOKE']);
    for (const role of ['REVIEWER', 'SUPPORT']) {
      expect((await rows(tokens[role]!)).items.every((r) => r.availableActions.length === 0), role).toBe(true);
      expect((await reissue(acquired.terminalName, tokens[role]!)).errors, role).toBeDefined();
      expect((await revoke(acquired.serial!, tokens[role]!)).errors, role).toBeDefined();
    }
    // 再発行: a new certificate waits (発行待ち), which may be reissued again but not revoked (no serial yet).
    const reissued = await reissue(acquired.terminalName, tokens.SUPERVISOR!);
    expect(reissued.errors, JSON.stringify(reissued.errors)).toBeUndefined();
    expect(reissued.data!.reissueCertificate).toEqual({ status: 'PENDING', availableActions: ['REISSUE'] });
    // 失効: the acquired one is revoked; then nothing is left to do with it, and a second 失効 is refused.
    const revoked = await revoke(acquired.serial!, tokens.SUPERVISOR!);
    expect(revoked.errors, JSON.stringify(revoked.errors)).toBeUndefined();
    expect(revoked.data!.revokeCertificate).toEqual({ status: 'REVOKED', availableActions: [] });
    expect((await revoke(acquired.serial!, tokens.SUPERVISOR!)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('the list costs as many statements with availableActions as without (the terminal is loaded once for all)', async () => {
    await rows(tokens.SUPERVISOR!, 'id');
    const without = await rows(tokens.SUPERVISOR!, 'id terminalName status');
    const withActions = await rows(tokens.SUPERVISOR!, 'id terminalName status availableActions');
    expect(withActions.items.length).toBeGreaterThan(1);
    expect(withActions.n).toBe(without.n);
  });

  it('an abolished terminal is not offered a reissue (CertificateService.reissue refuses it)', () => {
    const supervisor = { roles: [Role.SUPERVISOR] };
    const today = '2030-04-01';
    const acquired = { status: CertificateStatus.ACQUIRED, serial: '0A' };
    expect(certificateActions(acquired, { endDate: today }, today, supervisor)).toEqual([CertificateAction.REVOKE]);
    expect(certificateActions(acquired, { endDate: '2030-04-02' }, today, supervisor)).toEqual([CertificateAction.REISSUE, CertificateAction.REVOKE]);
    expect(certificateActions({ status: CertificateStatus.STOPPED }, {}, today, supervisor)).toEqual([CertificateAction.REISSUE]);
  });
});
