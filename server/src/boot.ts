// The server process, given a valid configuration (main.ts checks it first): database (embedded unless DATABASE_URL)
// → migrations → demo data or the first admin → HTTP → jobs; SIGTERM/SIGINT drain it within SHUTDOWN_TIMEOUT_SECONDS.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { installClock, systemClock } from './common/clock.js';
import { logger } from './common/logger.js';
import { SecretBox } from './common/secrets.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { initOrm, migrate } from './db/orm.js';
import { createApp } from './app.js';
import { installLeadTimes } from './calendar/CalendarService.js';
import { Staff } from './staff/Staff.js';
import { audit } from './staff/audit.js';
import { hashPassword } from './staff/password.js';
import { AuditAction, Role } from './common/enums.js';
import { createMailer } from './notifications/delivery.js';
import { compactTally } from './applications/ApplicationTally.js';
import { serverScheduler } from './jobs/index.js';
import { seedDemoInWorker } from './demoSeed.js';

/** Held while a process migrates and seeds, so servers started together on one database do it one at a time. */
const STARTUP_LOCK = 0x4e41_4343_53; // "NACCS"

/** Whether the database holds anything of its own (an account, a key, a company or an application). */
async function holdsData(em: EntityManager): Promise<boolean> {
  const [row] = await em.getConnection().execute<Array<{ any: boolean }>>(
    `select exists (select 1 from staff) or exists (select 1 from api_key) or exists (select 1 from company) or exists (select 1 from application) as any`,
  );
  return !!row?.any;
}

/**
 * The demo (its admin and integrator key are published in the README) only into an empty database: SEED_DEMO=true
 * on a database that holds data is skipped with a log line rather than refused, so restarting a demo (compose sets
 * SEED_DEMO=true) starts again. The first admin (INITIAL_ADMIN_*) only into a database without any staff account.
 */
async function prepareData(orm: MikroORM, databaseUrl: string, config: Config): Promise<void> {
  const em = orm.em.fork();
  if (config.seedDemo) {
    if (await holdsData(em)) {
      logger.info('demo data not seeded: the database already holds data');
    } else {
      const t = performance.now();
      const { applications } = await seedDemoInWorker(databaseUrl, config);
      logger.info({ applications, ms: Math.round(performance.now() - t) }, 'demo data seeded');
    }
  }
  if (config.initialAdmin) {
    const { email, password } = config.initialAdmin;
    await orm.em.fork().transactional(async (tx) => {
      if (await tx.count(Staff, {})) {
        logger.info('INITIAL_ADMIN_EMAIL not used: staff accounts exist');
        return;
      }
      tx.persist(Object.assign(new Staff(), { email, name: '管理者', roles: [Role.ADMIN], passwordHash: await hashPassword(password) }));
      audit(tx, { action: AuditAction.STAFF_CREATE, target: email, detail: `roles=${Role.ADMIN} (INITIAL_ADMIN_EMAIL)` });
      logger.info({ email }, 'initial admin created');
    });
  }
}

export async function boot(config: Config): Promise<void> {
  logger.level = config.logLevel;
  // Business time: the real time, or the instant NOW names (entity timestamps read it too).
  installClock(config.clock);
  installLeadTimes(config.leadTimes);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg'), config.embeddedPgPort, 'naccs');
    databaseUrl = embedded.url;
  }
  const orm = await initOrm(databaseUrl);
  // Servers started together: one migrates and seeds, the others wait for it (a session lock, released at the end
  // or by the database when this process dies).
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: 'naccs startup' });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    await migrate(orm);
    await prepareData(orm, databaseUrl, config);
  } finally {
    await lock.end().catch(() => undefined);
  }

  // The tally's appended rows folded once at start (then by the jobs), whether or not the jobs run.
  await compactTally(orm.em.fork());

  const mailer = await createMailer(config.smtpUrl);
  // Drain within the shutdown budget, leaving time to close the database and the mailer.
  const drainMs = Math.max(1_000, config.shutdownTimeoutMs - 3_000);
  const created = await createApp(orm, config, { drainMs });
  const running = await created.listen(config.port);
  const url = running.url.replace('127.0.0.1', 'localhost');
  const demo = config.seedDemo ? `
デモのサインイン (パスワード: ${config.demoPassword === 'naccs-demo' ? 'naccs-demo' : 'DEMO_PASSWORD の値'}):
  admin@example.jp (ADMIN)  supervisor@example.jp (SUPERVISOR)  reviewer@example.jp (REVIEWER)
  reviewer2@example.jp (REVIEWER)  support@example.jp (SUPPORT)
` : '\n';
  console.log(`
NACCS バックオフィス: ${url}/   (GraphQL: ${url}/graphql)  起動 ${(performance.now() / 1000).toFixed(1)} 秒${config.clock === systemClock ? '' : `  業務時刻 NOW=${config.now} (固定の時刻から進みます)`}
データベース: ${embedded ? `組み込み PostgreSQL (${join(config.dataDir, 'pg')})` : 'DATABASE_URL'}  メール: ${config.smtpUrl ? 'SMTP_URL' : `組み込みSMTP (127.0.0.1:${mailer.sinkPort}; 送信ログはコンソールで確認)`}${demo}`);

  // Background jobs (jobs/): deadlines, offices, certificates, the tally, the outbox and template refresh.
  const scheduler = serverScheduler({ orm, config, secrets: new SecretBox(config.secretKey), transport: mailer.transport, metrics: created.metrics });
  scheduler.start();

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: requests in flight and running jobs finish first');
    // Whatever still hangs (a stuck SMTP peer, a client that never reads) does not keep the process past the budget.
    setTimeout(() => {
      logger.error('shutdown took longer than SHUTDOWN_TIMEOUT_SECONDS: leaving now');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    const drained = await Promise.race([
      Promise.all([running.close(), scheduler.stop()]).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), drainMs).unref()),
    ]);
    if (!drained) logger.warn('requests or jobs still running at the drain deadline: closing anyway');
    await orm.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    await mailer.close().catch(() => undefined);
    logger.info('stopped');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
