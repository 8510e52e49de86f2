import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from './context.js';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { logger } from '../common/logger.js';
import { ErrorCode, INTERNAL_MESSAGE, TIMEOUT_MESSAGE, UNAVAILABLE_MESSAGE, databaseTrouble } from '../common/errors.js';
import { currentRequestId, requestLogFields } from '../common/requestId.js';

/**
 * Errors meant for the caller (GraphQLError: ours and GraphQL's own validation) keep their message and code;
 * anything else is logged and replaced by a generic Japanese message (SERVICE_UNAVAILABLE when the database is out of
 * reach or a statement timed out). No stack trace, SQL or driver text ever leaves.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) {
    const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    // graphql's parser says so in English ("more that" in graphql 16).
    const tokens = /Document contains more (?:than|that) (\d+) tokens/.exec(formatted.message);
    const message = tokens ? `クエリが長すぎます (上限 ${tokens[1]} トークン)。` : formatted.message;
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  // The request id ties the caller's report to this log line (the support desk asks for it); the line also names the
  // operation and the principal, as the request log does.
  const requestId = currentRequestId();
  const trouble = databaseTrouble(original);
  if (trouble) {
    logger.warn({ err: original, path: formatted.path, ...requestLogFields() }, trouble === 'timeout' ? 'statement timeout' : 'database unavailable');
    return {
      message: trouble === 'timeout' ? TIMEOUT_MESSAGE : UNAVAILABLE_MESSAGE,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, ...(requestId ? { requestId } : {}) },
    };
  }
  logger.error({ err: original, path: formatted.path, ...requestLogFields() }, 'internal error');
  return {
    message: INTERNAL_MESSAGE,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}

/** Request errors that are the caller's mistake: HTTP 400, never 500 (Apollo answers 500 for a plugin's refusal). */
const CALLER_CODES = new Set<unknown>([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE', ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN,
]);

/**
 * HTTP status by what went wrong: 503 when any error is SERVICE_UNAVAILABLE (try again later), 400 when a request
 * that did not execute failed only on the caller's mistakes. Errors of executed fields keep 200, as GraphQL does.
 */
export const errorStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        if (!errors?.length) return;
        if (errors.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) response.http.status = 503;
        else if (data === undefined && errors.every((e) => CALLER_CODES.has(e.extensions?.code))) response.http.status = 400;
      },
    };
  },
};
