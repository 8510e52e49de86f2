import express, { type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { badInput, notFound, unauthenticated } from '../common/errors.js';
import { sendError } from '../common/httpErrors.js';
import { currentRequest } from '../common/requestId.js';
import { requestContext } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import type { Services } from '../graphql/services.js';
import { principalLabel } from '../ops/requestLog.js';
import { authenticate } from '../staff/authentication.js';
import type { Documents } from './documents.js';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds.js';

const RECEIPT_NO = /^[0-9]{6}[A-Z]$/;

/** RFC 6266 / 5987: an ASCII name for old clients and the Japanese one, percent-encoded UTF-8. */
const disposition = (asciiName: string, fileName: string) =>
  `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * The documents over HTTP, for the console and integrators (the NSS portal fetches them for its customers):
 * GET /documents/applications/{receiptNo}/{form|approval|id-notice}.pdf with the caller's token (Authorization: Bearer,
 * a staff session or an API key, as for /graphql). Refusals are JSON `{ code, message }` with the project's codes and
 * their HTTP status; never a stack trace.
 */
export function documentRoutes(orm: MikroORM, services: Services): express.Router {
  const router = express.Router();
  let documents: Promise<Documents> | undefined;

  router.get('/applications/:receiptNo/:file', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const kind = /^(.+)\.pdf$/.exec(String(req.params.file))?.[1] as DocumentKind | undefined;
      if (!kind || !DOCUMENT_KINDS.includes(kind)) throw notFound('指定された帳票 (form・approval・id-notice のいずれか)');
      const em = orm.em.fork();
      const principal = await authenticate(em, services, req.headers.authorization, req.ip);
      const info = currentRequest();
      if (info) info.principal = principalLabel(principal);
      if (!principal.roles.length) throw unauthenticated();
      const receiptNo = String(req.params.receiptNo).normalize('NFKC').trim().toUpperCase();
      if (!RECEIPT_NO.test(receiptNo)) {
        throw badInput([{ path: 'receiptNo', message: '申込受付番号は数字6桁と英大文字1文字 (例: 180055A) で指定してください。' }]);
      }
      documents ??= Promise.all([schema(), import('./documents.js')]).then(([s, m]) => new m.Documents(s));
      const doc = await (await documents).build(kind, requestContext(em, principal, services, req.ip), receiptNo);
      res.status(200)
        .setHeader('Content-Type', 'application/pdf')
        .setHeader('Content-Disposition', disposition(doc.asciiName, doc.fileName))
        .setHeader('Content-Length', String(doc.pdf.length))
        .end(doc.pdf);
    } catch (err) {
      sendError(res, err, 'document');
    }
  });
  return router;
}
