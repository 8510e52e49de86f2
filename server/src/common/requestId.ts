// The request id: taken from X-Request-Id when a proxy set a sane one, else made here; echoed in the response header
// and carried through the request's async work, so an internal error's log line and the caller's error both name it.
// The same record gathers what the request log says of the request (its GraphQL operation, who called).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What is known of the request being served: its id, then its operation and principal as they are learned. */
export interface RequestInfo {
  id: string;
  /** The GraphQL operation's name (or `anonymous`) once the document is resolved. */
  operation?: string;
  /** `staff:<id>` or `apiKey:<name>`; never a token. */
  principal?: string;
}

const store = new AsyncLocalStorage<RequestInfo>();
const SANE = /^[A-Za-z0-9._-]{1,64}$/;

/** The id of the request being served (undefined outside a request). */
export const currentRequestId = (): string | undefined => store.getStore()?.id;

/** The record of the request being served (undefined outside a request). */
export const currentRequest = (): RequestInfo | undefined => store.getStore();

/** The request's fields for a log line: requestId, operation, principal (those known). */
export function requestLogFields(info: RequestInfo | undefined = store.getStore()): Record<string, string> {
  if (!info) return {};
  return { requestId: info.id, ...(info.operation ? { operation: info.operation } : {}), ...(info.principal ? { principal: info.principal } : {}) };
}

export function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  const info: RequestInfo = { id };
  // Also on the response: the request log is written when the response finishes, outside this async context.
  if (res.locals) res.locals.request = info;
  store.run(info, next);
}
