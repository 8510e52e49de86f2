// type-graphql's decorators (inputs imported through the limits) need the Reflect polyfill before any of them runs.
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { logger } from './common/logger.js';
import { requestContext, type Context } from './graphql/context.js';
import { errorStatus, formatError } from './graphql/formatError.js';
import { inputLimits } from './graphql/inputLimits.js';
import { DomainError, ErrorCode, INTERNAL_MESSAGE, databaseTrouble, serviceUnavailable } from './common/errors.js';
import { currentRequest, currentRequestId, requestLogFields } from './common/requestId.js';
import { schema } from './graphql/schema.js';
import { createServices } from './graphql/services.js';
import { certificateRoutes } from './certificates/routes.js';
import { documentRoutes } from './documents/routes.js';
import { exportRoutes } from './exports/routes.js';
import { serveConsole } from './console.js';
import { subscriptionServer } from './events/websocket.js';
import { authenticate } from './staff/authentication.js';
import { forgetOnFlush } from './staff/sessions.js';
import { requestId } from './common/requestId.js';
import { loadTemplates } from './notifications/templates.js';
import { migrationsDir } from './db/orm.js';
import { Metrics } from './ops/metrics.js';
import { ReadinessCheck, migrationsOnDisk, operationsRoutes } from './ops/health.js';
import { principalLabel, requestLog } from './ops/requestLog.js';
import { LIMITS, armor, parseOptions, queryShape, bodyErrors, cors, introspectionForSignedIn, listCostLimit, securityHeaders } from './graphql/limits.js';

export interface RunningApp {
  url: string;
  server: Server;
  /**
   * Drains: /readyz answers 503, the listener closes, requests in flight finish (those still going after
   * `drainMs` are cut), then Apollo and the session listener stop.
   */
  close(): Promise<void>;
}

/** How long close() lets requests in flight finish by default (main.ts gives what SHUTDOWN_TIMEOUT_SECONDS leaves). */
export const DRAIN_MS = 10_000;

/** Builds the HTTP app (GraphQL at /graphql, the console at /) on an initialised ORM. */
export async function createApp(orm: MikroORM, config: Config, options: { drainMs?: number } = {}) {
  const services = createServices(config, orm.config.get('clientUrl')!);
  await services.sessions.start();
  await services.events.start();
  orm.em.getEventManager().registerSubscriber(forgetOnFlush(services.sessions));
  await loadTemplates(orm.em.fork());
  const protection = armor();
  const metrics = new Metrics(orm);
  const readiness = new ReadinessCheck(orm.config.get('clientUrl')!, migrationsOnDisk(migrationsDir));
  // The server is made here, not by app.listen, so Apollo's drain plugin can close it gracefully.
  const app = express();
  const server = createServer(app);
  // Longer than a load balancer's idle timeout (60 s on most): the balancer, not Node, closes idle keep-alive
  // connections, so it never sends a request on one Node has just closed (a 502).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const graphqlSchema = await schema();
  const apollo = new ApolloServer<Context>({
    schema: graphqlSchema,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    allowBatchedHttpRequests: false,
    // main.ts drains on SIGTERM/SIGINT itself (requests, then jobs, then the database); Apollo's own handler would stop
    // it first and re-raise the signal.
    stopOnTerminationSignals: false,
    parseOptions,
    // Armor types its plugins against the CommonJS build of @apollo/server; they are the same at run time.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]), introspectionForSignedIn, listCostLimit, inputLimits, errorStatus,
      metrics.graphqlPlugin<Context>(),
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: options.drainMs ?? DRAIN_MS }),
      // No HTTP caching of GraphQL answers: without this, Apollo wraps every field's resolver to compute cache hints.
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: protection.validationRules,
  });
  await apollo.start();
  // Subscriptions (live updates) on the same port and path, over WebSocket.
  const subscriptions = subscriptionServer(server, graphqlSchema, orm, services, protection.validationRules);

  app.disable('x-powered-by');
  // GraphQL answers are POSTs nobody revalidates: no ETag (a SHA-1 of every response body).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders);
  app.use(requestId);
  app.use(requestLog);
  app.use(metrics.http);
  app.use(operationsRoutes(readiness, metrics, config.metricsToken));
  app.use(
    '/graphql',
    cors(config.corsOrigins),
    express.json({ limit: LIMITS.attachmentBodyBytes, verify: (req, _res, body) => ((req as { bodyBytes?: number }).bodyBytes = body.length) }),
    bodyErrors,
    queryShape,
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const em = orm.em.fork();
        try {
          const principal = await authenticate(em, services, req.headers.authorization, req.ip);
          const info = currentRequest();
          if (info) info.principal = principalLabel(principal);
          return requestContext(em, principal, services, req.ip);
        } catch (e) {
          // Apollo would answer "Context creation failed: <driver text>" with 500.
          const trouble = databaseTrouble(e);
          const requestId = currentRequestId();
          logger.error({ err: e, ...requestLogFields() }, trouble ? 'database unavailable at sign-in check' : 'context creation failed');
          if (trouble) throw serviceUnavailable(trouble, { requestId });
          throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_MESSAGE, { requestId, http: { status: 500 } });
        }
      },
    }),
  );

  // Digital certificates: terminals enroll with their 認証コード; the CRL and the CA certificate (outside GraphQL).
  app.use('/certificates', express.json({ limit: '64kb' }), ...certificateRoutes(orm, services.secrets, config, services.clock));
  app.use('/documents', documentRoutes(orm, services));

  // CSV exports of the lists (the caller's token, the lists' own authorization and filters).
  app.use('/exports', exportRoutes(orm, services));

  // The console at / (last: every GET left is its): precompressed, hashed assets immutable, index.html revalidated.
  serveConsole(app, config.consoleDir);

  return {
    app,
    metrics,
    readiness,
    async listen(port: number, host = '0.0.0.0'): Promise<RunningApp> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      return {
        url: `http://127.0.0.1:${actualPort}`,
        server,
        close: async () => {
          readiness.drain();
          // Subscribers are told to reconnect (to another process) first: an open socket would hold the drain.
          await subscriptions.close();
          // The drain plugin closes the listener, lets requests in flight finish and ends idle connections.
          await apollo.stop();
          await services.sessions.close();
          await services.events.close();
        },
      };
    },
  };
}

export { logger };
