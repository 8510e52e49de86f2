// デジタル証明書 as a terminal picks it up, through the product's own service (CertificateService.enroll) on a clock
// the test chooses: a certificate acquired a year ago is one that expires soon.
// @peculiar/x509 needs the Reflect polyfill before it loads.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import { SecretBox } from '../common/secrets.js';
import { certificateAuthority } from '../certificates/authority.js';
import { CertificateService } from '../certificates/CertificateService.js';
import { TEST_DATA_DIR, TEST_SECRET_KEY } from './constants.js';
import type { IssuedTerminal } from './offices.js';

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

/** A terminal's key pair and PKCS#10 request, made the way a terminal would (ECDSA P-256, or RSA 2048). */
export async function csrFor(name: string, rsa = false): Promise<string> {
  const alg = rsa ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } : EC;
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  return (await x509.Pkcs10CertificateRequestGenerator.create({ name: `CN=${name}`, keys, signingAlgorithm: alg })).toString('pem');
}

/**
 * The terminal acquires its certificate at `at` with the 認証コード of its ID通知内容 (read with them: ApprovalSpec
 * authCodes), signed by the test servers' CA. Returns the certificate's serial.
 */
export async function pickUp(target: { orm: MikroORM }, terminal: IssuedTerminal, at: Clock): Promise<string> {
  if (!terminal.authCodes) throw new Error(`no 認証コード for ${terminal.name}: read its ID通知内容 with authCodes`);
  const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
  const ca = await certificateAuthority({ dataDir: TEST_DATA_DIR, caCertPath: undefined, caKeyPath: undefined, clock: at });
  const result = await new CertificateService(target.orm.em.fork(), box, at)
    .enroll({ terminalName: terminal.name, ...terminal.authCodes, csr: await csrFor(terminal.name) }, ca);
  if (!result.ok) throw new Error(`pick-up of ${terminal.name} refused: ${result.code} ${result.message}`);
  return result.certificate.serial!;
}
