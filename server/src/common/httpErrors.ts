// The JSON error answer of the product's plain HTTP routes (documents, CSV exports): the same codes and Japanese
// messages as GraphQL's (formatError), with the HTTP status each code means. No stack trace, SQL or driver text.
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode, INTERNAL_MESSAGE, TIMEOUT_MESSAGE, UNAVAILABLE_MESSAGE, databaseTrouble } from './errors.js';
import { logger } from './logger.js';
import { currentRequestId, requestLogFields } from './requestId.js';

/** HTTP status of each code of SPEC.md a caller can get. */
const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400, [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409, [ErrorCode.INVALID_TRANSITION]: 409, [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * Answers `err` as `{ code, message, ...extensions }`: an error meant for the caller (DomainError) with its code's
 * status; the database out of reach or a statement timeout 503; anything else logged (`what` names the route) and
 * answered 500 with the request id the log line carries.
 */
export function sendError(res: Response, err: unknown, what: string): void {
  const code = err instanceof GraphQLError ? (err.extensions?.code as string | undefined) : undefined;
  if (code && STATUS[code]) {
    const { code: _code, http: _http, ...extensions } = (err as GraphQLError).extensions as Record<string, unknown>;
    if (code === ErrorCode.UNAUTHENTICATED) res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(STATUS[code]!).json({ code, message: (err as GraphQLError).message, ...extensions });
    return;
  }
  const requestId = currentRequestId();
  const trouble = databaseTrouble(err);
  if (trouble) {
    logger.warn({ err, ...requestLogFields() }, `${what}: database unavailable`);
    res.status(503).json({ code: ErrorCode.SERVICE_UNAVAILABLE, message: trouble === 'timeout' ? TIMEOUT_MESSAGE : UNAVAILABLE_MESSAGE, requestId });
    return;
  }
  logger.error({ err, ...requestLogFields() }, `${what} failed`);
  res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_MESSAGE, requestId });
}
