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
