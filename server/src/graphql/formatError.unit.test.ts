import { ApolloServer, type BaseContext } from '@apollo/server';
import fc from 'fast-check';
import { GraphQLError, locatedError, parse, type GraphQLFormattedError } from 'graphql';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError, ErrorCode, badInput, forbidden, notFound } from '../common/errors.js';
import { logger } from '../common/logger.js';
import { formatError } from './formatError.js';

const GENERIC = '内部エラーが発生しました。時間をおいて再度お試しください。';
const SQL = 'insert into "staff" ("email", "password_hash") values ($1, $2) - duplicate key value violates unique constraint "staff_email_unique"';

/**
 * What Apollo hands formatError for something thrown in a resolver: graphql-js wraps it with locatedError (a non-Error
 * becomes an Error first), Apollo formats it with a code and, when enabled, the stack trace.
 */
const thrownInResolver = (thrown: unknown, path: ReadonlyArray<string | number> = ['approve']) => {
  const located = locatedError(thrown, undefined, path);
  const formatted: GraphQLFormattedError = {
    ...located.toJSON(),
    extensions: {
      ...located.extensions,
      code: located.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR,
      stacktrace: (located.originalError?.stack ?? '').split('\n'),
    },
  };
  return [formatted, located] as const;
};

afterEach(() => vi.restoreAllMocks());

describe('formatError: errors meant for the caller', () => {
  it('keeps the message, code, path and the field errors of BAD_USER_INPUT, and drops the stack trace', () => {
    const error = badInput([
      { path: 'office.phone', message: '電話番号の形式が正しくありません。' },
      { path: 'billing.emails.1', message: 'メールアドレスの形式が正しくありません。' },
    ]);
    const out = formatError(...thrownInResolver(error, ['submitNewApplication']));
    expect(out.message).toBe(error.message);
    expect(out.path).toEqual(['submitNewApplication']);
    expect(out.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: 'office.phone', message: '電話番号の形式が正しくありません。' },
        { path: 'billing.emails.1', message: 'メールアドレスの形式が正しくありません。' },
      ],
    });
    expect(JSON.stringify(out)).not.toContain('stacktrace');
  });

  it.each([
    ['NOT_FOUND', notFound('申込')],
    ['FORBIDDEN', forbidden()],
    ['INVALID_TRANSITION', new DomainError(ErrorCode.INVALID_TRANSITION, 'この申込は既に審査終了です。')],
    ['CONFLICT', new DomainError(ErrorCode.CONFLICT, '他の職員が更新しました。')],
  ])('keeps %s and its message', (code, error) => {
    const log = vi.spyOn(logger, 'error');
    const out = formatError(...thrownInResolver(error));
    expect(out).toEqual({ message: error.message, path: ['approve'], locations: undefined, extensions: { code } });
    expect(log).not.toHaveBeenCalled();
  });

  it("keeps GraphQL's own errors (syntax, validation) with their locations", () => {
    let syntax: GraphQLError | undefined;
    try {
      parse('{ applications( }');
    } catch (e) {
      syntax = e as GraphQLError;
    }
    expect(syntax).toBeInstanceOf(GraphQLError);
    const formatted: GraphQLFormattedError = { ...syntax!.toJSON(), extensions: { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['GraphQLError: Syntax Error', '    at parse (graphql/language/parser.js:1:1)'] } };
    const out = formatError(formatted, syntax);
    expect(out.message).toBe(syntax!.message);
    expect(out.locations).toEqual([{ line: 1, column: 17 }]);
    expect(out.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});

describe('formatError: anything else is internal', () => {
  it('replaces the message of an unexpected error (SQL, stack) with a generic one and logs the original', () => {
    const log = vi.spyOn(logger, 'error');
    const error = new Error(SQL);
    const out = formatError(...thrownInResolver(error, ['staff', 0, 'email']));
    expect(out).toEqual({ message: GENERIC, path: ['staff', 0, 'email'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const text = JSON.stringify(out);
    for (const leak of ['insert into', 'password_hash', 'staff_email_unique', 'stacktrace', '.ts:', '    at ']) expect(text).not.toContain(leak);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatchObject({ err: error, path: ['staff', 0, 'email'] });
  });

  it('treats thrown non-errors (strings, objects) and errors outside a resolver the same way', () => {
    vi.spyOn(logger, 'error');
    for (const thrown of ['select * from secret', { sql: 'select 1' }, new TypeError("Cannot read properties of undefined (reading 'id')")]) {
      const out = formatError(...thrownInResolver(thrown));
      expect(out.message).toBe(GENERIC);
      expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    }
    const bare = new RangeError('Invalid time value');
    const out = formatError({ message: bare.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: bare.stack!.split('\n') } }, bare);
    expect(out).toEqual({ message: GENERIC, path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('never lets any part of an internal message or its stack through', () => {
    vi.spyOn(logger, 'error');
    fc.assert(
      fc.property(fc.string({ minLength: 6 }).filter((s) => !GENERIC.includes(s) && !'INTERNAL_SERVER_ERROR'.includes(s)), (message) => {
        const out = formatError(...thrownInResolver(new Error(message)));
        expect(JSON.stringify(out)).not.toContain(JSON.stringify(message).slice(1, -1));
        expect(out.message).toBe(GENERIC);
      }),
    );
  });
});

describe('formatError in Apollo Server', () => {
  // Stack traces switched on: formatError must drop them even when Apollo adds them.
  const server = new ApolloServer<BaseContext>({
    typeDefs: 'type Query { broken: String bad: String fine: String }',
    resolvers: {
      Query: {
        broken: () => {
          throw new Error(SQL);
        },
        bad: () => {
          throw badInput([{ path: 'limit', message: 'limit は1〜100の整数で指定してください。' }]);
        },
        fine: () => 'ok',
      },
    },
    formatError,
    includeStacktraceInErrorResponses: true,
  });
  afterAll(() => server.stop());

  it('answers internal errors generically and caller errors as they are, with partial data', async () => {
    vi.spyOn(logger, 'error');
    const res = await server.executeOperation({ query: '{ broken bad fine }' });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = res.body.singleResult;
    expect(data).toEqual({ broken: null, bad: null, fine: 'ok' });
    const byPath = Object.fromEntries((errors ?? []).map((e) => [String(e.path?.[0]), e]));
    expect(byPath.broken).toEqual({ message: GENERIC, path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(byPath.bad?.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'limit', message: 'limit は1〜100の整数で指定してください。' }] });
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|duplicate key|insert into/);
  });
});

describe('request id', () => {
  it('an internal error names the request (the caller gets the id, the log line has it); a forged header is replaced', async () => {
    const { requestId } = await import('../common/requestId.js');
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const serve = (header: string | undefined) => new Promise<{ header: string; out: GraphQLFormattedError }>((resolve) => {
      const headers: Record<string, string> = {};
      const req = { headers: header ? { 'x-request-id': header } : {} } as never;
      const res = { setHeader: (k: string, v: string) => void (headers[k] = v) } as never;
      requestId(req, res, () => {
        void Promise.resolve().then(() => resolve({ header: headers['X-Request-Id']!, out: formatError(...thrownInResolver(new Error(SQL))) }));
      });
    });
    const given = await serve('lb-7f3a9c');
    expect(given.header).toBe('lb-7f3a9c');
    expect(given.out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'lb-7f3a9c' });
    expect(log.mock.calls.at(-1)![0]).toMatchObject({ requestId: 'lb-7f3a9c' });
    const forged = await serve('x'.repeat(65) + '\n<script>');
    expect(forged.header).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.out.extensions!.requestId).toBe(forged.header);
    log.mockRestore();
  });
});
