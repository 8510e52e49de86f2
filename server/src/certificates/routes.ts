import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { logger } from '../common/logger.js';
import type { SecretBox } from '../common/secrets.js';
import type { Clock } from '../common/clock.js';
import { CertificateAuthority, certificateAuthority } from './authority.js';
import { CertificateService } from './CertificateService.js';

const UNAVAILABLE = '認証局を利用できないため、デジタル証明書を発行できません。時間をおいて再度お試しください。';

/**
 * The terminals' HTTP endpoints, outside GraphQL (a terminal has no staff token; it proves itself with its 認証コード):
 * - POST /certificates/enroll  { terminalName, authCode1, authCode2, authCode3, csr } → 201 { certificate, chain, … }
 * - GET  /certificates/crl     the CRL, DER (application/pkix-crl); `?format=pem` for PEM
 * - GET  /certificates/ca      the CA certificate (PEM)
 * Refusals are `{ code, message }` with a Japanese message naming the step that failed. Mounted after express.json();
 * the error handler returned last also answers malformed JSON.
 */
export function certificateRoutes(orm: MikroORM, secrets: SecretBox, config: Config, clock: Clock): [express.Router, ErrorRequestHandler] {
  const router = express.Router();
  const authority = (): Promise<CertificateAuthority> => certificateAuthority(config);
  // Loaded (or generated, on the first start of the embedded default) at once, not on the first enrollment.
  authority().catch((err: unknown) => logger.error({ err }, 'certificate authority unavailable'));
  const unavailable = (res: Response, err: unknown) => {
    logger.error({ err }, 'certificate endpoint failed');
    res.status(503).json({ code: 'UNAVAILABLE', message: UNAVAILABLE });
  };

  router.post('/enroll', async (req: Request, res: Response) => {
    try {
      const ca = await authority();
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const result = await new CertificateService(orm.em.fork(), secrets, clock).enroll(body, ca, req.ip);
      if (!result.ok) {
        res.status(result.status).json({ code: result.code, message: result.message });
        return;
      }
      const c = result.certificate;
      res.status(201).json({
        terminalName: c.terminal.name, serial: c.serial, notBefore: c.notBefore, notAfter: c.notAfter,
        certificate: result.pem, chain: result.chain, caCertificate: result.caCertificate,
      });
    } catch (err) {
      unavailable(res, err);
    }
  });

  router.get('/crl', async (req: Request, res: Response) => {
    try {
      const ca = await authority();
      const crl = await ca.crl(await new CertificateService(orm.em.fork(), secrets, clock).revokedEntries(), clock.now());
      res.setHeader('cache-control', 'no-cache');
      if (req.query.format === 'pem') res.type('application/x-pem-file').send(CertificateAuthority.crlPem(crl));
      else res.type('application/pkix-crl').send(Buffer.from(crl.rawData));
    } catch (err) {
      unavailable(res, err);
    }
  });

  router.get('/ca', async (_req: Request, res: Response) => {
    try {
      res.type('application/x-pem-file').send((await authority()).pem);
    } catch (err) {
      unavailable(res, err);
    }
  });

  const errors: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err?.type === 'entity.parse.failed' || err?.status === 400) {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'リクエストの JSON を読み取れません。' });
    } else if (err?.status === 413) {
      res.status(413).json({ code: 'TOO_LARGE', message: 'リクエストが大きすぎます。' });
    } else {
      unavailable(res, err);
    }
  };
  return [router, errors];
}
