import 'reflect-metadata';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authorityFromPem, certificateAuthority, generateAuthorityPem } from './authority.js';

const dir = mkdtempSync(join(tmpdir(), 'naccs-ca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fixed instant as input (the CA's notBefore); nothing here depends on today's date.
const AT = new Date('2027-01-07T01:00:00Z');
/** The configuration the authority reads, with a clock fixed at AT. */
const config = (c: { dataDir: string; caCertPath?: string; caKeyPath?: string }) => ({ ...c, clock: { now: () => new Date(AT) } });

describe('the certificate authority', () => {
  it('is generated once into <dataDir>/ca on first start (key 0600) and loaded from there afterwards', async () => {
    const dataDir = join(dir, 'data');
    const ca = await certificateAuthority(config({ dataDir }));
    expect(ca.certificate.subject).toContain('NACCS Back Office Certificate Authority');
    expect(statSync(join(dataDir, 'ca', 'ca.key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'ca', 'ca.crt.pem'), 'utf8')).toBe(ca.pem);
    const reloaded = await authorityFromPem(readFileSync(join(dataDir, 'ca', 'ca.crt.pem'), 'utf8'), readFileSync(join(dataDir, 'ca', 'ca.key.pem'), 'utf8'));
    expect(reloaded.certificate.serialNumber).toBe(ca.certificate.serialNumber);
  });

  it('loads CA_CERT_PATH / CA_KEY_PATH (PKCS#8 or SEC1 keys) and refuses a key of another CA or half a configuration', async () => {
    const a = await generateAuthorityPem(AT);
    const b = await generateAuthorityPem(AT);
    const cert = new X509Certificate(a.certPem);
    // Valid from ten years before its making (certificates issued as of past instants chain to it).
    expect(new Date(cert.validFrom).toISOString()).toBe('2017-01-07T01:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2037-01-07T01:00:00.000Z');
    expect(cert.ca).toBe(true);
    const sec1 = createPrivateKey(a.keyPem).export({ format: 'pem', type: 'sec1' }).toString();
    writeFileSync(join(dir, 'a.crt'), a.certPem);
    writeFileSync(join(dir, 'a.key'), sec1);
    writeFileSync(join(dir, 'b.key'), b.keyPem);
    const ca = await certificateAuthority(config({ dataDir: join(dir, 'unused'), caCertPath: join(dir, 'a.crt'), caKeyPath: join(dir, 'a.key') }));
    expect(ca.pem.trim()).toBe(a.certPem.trim());
    await expect(certificateAuthority(config({ dataDir: dir, caCertPath: join(dir, 'a.crt'), caKeyPath: join(dir, 'b.key') }))).rejects.toThrow(/does not belong/);
    await expect(certificateAuthority(config({ dataDir: dir, caCertPath: join(dir, 'a.crt') }))).rejects.toThrow(/CA_KEY_PATH/);
  });
});
