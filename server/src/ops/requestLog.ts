// One log line per request (pino-http): its id (common/requestId.ts: X-Request-Id honoured and returned), method, path,
// status and time, the GraphQL operation and the principal. No headers and no query string are logged: they carry
// tokens and keys. Probes (/healthz, /readyz, /metrics) are not logged (a load balancer asks every few seconds).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { logger } from '../common/logger.js';
import { requestLogFields, type RequestInfo } from '../common/requestId.js';
import type { Principal } from '../staff/authentication.js';

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0]!;
// Express rewrites req.url inside a mounted router (/graphql → /); originalUrl is what the caller asked for.
const pathOfRequest = (req: IncomingMessage) => pathOf((req as Request).originalUrl ?? req.url);
const infoOf = (res: ServerResponse) => (res as Response).locals?.request as RequestInfo | undefined;

/** Who called, for logs: the staff member's id or the API key's name; never a token. */
export function principalLabel(principal: Principal): string | undefined {
  if (principal.staffId) return `staff:${principal.staffId}`;
  if (principal.apiKey) return `apiKey:${principal.apiKey.name}`;
  return undefined;
}

export const requestLog = pinoHttp({
  logger,
  // The id requestId() chose (it runs first); pino-http would otherwise count from 1.
  genReqId: (_req: IncomingMessage, res: ServerResponse) => infoOf(res)?.id ?? '-',
  autoLogging: { ignore: (req: IncomingMessage) => PROBES.has(pathOfRequest(req)) },
  customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  // Read again when the response ends: by then the operation and the principal are known.
  customProps: (_req, res) => requestLogFields(infoOf(res)),
  customSuccessMessage: (req, res) => `${req.method} ${pathOfRequest(req)} ${res.statusCode}`,
  customErrorMessage: (req, res) => `${req.method} ${pathOfRequest(req)} ${res.statusCode}`,
  serializers: {
    req: (req: { method?: string; url?: string; raw?: Request }) => ({ method: req.method, path: req.raw ? pathOfRequest(req.raw) : pathOf(req.url), ip: req.raw?.ip }),
    res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  },
});
