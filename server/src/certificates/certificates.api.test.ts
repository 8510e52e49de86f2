import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @peculiar/x509 needs the Reflect polyfill before it loads.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { fixedClock } from '../common/clock.js';
import * as x509 from '@peculiar/x509';
import { Role, TerminalType, SystemCategory } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { todayInJapan } from '../common/dates.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { TEST_SECRET_KEY } from '../testing/constants.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { createApiKey } from '../staff/apiKeys.js';
import { applicantKonsai, createStaff } from '../applications/intake/fixtures.js';
import { givenOffices, type GivenOffice, type IssuedTerminal } from '../testing/offices.js';
import { csrFor, pickUp } from '../testing/certificates.js';
import { Office } from '../companies/Office.js';
import { Terminal } from '../issuance/contract.js';
import { Application } from '../applications/Application.js';
import { IdNoticeService } from '../issuance/IdNoticeService.js';
import { CrlReason } from './authority.js';

let server: TestServer;
let portal: string;
let supervisor: string;
let reviewer: string;
let support: string;
const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const START = addBusinessDays(todayInJapan(testClock.now()), 15);
const MASK = '********';
const DAY = 86_400_000;
/** ナックスシステム株式会社 in service (NAC001 of seed 003), with its own netNACCS terminal. */
let nac: GivenOffice;
/** That terminal: it picked up its certificate a year ago less 10 days, so the certificate expires in about 10 days. */
let expiring: IssuedTerminal;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  nac = await givenOffices(server).nacSystem({ authCodes: true });
  expiring = nac.terminals[0]!;
  await pickUp(server, expiring, fixedClock(testClock.now().getTime() - (365 - 10) * DAY));
  const em = server.orm.em.fork();
  await createStaff(em, 'sv@example.jp', [Role.SUPERVISOR], 'pw-supervisor-1');
  await createStaff(em, 'rv@example.jp', [Role.REVIEWER], 'pw-reviewer-1');
  await createStaff(em, 'desk@example.jp', [Role.SUPPORT], 'pw-support-1');
  portal = createApiKey(em, { name: 'NSS' }).secret;
  await em.flush();
  supervisor = await server.login('sv@example.jp', 'pw-supervisor-1');
  reviewer = await server.login('rv@example.jp', 'pw-reviewer-1');
  support = await server.login('desk@example.jp', 'pw-support-1');
});
afterAll(async () => server?.close());

const NOTICE = `query($id: ID!, $r: Boolean) { idNotice(applicationId: $id, revealPasswords: $r) {
  receiptNo terminals { name type accessKey certificateStatus authCode1 authCode2 authCode3 authCodesReadable } maskReason } }`;
const CERTS = `query($f: CertificateFilterInput) { certificates(filter: $f, limit: 100) { totalCount items {
  id terminalName terminalType officeCode receiptNo status serial notBefore notAfter acquiredAt revokedAt acquireBy failedAttempts locked renewable reason } } }`;

/** Seed 003: a 変更申込 adding netNACCS terminals to the office, assigned and approved by the supervisor. */
async function approveNetAddition(count = 2): Promise<string> {
  const submitted = await server.gql('mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id } }', {
    o: nac.code, i: { changeItems: ['NET_TERMINAL'], applicant: applicantKonsai, desiredStartDate: START, terminals: [{ terminalType: 'NET', systemCategory: 'SEA', count }] },
  }, portal);
  expect(submitted.errors).toBeUndefined();
  const id = submitted.data!.submitChangeApplication.id as string;
  const assigned = await server.gql('mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, supervisor);
  const approved = await server.gql('mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }',
    { id, v: assigned.data!.assignApplication.version, d: START }, supervisor);
  expect(approved.errors).toBeUndefined();
  return id;
}

interface NoticeTerminal { name: string; authCode1: string; authCode2: string; authCode3: string; certificateStatus: string; authCodesReadable: boolean }
async function codes(id: string, token = portal, reveal = true): Promise<NoticeTerminal[]> {
  const res = await server.gql(NOTICE, { id, r: reveal }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.idNotice.terminals;
}

async function enroll(body: Record<string, unknown>): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}/certificates/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

const body = (t: NoticeTerminal, csr: string, over: Partial<Record<'authCode1' | 'authCode2' | 'authCode3', string>> = {}) => ({
  terminalName: t.name, authCode1: t.authCode1, authCode2: t.authCode2, authCode3: t.authCode3, csr, ...over,
});

async function caCert(): Promise<x509.X509Certificate> {
  const res = await fetch(`${server.url}/certificates/ca`);
  expect(res.status).toBe(200);
  return new x509.X509Certificate(await res.text());
}

async function crl(): Promise<x509.X509Crl> {
  const res = await fetch(`${server.url}/certificates/crl`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/pkix-crl');
  const list = new x509.X509Crl(new Uint8Array(await res.arrayBuffer()));
  expect(await list.verify({ publicKey: await caCert() })).toBe(true);
  return list;
}

async function certificates(filter: Record<string, unknown>, token = support): Promise<any[]> {
  const res = await server.gql(CERTS, { f: filter }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.certificates.items;
}

let appId: string;
let terminals: NoticeTerminal[];
let acquiredSerial: string;

describe('issue on approval (seed 003: two netNACCS terminals added to ナックスシステム)', () => {
  it('creates 2 PENDING certificates with SPEC-format auth codes, mails the 管理責任者 and adds a 新着情報 entry', async () => {
    appId = await approveNetAddition(2);
    const rows = await sql(`select c.status, c.auth_code1, c.auth_code2enc, c.acquire_by, t.name from certificate c join terminal t on t.id = c.terminal_id
      where c.application_id = ? order by t.name`, [appId]);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.status).toBe('PENDING');
      expect(r.auth_code1).toBe(`${nac.abbreviation}${(r.name as string).slice(-4)}`);
      expect(r.auth_code2enc).toMatch(/^v1\./); // sealed at rest
    }
    terminals = await codes(appId);
    expect(terminals).toHaveLength(2);
    for (const t of terminals) {
      expect(t.name).toMatch(/^\d{5}W$/);
      expect(t.authCode1).toMatch(new RegExp(`^${nac.abbreviation}\\d{3}W$`));
      expect(t.authCode1).toBe(`${nac.abbreviation}${t.name.slice(-4)}`);
      expect(t.authCode2).toMatch(/^[A-Z0-9]{6}$/);
      expect(t.authCode3).toMatch(/^[A-Z0-9]{5}$/);
      expect(t).toMatchObject({ certificateStatus: 'PENDING', authCodesReadable: true });
    }
    // The plain codes rest nowhere in the certificate rows.
    const dump = JSON.stringify(await sql('select row_to_json(c) as r from certificate c'));
    for (const t of terminals) expect(dump).not.toContain(t.authCode2);

    const mails = await sql(`select recipients, subject, text from outbound_email where template_key = 'certificate-issued' and application_id = ?`, [appId]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipients).toEqual(['hozei.hanako@naccs.co.jp']);
    expect(mails[0]!.subject).toBe('【NSS】デジタル証明書発行完了のお知らせ');
    const receiptNo = (await server.gql(NOTICE, { id: appId }, support)).data!.idNotice.receiptNo as string;
    expect(mails[0]!.text).toContain(receiptNo);
    expect(mails[0]!.text).toContain('保税 花子 様');
    expect(mails[0]!.text).toContain('デジタル証明書の発行が完了しました');
    for (const t of terminals) {
      expect(mails[0]!.text).toContain(t.name);
      expect(mails[0]!.text).not.toContain(t.authCode2);
    }

    const notices = await server.gql('query($o: String!) { notices(officeCode: $o) { category message receiptNo } }', { o: nac.code }, support);
    expect(notices.data!.notices).toContainEqual({
      category: 'APPLICATION', receiptNo, message: 'デジタル証明書を発行しました。ID通知内容で認証コードを確認の上、デジタル証明書を取得してください。',
    });
    const listed = await certificates({ officeCode: nac.code, status: ['PENDING'] });
    expect(listed.map((c) => c.terminalName).sort()).toEqual(terminals.map((t) => t.name).sort());
    expect(listed[0]).toMatchObject({ officeCode: nac.code, terminalType: 'NET', receiptNo, serial: null, locked: false, renewable: false });
  });

  it('issueCertificates is idempotent, backfills a terminal without one, and refuses support staff', async () => {
    const again = await server.gql('mutation($id: ID!) { issueCertificates(applicationId: $id) { issuedCount certificates { terminalName status } } }', { id: appId }, reviewer);
    expect(again.errors).toBeUndefined();
    expect(again.data!.issueCertificates).toMatchObject({ issuedCount: 0, certificates: [expect.anything(), expect.anything()] });

    // A terminal from before certificates were issued on approval (migrated data): no service makes one, so it is
    // written directly — the one hand-made row left.
    const em = server.orm.em.fork();
    const office = await em.findOneOrFail(Office, { code: nac.code });
    em.persist(Object.assign(new Terminal(), {
      name: '55555W', office, type: TerminalType.WEB, systemCategory: SystemCategory.SEA, accessKey: '5555555555555', startDate: START,
      issuedBy: em.getReference(Application, appId),
    }));
    await em.flush();
    const backfill = await server.gql('mutation($id: ID!) { issueCertificates(applicationId: $id) { issuedCount certificates { terminalName } } }', { id: appId }, supervisor);
    expect(backfill.data!.issueCertificates.issuedCount).toBe(1);
    expect(backfill.data!.issueCertificates.certificates.map((c: any) => c.terminalName)).toContain('55555W');
    const twice = await server.gql('mutation($id: ID!) { issueCertificates(applicationId: $id) { issuedCount } }', { id: appId }, supervisor);
    expect(twice.data!.issueCertificates.issuedCount).toBe(0);
    const denied = await server.gql('mutation($id: ID!) { issueCertificates(applicationId: $id) { issuedCount } }', { id: appId }, support);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('enrollment (POST /certificates/enroll)', () => {
  it('signs a client certificate that verifies against the CA: CN = 論理端末名, OU = 事業所コード, clientAuth, one year; the codes are single use', async () => {
    const t = terminals[0]!;
    const res = await enroll(body(t, await csrFor(t.name)));
    expect(res.status).toBe(201);
    const cert = new x509.X509Certificate(res.json.certificate);
    const ca = await caCert();
    expect(await cert.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    expect(await cert.verify({ publicKey: ca.publicKey, date: testClock.now() })).toBe(true);
    expect(cert.subjectName.getField('CN')).toEqual([t.name]);
    expect(cert.subjectName.getField('OU')).toEqual([nac.code]);
    expect(cert.subjectName.getField('O')).toEqual(['NACCS']);
    expect(cert.issuer).toBe(ca.subject);
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)!.usages).toEqual([x509.ExtendedKeyUsage.clientAuth]);
    expect(cert.getExtension(x509.BasicConstraintsExtension)!.ca).toBe(false);
    const days = (cert.notAfter.getTime() - cert.notBefore.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);
    expect(Math.abs(cert.notBefore.getTime() - testClock.now().getTime())).toBeLessThan(120_000);
    // The chain: the client certificate, then the CA.
    const chain = (res.json.chain as string).match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g)!;
    expect(chain).toHaveLength(2);
    expect(new x509.X509Certificate(chain[1]!).subject).toBe(ca.subject);
    expect(res.json.serial).toBe(cert.serialNumber.toLowerCase());
    acquiredSerial = res.json.serial;
    // Debian's openssl agrees: the chain verifies for client authentication, and the text shows what we claim.
    const dir = mkdtempSync(join(tmpdir(), 'naccs-cert-'));
    writeFileSync(join(dir, 'ca.pem'), chain[1]!);
    writeFileSync(join(dir, 'client.pem'), res.json.certificate);
    expect(execFileSync('openssl', ['verify', '-attime', String(Math.floor(testClock.now().getTime() / 1000)), '-purpose', 'sslclient', '-CAfile', join(dir, 'ca.pem'), join(dir, 'client.pem')]).toString()).toMatch(/client\.pem: OK/);
    const text = execFileSync('openssl', ['x509', '-noout', '-text', '-in', join(dir, 'client.pem')]).toString();
    expect(text).toContain(`CN = ${t.name}`);
    expect(text).toContain(`OU = ${nac.code}`);
    expect(text).toContain('TLS Web Client Authentication');
    expect(text).toMatch(/Not After : .*\d{4} GMT/);
    if (process.env.PRINT_CERT) process.stdout.write(`\n${text}\n`);
    rmSync(dir, { recursive: true, force: true });

    const [row] = await sql(`select c.status, c.serial, c.acquired_at, c.auth_codes_used_at, c.not_after from certificate c join terminal t on t.id = c.terminal_id where t.name = ? order by c.created_at desc limit 1`, [t.name]);
    expect(row).toMatchObject({ status: 'ACQUIRED', serial: acquiredSerial });
    expect(row!.acquired_at).not.toBeNull();
    expect(row!.auth_codes_used_at).not.toBeNull();

    const again = await enroll(body(t, await csrFor(t.name)));
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'ALREADY_ACQUIRED', message: expect.stringContaining('取得済み') });
    // ID通知内容 no longer shows consumed codes.
    const after = (await codes(appId)).find((x) => x.name === t.name)!;
    expect(after).toMatchObject({ certificateStatus: 'ACQUIRED', authCode1: t.authCode1, authCode2: MASK, authCode3: MASK, authCodesReadable: false });
    const listed = await certificates({ terminalName: t.name }, portal);
    expect(listed[0]).toMatchObject({ status: 'ACQUIRED', serial: acquiredSerial, renewable: false });
  });

  it('refuses missing fields, a broken CSR, malformed JSON and an unknown terminal without consuming anything', async () => {
    const t = terminals[1]!;
    expect((await enroll({ terminalName: t.name, authCode1: t.authCode1 })).json).toMatchObject({ code: 'BAD_REQUEST' });
    const broken = await enroll(body(t, '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----'));
    expect(broken).toMatchObject({ status: 400, json: { code: 'BAD_CSR', message: expect.stringContaining('CSR') } });
    const bad = await fetch(`${server.url}/certificates/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"terminalName":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const oversized = await fetch(`${server.url}/certificates/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body(t, 'x'), csr: 'x'.repeat(200_000) }) });
    expect(oversized.status).toBe(413);
    const unknown = await enroll(body({ ...t, name: '00000W' }, await csrFor('00000W')));
    expect(unknown).toMatchObject({ status: 404, json: { code: 'TERMINAL_NOT_FOUND', message: expect.stringContaining('論理端末名 00000W が見つかりません') } });
    const [row] = await sql(`select c.failed_attempts, c.status from certificate c join terminal t on t.id = c.terminal_id where t.name = ?`, [t.name]);
    expect(row).toMatchObject({ failed_attempts: 0, status: 'PENDING' });
  });

  it('locks a terminal after 5 wrong attempts; the 6th with the right codes is refused; no answer tells which code was wrong', async () => {
    const t = terminals[1]!;
    const csr = await csrFor(t.name, true);
    const wrong = (s: string) => (s[0] === 'Z' ? `Y${s.slice(1)}` : `Z${s.slice(1)}`);
    const attempts = [
      { authCode1: wrong(t.authCode1) }, { authCode2: wrong(t.authCode2) }, { authCode3: wrong(t.authCode3) },
      { authCode2: wrong(t.authCode2), authCode3: wrong(t.authCode3) }, { authCode1: nac.abbreviation, authCode2: 'x', authCode3: 'y' },
    ];
    const messages: string[] = [];
    for (const [i, over] of attempts.entries()) {
      const res = await enroll(body(t, csr, over));
      expect(res.status).toBe(401);
      expect(res.json.code).toBe('WRONG_AUTH_CODE');
      expect(res.json.message).toContain('認証コードが正しくありません');
      expect(res.json.message).not.toMatch(/認証コード\s*[123１２３]|authCode|1つ目|2つ目|3つ目/);
      messages.push(res.json.message);
      if (i < 4) expect(res.json.message).toContain(`あと${4 - i}回`);
    }
    // Whichever code was wrong, the answer is the same.
    expect(messages[1]!.replace(/あと\d回/, '')).toBe(messages[2]!.replace(/あと\d回/, ''));
    expect(messages[4]).toContain('ロックしました');
    const right = await enroll(body(t, csr));
    expect(right.status).toBe(423);
    expect(right.json).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('ロックされています') });
    const listed = await certificates({ terminalName: t.name });
    expect(listed[0]).toMatchObject({ status: 'PENDING', failedAttempts: 5, locked: true });
    const audits = await sql(`select count(*)::int as n from audit_log where action = 'CERTIFICATE_AUTH_FAILED' and target = ?`, [t.name]);
    expect(audits[0]!.n).toBe(5);
  });
});

describe('reissue and revocation', () => {
  it('reissue (supervisor): new codes; the old certificate is revoked — and in the CRL — only once the new one is acquired', async () => {
    const t = terminals[0]!;
    expect((await crl()).findRevoked(acquiredSerial)).toBeNull();
    const denied = await server.gql('mutation($n: String!) { reissueCertificate(terminalName: $n, reason: "PC入替") { id } }', { n: t.name }, reviewer);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = await server.gql('mutation($n: String!) { reissueCertificate(terminalName: $n, reason: " ") { id } }', { n: t.name }, supervisor);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const reissued = await server.gql('mutation($n: String!) { reissueCertificate(terminalName: $n, reason: "PC入替のため") { status terminalName reason acquireBy } }', { n: t.name }, supervisor);
    expect(reissued.errors).toBeUndefined();
    expect(reissued.data!.reissueCertificate).toMatchObject({ status: 'PENDING', terminalName: t.name, reason: 'PC入替のため' });

    const fresh = (await codes(appId)).find((x) => x.name === t.name)!;
    expect(fresh).toMatchObject({ certificateStatus: 'PENDING', authCode1: t.authCode1, authCodesReadable: true });
    expect(fresh.authCode2).toMatch(/^[A-Z0-9]{6}$/);
    expect(`${fresh.authCode2}${fresh.authCode3}`).not.toBe(`${t.authCode2}${t.authCode3}`);
    // The old codes are gone; the old certificate is still valid until the new one is acquired.
    expect((await enroll(body(t, await csrFor(t.name)))).status).toBe(401);
    expect((await certificates({ terminalName: t.name })).find((c) => c.serial === acquiredSerial).status).toBe('ACQUIRED');
    expect((await crl()).findRevoked(acquiredSerial)).toBeNull();

    const acquired = await enroll(body(fresh, await csrFor(t.name)));
    expect(acquired.status).toBe(201);
    const entry = (await crl()).findRevoked(acquiredSerial);
    expect(entry).not.toBeNull();
    expect(entry!.reason).toBe(CrlReason.superseded);
    const history = await certificates({ terminalName: t.name });
    expect(history.map((c) => c.status).sort()).toEqual(['ACQUIRED', 'REVOKED']);

    const notices = await server.gql('query($o: String!) { notices(officeCode: $o, limit: 50) { category message } }', { o: nac.code }, support);
    expect(notices.data!.notices).toContainEqual({ category: 'CERTIFICATE_REISSUE', message: 'デジタル証明書を再発行しました。NACCS掲示板よりデジタル証明書を取得の上、適用作業を実施願います。' });
    const mails = await sql(`select recipients, text from outbound_email where template_key = 'certificate-issued' and text like '%再発行が完了しました%'`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipients).toEqual(['hozei.hanako@naccs.co.jp']);
    expect(mails[0]!.text).toContain('PC入替のため');

    // revokeCertificate puts the new serial in the CRL too.
    const revoked = await server.gql('mutation($s: String!) { revokeCertificate(serial: $s, reason: "鍵の漏えい") { status revokedAt } }', { s: acquired.json.serial }, supervisor);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeCertificate.status).toBe('REVOKED');
    expect((await crl()).findRevoked(acquired.json.serial)).not.toBeNull();
    const twice = await server.gql('mutation($s: String!) { revokeCertificate(serial: $s, reason: "x") { status } }', { s: acquired.json.serial }, supervisor);
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const pem = await fetch(`${server.url}/certificates/crl?format=pem`);
    const pemText = await pem.text();
    expect(pemText).toMatch(/^-----BEGIN X509 CRL-----/);
    expect(new x509.X509Crl(pemText.replace(/X509 CRL/g, 'CRL')).findRevoked(acquired.json.serial)).not.toBeNull();
  });

  it('a reissue lifts the lockout: the locked terminal gets new codes that work (an RSA 2048 request this time)', async () => {
    const t = terminals[1]!;
    const reissued = await server.gql('mutation($n: String!) { reissueCertificate(terminalName: $n, reason: "認証コード誤りによるロック解除") { status failedAttempts locked } }', { n: t.name }, supervisor);
    expect(reissued.data!.reissueCertificate).toEqual({ status: 'PENDING', failedAttempts: 0, locked: false });
    const fresh = (await codes(appId)).find((x) => x.name === t.name)!;
    const res = await enroll(body(fresh, await csrFor(t.name, true)));
    expect(res.status).toBe(201);
    const cert = new x509.X509Certificate(res.json.certificate);
    expect(cert.publicKey.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
    expect(await cert.verify({ publicKey: (await caCert()).publicKey, date: testClock.now() })).toBe(true);
    expect(cert.getExtension(x509.KeyUsagesExtension)!.usages & x509.KeyUsageFlags.keyEncipherment).toBeTruthy();
  });
});

describe('certificates list', () => {
  it('filters by office, status and expiry window; renewable opens 28 days before expiry; auth codes are not fields', async () => {
    const t = terminals[1]!;
    // t was acquired today (a year to go); the office's own terminal a year ago less 10 days.
    const within = await certificates({ officeCode: nac.code, expiringWithinDays: 400 });
    expect(within.map((c) => c.terminalName)).toEqual(expect.arrayContaining([t.name, expiring.name]));
    expect(within.find((c) => c.terminalName === t.name)).toMatchObject({ renewable: false });
    expect(await certificates({ officeCode: nac.code, expiringWithinDays: 9 })).toEqual([]);
    const soon = await certificates({ expiringWithinDays: 30 }, portal);
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({ terminalName: expiring.name, renewable: true });
    const type = await server.gql('{ __type(name: "Certificate") { fields { name } } }', {}, support);
    const fields = type.data!.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toContain('renewable');
    expect(fields.filter((f: string) => /auth/i.test(f))).toEqual([]);
    const unauthenticated = await server.gql('{ certificates { totalCount } }');
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('ID通知内容: auth codes under the password rules', () => {
  it('support is masked (認証コード1 shown), no reveal is masked, and after the reference period it is masked', async () => {
    const id = await approveNetAddition(1);
    const bySupport = (await codes(id, support))[0]!;
    expect(bySupport).toMatchObject({ certificateStatus: 'PENDING', authCode2: MASK, authCode3: MASK, authCodesReadable: false });
    expect(bySupport.authCode1).toMatch(new RegExp(`^${nac.abbreviation}\\d{3}W$`));
    const unrevealed = (await codes(id, reviewer, false))[0]!;
    expect(unrevealed).toMatchObject({ authCode2: MASK, authCode3: MASK, authCodesReadable: true });
    const revealed = (await codes(id, reviewer, true))[0]!;
    expect(revealed.authCode2).toMatch(/^[A-Z0-9]{6}$/);
    const reads = await sql(`select message from application_history where application_id = ? and action = 'PASSWORD_READ'`, [id]);
    expect(reads.map((r) => r.message).join()).toContain(`認証コード ${revealed.name}`);

    const at = (iso: string) => fixedClock(`${iso}T12:00:00+09:00`);
    const read = (iso: string) => new IdNoticeService(server.orm.em.fork(), box, at(iso)).read(id, [Role.REVIEWER], { name: 'テスト', role: 'REVIEWER' }, true);
    const lastDay = (await read(addBusinessDays(START, 2))).certificates;
    expect([...lastDay.values()][0]!.authCode2.value).toBe(revealed.authCode2);
    const late = (await read(addBusinessDays(START, 3))).certificates;
    expect([...late.values()][0]!.authCode2).toEqual({ value: MASK, readable: false });
  });
});
