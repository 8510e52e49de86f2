import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { logger } from './common/logger.js';
import type { Context } from './graphql/context.js';
import { formatError } from './graphql/formatError.js';
import { schema } from './graphql/schema.js';
import { createServices } from './graphql/services.js';
import { Staff } from './staff/Staff.js';
import { isApiKey, verifyApiKey } from './staff/apiKeys.js';

const BEARER = /^Bearer\s+(.+)$/i;

export interface RunningApp {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Builds the HTTP app (GraphQL at /graphql, the console at /) on an initialised ORM. */
export async function createApp(orm: MikroORM, config: Config) {
  const services = createServices(config);
  const apollo = new ApolloServer<Context>({
    schema: await schema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const em = orm.em.fork();
        const ctx: Context = { em, roles: [], services, loaders: new Map() };
        const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
        if (token && isApiKey(token)) {
          const key = await verifyApiKey(em, token);
          if (key) {
            ctx.apiKey = key;
            ctx.roles = key.roles;
            key.lastUsedAt = new Date();
            await em.flush();
          }
        } else if (token) {
          const staffId = await services.tokens.verify(token);
          const staff = staffId ? await em.findOne(Staff, { id: staffId, active: true }) : null;
          if (staff) {
            ctx.staff = staff;
            ctx.roles = staff.roles;
          }
        }
        return ctx;
      },
    }),
  );

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
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await apollo.stop();
        },
      };
    },
  };
}

export { logger };
