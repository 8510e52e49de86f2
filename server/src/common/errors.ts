import { GraphQLError } from 'graphql';

/** One broken field: the input path and a Japanese message naming the field and the rule. */
export interface FieldError {
  path: string;
  message: string;
}

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database is unreachable or a statement ran past its timeout: try again later (HTTP 503). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error meant for the caller: its message is shown as is, with `extensions.code` per SPEC.md. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const badInput = (fieldErrors: FieldError[]): DomainError =>
  new DomainError(
    ErrorCode.BAD_USER_INPUT,
    `入力内容に誤りがあります (${fieldErrors.length}件): ${fieldErrors.map((e) => e.message).join(' / ')}`,
    { fieldErrors },
  );

export const notFound = (what: string): DomainError => new DomainError(ErrorCode.NOT_FOUND, `${what}は見つかりません。`);
export const unauthenticated = (message = 'サインインが必要です。'): DomainError =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'この操作を行う権限がありません。'): DomainError =>
  new DomainError(ErrorCode.FORBIDDEN, message);

/** What a caller is told of an internal error (the log has the rest, under the request id). */
export const INTERNAL_MESSAGE = '内部エラーが発生しました。時間をおいて再度お試しください。';
export const UNAVAILABLE_MESSAGE = '一時的に利用できません。時間をおいて再度お試しください。';
export const TIMEOUT_MESSAGE = '処理が時間内に終わらなかったため中止しました。条件を絞り込むか、時間をおいて再度お試しください。';

/** Driver codes of a database that cannot be reached or is going away (connection classes 08, 57P, too many clients). */
const DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '53300', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const DOWN_TEXT = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/**
 * Whether an error means the database is out of reach ('down') or a statement was cancelled by its timeout
 * ('timeout'), looking through the ORM's and the driver's wrappers (cause, AggregateError).
 */
export function databaseTrouble(error: unknown, depth = 0): 'down' | 'timeout' | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (e.code === '57014') return 'timeout';
  if (typeof e.code === 'string' && DOWN.has(e.code)) return 'down';
  if (typeof e.message === 'string' && DOWN_TEXT.test(e.message)) return 'down';
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const found = databaseTrouble(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The caller's error for database trouble: Japanese, a code, HTTP 503, no driver text. */
export const serviceUnavailable = (trouble: 'down' | 'timeout', extensions: Record<string, unknown> = {}): DomainError =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, trouble === 'timeout' ? TIMEOUT_MESSAGE : UNAVAILABLE_MESSAGE, { ...extensions, http: { status: 503 } });
