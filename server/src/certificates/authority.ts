// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect polyfill loaded first.
import 'reflect-metadata';
import { createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import type { Config } from '../config.js';
import type { Clock } from '../common/clock.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** The algorithm of a generated CA: ECDSA P-256 with SHA-256 (small keys, fast signing, every TLS stack has it). */
const CA_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const CA_SUBJECT = (): x509.Name => new x509.Name([{ C: ['JP'] }, { O: ['NACCS'] }, { CN: ['NACCS Back Office Certificate Authority'] }]);
const CA_YEARS = 10;
/** A client certificate is valid for one year from its acquisition (SPEC.md). */
export const CERTIFICATE_VALIDITY_YEARS = 1;
/** How long a CRL is current; clients fetch a new one after nextUpdate. */
const CRL_HOURS = 24;

const CERT_FILE = 'ca.crt.pem';
const KEY_FILE = 'ca.key.pem';

/** RFC 5280 CRLReason codes this module records. */
export const CrlReason = { superseded: x509.X509CrlReason.superseded, cessationOfOperation: x509.X509CrlReason.cessationOfOperation } as const;

export type SigningAlgorithm = Algorithm | EcdsaParams | RsaHashedImportParams;

export interface ClientSubject {
  terminalName: string;
  officeCode: string;
}

export interface RevokedEntry {
  serial: string;
  revokedAt: Date;
  /** RFC 5280 CRLReason code, when there is one. */
  reason?: number;
}

/** Why a CSR is refused (a Japanese message for the terminal's operator), or undefined when acceptable. */
export async function csrProblem(csr: x509.Pkcs10CertificateRequest): Promise<string | undefined> {
  const alg = csr.publicKey.algorithm as Algorithm & { namedCurve?: string; modulusLength?: number };
  const ec = alg.name === 'ECDSA' && ['P-256', 'P-384'].includes(alg.namedCurve ?? '');
  const rsa = alg.name === 'RSASSA-PKCS1-v1_5' && (alg.modulusLength ?? 0) >= 2048;
  if (!ec && !rsa) return '証明書署名要求 (CSR) の鍵は RSA 2048ビット以上、または ECDSA P-256/P-384 としてください。';
  if (!(await csr.verify().catch(() => false))) return '証明書署名要求 (CSR) の署名を検証できません。鍵ペアを作り直して再度お試しください。';
  return undefined;
}

/** Reads a PKCS#10 request from PEM (or base64 DER); undefined when it is not one. */
export function parseCsr(text: string): x509.Pkcs10CertificateRequest | undefined {
  try {
    return new x509.Pkcs10CertificateRequest(text.trim());
  } catch {
    return undefined;
  }
}

/** A random positive 128-bit serial number, lower-case hex (RFC 5280: at most 20 octets, non-negative). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}

/**
 * The certificate authority held by the server: signs the terminals' client certificates and the CRL. Loaded from
 * CA_CERT_PATH / CA_KEY_PATH in production; generated once into `<dataDir>/ca/` in the embedded default.
 */
export class CertificateAuthority {
  constructor(
    readonly certificate: x509.X509Certificate,
    private readonly key: CryptoKey,
    readonly signingAlgorithm: SigningAlgorithm,
  ) {}

  get pem(): string {
    return this.certificate.toString('pem');
  }

  /** Signs a client certificate for a terminal: CN = 論理端末名, OU = 事業所コード, O = NACCS; EKU clientAuth. */
  async issue(csr: x509.Pkcs10CertificateRequest, subject: ClientSubject, serial: string, notBefore: Date): Promise<x509.X509Certificate> {
    const notAfter = new Date(notBefore);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CERTIFICATE_VALIDITY_YEARS);
    const rsa = csr.publicKey.algorithm.name.startsWith('RSA');
    const usages = x509.KeyUsageFlags.digitalSignature | (rsa ? x509.KeyUsageFlags.keyEncipherment : 0);
    return x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject: new x509.Name([
        { C: ['JP'] }, { O: ['NACCS'] }, { OU: [subject.officeCode] }, { CN: [subject.terminalName] },
      ]),
      issuer: this.certificate.subjectName,
      notBefore,
      notAfter,
      publicKey: csr.publicKey,
      signingKey: this.key,
      signingAlgorithm: this.signingAlgorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(usages, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
        await x509.SubjectKeyIdentifierExtension.create(csr.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(this.certificate.publicKey),
      ],
    });
  }

  /** PEM of a CRL with the usual `X509 CRL` label (OpenSSL's), not the library's `CRL`. */
  static crlPem(crl: x509.X509Crl): string {
    return x509.PemConverter.encode(crl.rawData, 'X509 CRL');
  }

  /** A CRL of the given revocations, signed now and current for a day. */
  async crl(entries: RevokedEntry[], now: Date): Promise<x509.X509Crl> {
    return x509.X509CrlGenerator.create({
      issuer: this.certificate.subjectName,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + CRL_HOURS * 3600_000),
      signingKey: this.key,
      signingAlgorithm: this.signingAlgorithm,
      extensions: [await x509.AuthorityKeyIdentifierExtension.create(this.certificate.publicKey)],
      entries: entries.map((e) => ({ serialNumber: e.serial, revocationDate: e.revokedAt, reason: e.reason })),
    });
  }
}

/** Import and signing parameters for the CA's key, from its certificate's public key algorithm. */
function algorithmsOf(cert: x509.X509Certificate): { importAlg: EcKeyImportParams | RsaHashedImportParams; sign: SigningAlgorithm } {
  const alg = cert.publicKey.algorithm as Algorithm & { namedCurve?: string };
  if (alg.name === 'ECDSA' && alg.namedCurve) {
    const hash = alg.namedCurve === 'P-384' ? 'SHA-384' : alg.namedCurve === 'P-521' ? 'SHA-512' : 'SHA-256';
    return { importAlg: { name: 'ECDSA', namedCurve: alg.namedCurve }, sign: { name: 'ECDSA', hash } };
  }
  if (alg.name === 'RSASSA-PKCS1-v1_5') {
    const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return { importAlg: rsa, sign: rsa };
  }
  throw new Error(`unsupported CA key algorithm ${alg.name} (use ECDSA or RSA)`);
}

/** Builds the authority from PEM texts, checking that the key belongs to the certificate. */
export async function authorityFromPem(certPem: string, keyPem: string): Promise<CertificateAuthority> {
  const certificate = new x509.X509Certificate(certPem);
  const { importAlg, sign } = algorithmsOf(certificate);
  // Any PEM private key (PKCS#8, SEC1 "EC PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY") → PKCS#8 for WebCrypto.
  const pkcs8 = createPrivateKey(keyPem).export({ format: 'der', type: 'pkcs8' });
  const key = await webcrypto.subtle.importKey('pkcs8', pkcs8, importAlg, false, ['sign']);
  const probe = randomBytes(32);
  const signature = await webcrypto.subtle.sign(sign, key, probe);
  const publicKey = await certificate.publicKey.export(importAlg, ['verify']);
  if (!(await webcrypto.subtle.verify(sign, publicKey, signature, probe))) {
    throw new Error('the CA key does not belong to the CA certificate');
  }
  return new CertificateAuthority(certificate, key as CryptoKey, sign);
}

/** A new self-signed CA (ECDSA P-256), as PEM texts. */
export async function generateAuthorityPem(now: Date): Promise<{ certPem: string; keyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(CA_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_YEARS);
  // Valid from ten years back: certificates the demo (and a test on an earlier NOW) issues as of past instants chain
  // to it; a production CA comes from CA_CERT_PATH with its own dates.
  const notBefore = new Date(now);
  notBefore.setUTCFullYear(notBefore.getUTCFullYear() - 10);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: CA_SUBJECT(),
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: cert.toString('pem'), keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}

/**
 * The embedded default: `<dataDir>/ca/{ca.crt.pem,ca.key.pem}`, generated on first start. Several processes starting
 * at once each write into a folder of their own and rename it into place; the first rename wins and the others load
 * the winner's files, so there is only ever one CA.
 */
async function dataDirAuthority(dataDir: string, clock: Clock): Promise<CertificateAuthority> {
  const dir = join(dataDir, 'ca');
  const read = () => authorityFromPem(readFileSync(join(dir, CERT_FILE), 'utf8'), readFileSync(join(dir, KEY_FILE), 'utf8'));
  if (existsSync(join(dir, KEY_FILE))) return read();
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const tmp = join(dataDir, `.ca-${randomBytes(6).toString('hex')}`);
  mkdirSync(tmp, { mode: 0o700 });
  try {
    const { certPem, keyPem } = await generateAuthorityPem(clock.now());
    writeFileSync(join(tmp, KEY_FILE), keyPem, { mode: 0o600 });
    writeFileSync(join(tmp, CERT_FILE), certPem, { mode: 0o644 });
    try {
      renameSync(tmp, dir);
    } catch (err) {
      if (!['ENOTEMPTY', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return read();
}

const authorities = new Map<string, Promise<CertificateAuthority>>();

/** The server's CA (loaded once per process): CA_CERT_PATH + CA_KEY_PATH when configured, else the data folder's. */
export function certificateAuthority(config: Pick<Config, 'dataDir' | 'caCertPath' | 'caKeyPath' | 'clock'>): Promise<CertificateAuthority> {
  const { caCertPath, caKeyPath, dataDir, clock } = config;
  if (!caCertPath !== !caKeyPath) return Promise.reject(new Error('set both CA_CERT_PATH and CA_KEY_PATH, or neither'));
  const cacheKey = caCertPath ? `files:${caCertPath}:${caKeyPath}` : `dir:${dataDir}`;
  let ca = authorities.get(cacheKey);
  if (!ca) {
    ca = caCertPath && caKeyPath
      ? authorityFromPem(readFileSync(caCertPath, 'utf8'), readFileSync(caKeyPath, 'utf8'))
      : dataDirAuthority(dataDir, clock);
    // A failure is not cached: the next call tries again (e.g. after the files were put in place).
    ca.catch(() => authorities.delete(cacheKey));
    authorities.set(cacheKey, ca);
  }
  return ca;
}
