// The request id: taken from X-Request-Id when a proxy set a sane one, else made here; echoed in the response header
// and carried through the request's async work, so an internal error's log line and the caller's error both name it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const store = new AsyncLocalStorage<string>();
const SANE = /^[A-Za-z0-9._-]{1,64}$/;

/** The id of the request being served (undefined outside a request). */
export const currentRequestId = (): string | undefined => store.getStore();

export function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  store.run(id, next);
}
