// type-graphql's decorators (inputs imported through the limits) need the Reflect polyfill before any of them runs.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { logger } from './common/logger.js';
import { requestContext, type Context } from './graphql/context.js';
import { errorStatus, formatError } from './graphql/formatError.js';
import { inputLimits } from './graphql/inputLimits.js';
import { DomainError, ErrorCode, databaseTrouble, serviceUnavailable } from './common/errors.js';
import { currentRequestId } from './common/requestId.js';
import { schema } from './graphql/schema.js';
import { createServices } from './graphql/services.js';
import { certificateRoutes } from './certificates/routes.js';
import { authenticate } from './staff/authentication.js';
import { forgetOnFlush } from './staff/sessions.js';
import { requestId } from './common/requestId.js';
import { loadTemplates } from './notifications/templates.js';
import { LIMITS, armor, parseOptions, queryShape, bodyErrors, cors, introspectionForSignedIn, listCostLimit, securityHeaders } from './graphql/limits.js';

export interface RunningApp {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Builds the HTTP app (GraphQL at /graphql, the console at /) on an initialised ORM. */
export async function createApp(orm: MikroORM, config: Config) {
  const services = createServices(config, orm.config.get('clientUrl')!);
  await services.sessions.start();
  orm.em.getEventManager().registerSubscriber(forgetOnFlush(services.sessions));
  await loadTemplates(orm.em.fork());
  const protection = armor();
  const apollo = new ApolloServer<Context>({
    schema: await schema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    allowBatchedHttpRequests: false,
    parseOptions,
    // Armor types its plugins against the CommonJS build of @apollo/server; they are the same at run time.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]), introspectionForSignedIn, listCostLimit, inputLimits, errorStatus,
      // No HTTP caching of GraphQL answers: without this, Apollo wraps every field's resolver to compute cache hints.
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: protection.validationRules,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POSTs nobody revalidates: no ETag (a SHA-1 of every response body).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders);
  app.use(requestId);
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
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
          return requestContext(em, principal, services, req.ip);
        } catch (e) {
          // Apollo would answer "Context creation failed: <driver text>" with 500.
          const trouble = databaseTrouble(e);
          const requestId = currentRequestId();
          logger.error({ err: e, requestId }, trouble ? 'database unavailable at sign-in check' : 'context creation failed');
          if (trouble) throw serviceUnavailable(trouble, { requestId });
          throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, '内部エラーが発生しました。時間をおいて再度お試しください。', { requestId, http: { status: 500 } });
        }
      },
    }),
  );

  // Digital certificates: terminals enroll with their 認証コード; the CRL and the CA certificate (outside GraphQL).
  app.use('/certificates', express.json({ limit: '64kb' }), ...certificateRoutes(orm, services.secrets, config, services.clock));

  if (existsSync(join(config.consoleDir, 'index.html'))) {
    app.use(express.static(config.consoleDir, { index: false, maxAge: '1h' }));
    // Client-side routes of the console all render index.html.
    app.get(/^\/(?!graphql).*/, (_req, res) => {
      res.sendFile(join(config.consoleDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain; charset=utf-8').send('コンソールが未ビルドです: pnpm --filter @naccs/admin-ui build');
    });
  }

  return {
    app,
    async listen(port: number, host = '0.0.0.0'): Promise<RunningApp> {
      const server = await new Promise<Server>((resolve) => {
        const s = app.listen(port, host, () => resolve(s));
      });
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      return {
        url: `http://127.0.0.1:${actualPort}`,
        server,
        close: async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          await closed;
          await apollo.stop();
          await services.sessions.close();
        },
      };
    },
  };
}

export { logger };
