// GraphQL subscriptions over WebSocket at /graphql (the graphql-ws protocol; queries and mutations stay on HTTP POST,
// where the request limits and plugins apply). The connection carries the caller's token in its init payload
// ({ authorization: 'Bearer …' }, the same header value as HTTP); without a valid one the socket is closed (4403), and
// a token that stops being valid (sign-out, deactivation, expiry) closes it within a minute.
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { logger } from '../common/logger.js';
import { requestContext } from '../graphql/context.js';
import { formatError } from '../graphql/formatError.js';
import { parseOptions } from '../graphql/limits.js';
import { inputErrors } from '../graphql/inputLimits.js';
import { badInput } from '../common/errors.js';
import type { Services } from '../graphql/services.js';
import { authenticate, type Principal } from '../staff/authentication.js';
import { startViewerSweep } from './presence.js';

/** A subscription message is a query and its variables: no attachments travel here. */
const MAX_MESSAGE_BYTES = 64 * 1024;
const REAUTHENTICATE_MS = 60_000;
/** Subscriptions one socket may hold at once (the console needs a handful): a client cannot grow the server without end. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 50;

interface ConnectionState {
  principal?: Principal;
  authorization?: string;
  timer?: NodeJS.Timeout;
  /** The ids of the socket's running subscriptions. */
  running: Set<string>;
}

const refused = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

export function subscriptionServer(server: Server, schema: GraphQLSchema, orm: MikroORM, services: Services, rules: readonly ValidationRule[]) {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const states = new WeakMap<object, ConnectionState>();
  const stateOf = (extra: object) => {
    let s = states.get(extra);
    if (!s) states.set(extra, (s = { running: new Set() }));
    return s;
  };
  const signIn = (authorization: string | undefined, ip?: string) => authenticate(orm.em.fork(), services, authorization, ip).catch((e) => {
    logger.warn({ err: (e as Error).message }, 'subscription sign-in check failed');
    return { roles: [] } as Principal;
  });

  const disposable = useServer<Record<string, unknown>>({
    schema,
    connectionInitWaitTimeout: 10_000,
    onConnect: async (ctx) => {
      const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
      const principal = await signIn(authorization, ctx.extra.request.socket.remoteAddress);
      if (!principal.roles.length) return false;
      const state = stateOf(ctx.extra);
      Object.assign(state, { principal, authorization });
      state.timer = setInterval(async () => {
        const again = await signIn(authorization);
        if (!again.roles.length) ctx.extra.socket.close(4401, 'Unauthorized');
        else state.principal = again;
      }, REAUTHENTICATE_MS).unref();
      return true;
    },
    onClose: (ctx) => clearInterval(stateOf(ctx.extra).timer),
    onComplete: (ctx, id) => void stateOf(ctx.extra).running.delete(id),
    onSubscribe: (ctx, id, payload) => {
      const state = stateOf(ctx.extra);
      const principal = state.principal;
      if (!principal) return refused('ログインしてください。', 'UNAUTHENTICATED');
      if (state.running.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
        return refused(`1つの接続で同時に購読できるのは${MAX_SUBSCRIPTIONS_PER_SOCKET}件までです。`, 'BAD_USER_INPUT');
      }
      let document: DocumentNode;
      try {
        document = parse(payload.query, parseOptions);
      } catch (e) {
        return [e instanceof GraphQLError ? e : new GraphQLError('クエリを解釈できません。')];
      }
      const errors = validate(schema, document, [...specifiedRules, ...rules]);
      if (errors.length) return errors;
      const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
      if (operations.some((o) => o.operation !== 'subscription')) {
        return refused('WebSocket では subscription だけを受け付けます。照会と更新は HTTP POST /graphql へ送ってください。', 'BAD_USER_INPUT');
      }
      // The HTTP path's input gate (lengths, NUL, IDs in UUID form) before any resolver runs.
      const operation = operations.find((o) => !payload.operationName || o.name?.value === payload.operationName);
      const broken = operation ? inputErrors(schema, document, operation, payload.variables ?? {}) : [];
      if (broken.length) return [badInput(broken)];
      state.running.add(id);
      return {
        schema,
        document,
        variableValues: payload.variables ?? undefined,
        operationName: payload.operationName ?? undefined,
        contextValue: requestContext(orm.em.fork(), principal, services, ctx.extra.request.socket.remoteAddress),
      };
    },
    // The same answers as HTTP: Japanese messages and codes, never internal detail.
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length
      ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) as unknown as GraphQLError[] }
      : undefined),
  }, wss, 12_000);

  const stopSweep = startViewerSweep(orm.em);
  return {
    async close(): Promise<void> {
      stopSweep();
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
