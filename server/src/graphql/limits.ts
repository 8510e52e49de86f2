import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { NextFunction, Request, Response } from 'express';
import {
  GraphQLError, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';
import type { Context } from './context.js';
import { MAX_PAGE_SIZE } from '../common/paging.js';

// Limits every request meets before any resolver (or database work) runs. Messages are Japanese and name the limit.

export const LIMITS = {
  maxDepth: 10,
  maxCost: 5_000,
  maxAliases: 50,
  maxTokens: 3_000,
  /** Brackets and braces in the query text: selections (maxDepth) and input literals together. */
  maxNesting: 64,
  maxDirectives: 20,
  /** Fields × the page sizes (limit) of the lists around them: what a request may make the server load. */
  maxListCost: 20_000,
  /** Request body: 1 MB, except for the submissions that carry attachments (10 MB each, base64). */
  bodyBytes: 1024 * 1024,
  attachmentBodyBytes: '15mb',
} as const;

export function armor() {
  return new ApolloArmor({
    // Fragments are flattened so that a spread does not count as extra levels.
    maxDepth: { n: LIMITS.maxDepth, exposeLimits: false, errorMessage: `クエリの入れ子が深すぎます (上限 ${LIMITS.maxDepth})。`, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: LIMITS.maxCost, exposeLimits: false, errorMessage: `クエリのコストが上限 (${LIMITS.maxCost}) を超えています。取得する項目や件数を減らしてください。` },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: false, errorMessage: `エイリアスが多すぎます (上限 ${LIMITS.maxAliases})。` },
    // Tokens are counted by graphql's own parser (Apollo's parseOptions): armor's counter throws outside Apollo's
    // parse step, which answered every syntax error with HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: false, errorMessage: `ディレクティブが多すぎます (上限 ${LIMITS.maxDirectives})。` },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** The parser's limit (Apollo's parseOptions): a longer document fails to parse, HTTP 400 GRAPHQL_PARSE_FAILED. */
export const parseOptions = { maxTokens: LIMITS.maxTokens };

/** Introspection is for signed-in staff and keys, not for anonymous callers. */
export const introspectionForSignedIn: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document }) {
        if (contextValue.roles.length) return;
        const asks = JSON.stringify(document).includes('"value":"__schema"') || JSON.stringify(document).includes('"value":"__type"');
        if (asks) throw new GraphQLError('スキーマの参照 (introspection) にはサインインまたはAPIキーが必要です。', { extensions: { code: 'UNAUTHENTICATED' } });
      },
    };
  },
};

/** CORS for configured origins only (CORS_ORIGINS, comma-separated); the console itself is same-origin. */
export function cors(origins: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, apollo-require-preflight');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.sendStatus(origin && origins.includes(origin) ? 204 : 403);
      return;
    }
    next();
  };
}

/** Security headers for the console and the API. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  next();
}

/** The operations whose input carries attachments (AttachmentInput): the only ones allowed a body over 1 MB. */
export const ATTACHMENT_OPERATIONS = new Set(['submitNewApplication', 'submitChangeApplication', 'resubmitApplication']);

/** Whether every root field of the request's operations is a submission with attachments (a cheap parse of the query). */
function carriesAttachments(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    const doc = parse(query, { noLocation: true, maxTokens: LIMITS.maxTokens });
    const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return ops.length > 0 && ops.every((op) => op.operation === 'mutation' && op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && ATTACHMENT_OPERATIONS.has(s.name.value)));
  } catch {
    return false;
  }
}

/** The deepest nesting of brackets and braces in a query text (strings and comments skipped). */
export function nestingDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '"') {
      const block = source.startsWith('"""', i);
      const end = block ? '"""' : '"';
      for (i += end.length; i < source.length && !source.startsWith(end, i); i++) if (source[i] === '\\') i++;
      if (block) i += 2;
    } else if (c === '{' || c === '[' || c === '(') {
      if (++depth > max) max = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return max;
}

/**
 * A query nested deeper than any real one is refused before graphql's recursive parser meets it (10,000 levels
 * overflowed its stack: a RangeError); and a body over 1 MB unless it is a submission carrying attachments.
 */
export function queryShape(req: Request, res: Response, next: NextFunction) {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string' && nestingDepth(query) > LIMITS.maxNesting) {
    res.status(400).json({ errors: [{ message: `クエリの入れ子が深すぎます (上限 ${LIMITS.maxNesting})。`, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
    return;
  }
  attachmentsOnly(req, res, next);
}

/** A body over 1 MB is refused unless it is a submission carrying attachments. */
export function attachmentsOnly(req: Request, res: Response, next: NextFunction) {
  const bytes = (req as { bodyBytes?: number }).bodyBytes ?? 0;
  if (bytes <= LIMITS.bodyBytes || carriesAttachments((req.body as { query?: unknown } | undefined)?.query)) return next();
  res.status(413).json({
    errors: [{
      message: `リクエストが大きすぎます (上限 1MB。添付ファイルを含む申込の送信のみ ${LIMITS.attachmentBodyBytes} まで)。`,
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    }],
  });
}

/** Body-parser failures (too large, not JSON) as GraphQL-shaped JSON errors, never HTML or a stack. */
export function bodyErrors(err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) {
  if (!err || typeof err !== 'object' || !('type' in err)) return next(err);
  const tooLarge = err.type === 'entity.too.large';
  res.status(err.status ?? 400).json({
    errors: [{
      message: tooLarge ? `リクエストが大きすぎます (上限 ${LIMITS.attachmentBodyBytes})。` : 'リクエストの形式が正しくありません (JSON)。',
      extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
    }],
  });
}

/**
 * Armor's cost is static; a nested list multiplies work by its page size. This counts every selected field times the
 * `limit` of each list field around it (from literals or variables), before execution.
 */
export function listCost(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>): number {
  const value = (v: ValueNode): number => {
    if (v.kind === Kind.INT) return Number(v.value);
    if (v.kind === Kind.VARIABLE) {
      // Read before GraphQL coerces the variables: anything but a number (an object whose toString is not a function
      // throws in Number()) is left to the coercion's own error.
      const raw = variables[v.name.value];
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : 1;
    }
    return 1;
  };
  const walk = (set: SelectionSetNode, multiplier: number, depth: number): number => {
    if (depth > 50) return Infinity;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const limit = sel.arguments?.find((a) => a.name.value === 'limit');
        // A limit above the page maximum is refused by the resolver with its own precise error; count the maximum.
        const m = multiplier * (limit ? Math.min(MAX_PAGE_SIZE, Math.max(1, value(limit.value))) : 1);
        cost += multiplier + (sel.selectionSet ? walk(sel.selectionSet, m, depth + 1) : 0);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(sel.selectionSet, multiplier, depth + 1);
      } else {
        const fragment = fragments[sel.name.value];
        if (fragment) cost += walk(fragment.selectionSet, multiplier, depth + 1);
      }
    }
    return cost;
  };
  return walk(operation.selectionSet, 1, 0);
}

export const listCostLimit: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (!operation) return;
        const fragments = Object.fromEntries(
          document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
        );
        const cost = listCost(operation, fragments, request.variables ?? {});
        if (cost > LIMITS.maxListCost) {
          throw new GraphQLError(`クエリのコストが上限 (${LIMITS.maxListCost}) を超えています (${Number.isFinite(cost) ? cost : '∞'})。入れ子の一覧の件数 (limit) を減らしてください。`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
      },
    };
  },
};
