import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { logger } from '../common/logger.js';
import { ErrorCode } from '../common/errors.js';
import { currentRequestId } from '../common/requestId.js';

/**
 * Errors meant for the caller (GraphQLError: ours and GraphQL's own validation) keep their message and code;
 * anything else is logged and replaced by a generic Japanese message. No stack trace or SQL ever leaves.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) {
    const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  // The request id ties the caller's report to this log line (the support desk asks for it).
  const requestId = currentRequestId();
  logger.error({ err: original, path: formatted.path, requestId }, 'internal error');
  return {
    message: '内部エラーが発生しました。時間をおいて再度お試しください。',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}
