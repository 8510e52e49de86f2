// Boots config → database (embedded unless DATABASE_URL) → migrations → demo data → GraphQL + console.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from './config.js';
import { installClock, systemClock } from './common/clock.js';
import { logger } from './common/logger.js';
import { SecretBox } from './common/secrets.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { initOrm, migrate } from './db/orm.js';
import { createApp } from './app.js';
import { Application } from './applications/Application.js';
import { Staff } from './staff/Staff.js';
import { cancelOverdueApplications } from './review/deadlineJob.js';
import { closeEndedOffices } from './issuance/officeJob.js';
import { certificateAuthority } from './certificates/authority.js';
import { createMailer, deliverDueEmails } from './notifications/delivery.js';
import { loadTemplates } from './notifications/templates.js';
import { runCertificateJob } from './certificates/certificateJob.js';
import { compactTally } from './applications/ApplicationTally.js';

const started = performance.now();
const config = loadConfig();
// Business time: the real time, or the instant NOW names (entity timestamps read it too).
installClock(config.clock);
let embedded: EmbeddedDatabase | undefined;
let databaseUrl = config.databaseUrl;
if (!databaseUrl) {
  embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg'), config.embeddedPgPort, 'naccs');
  databaseUrl = embedded.url;
}
const orm = await initOrm(databaseUrl);
await migrate(orm);

const em = orm.em.fork();
if (config.seedDemo && (await em.count(Staff)) === 0 && (await em.count(Application)) === 0) {
  const t = performance.now();
  // Loaded only to seed: the demo's generators (faker's data alone is ~16 MB of heap) stay out of a seeded server.
  const { seedDemo } = await import('../../db/seeders/demo.js');
  const { applications } = await seedDemo(em, { clock: config.clock, password: config.demoPassword, secrets: new SecretBox(config.secretKey), ca: await certificateAuthority(config), ipPool: config.ipPool });
  logger.info({ applications, ms: Math.round(performance.now() - t) }, 'demo data seeded');
}

// The tally's appended rows folded once at start (then by the jobs), whether or not the jobs run.
await compactTally(orm.em.fork());

const mailer = await createMailer(config.smtpUrl);
const running = await (await createApp(orm, config)).listen(config.port);
const url = running.url.replace('127.0.0.1', 'localhost');
console.log(`
NACCS バックオフィス: ${url}/   (GraphQL: ${url}/graphql)  起動 ${((performance.now() - started) / 1000).toFixed(1)} 秒${config.clock === systemClock ? '' : `  業務時刻 NOW=${process.env.NOW} (固定の時刻から進みます)`}
データベース: ${embedded ? `組み込み PostgreSQL (${join(config.dataDir, 'pg')})` : 'DATABASE_URL'}  メール: ${config.smtpUrl ? 'SMTP_URL' : `組み込みSMTP (127.0.0.1:${mailer.sinkPort}; 送信ログはコンソールで確認)`}
デモのサインイン (パスワード: ${config.demoPassword === 'naccs-demo' ? 'naccs-demo' : 'DEMO_PASSWORD の値'}):
  admin@example.jp (ADMIN)  supervisor@example.jp (SUPERVISOR)  reviewer@example.jp (REVIEWER)
  reviewer2@example.jp (REVIEWER)  support@example.jp (SUPPORT)
`);

// Background jobs: cancel approved applications whose システム設定申込 missed its deadline, and close the offices
// whose 契約解除 took effect. Safe in several processes at once (SKIP LOCKED); JOB_INTERVAL_SECONDS=0 turns them off.
const jobSeconds = Number(process.env.JOB_INTERVAL_SECONDS ?? 60);
const secrets = new SecretBox(config.secretKey);
const runJobs = () =>
  cancelOverdueApplications(orm.em, secrets, config.clock)
    .then((n) => n && logger.info({ cancelled: n }, 'system-settings deadline passed: applications cancelled'))
    .then(() => closeEndedOffices(orm.em, config.clock))
    .then((n) => n && logger.info({ closed: n }, 'terminations took effect: offices closed'))
    .then(() => compactTally(orm.em.fork()))
    .catch((err) => logger.error({ err }, 'deadline job failed'));
const jobTimer = jobSeconds > 0 ? setInterval(runJobs, jobSeconds * 1000) : undefined;
if (jobTimer) void runJobs();
// Digital certificates not acquired in time → 停止, past their validity → 期限切れ (same interval, SKIP LOCKED too).
const runCertificateJobs = () =>
  runCertificateJob(orm.em, config.clock)
    .then((r) => (r.stopped || r.expired || r.closed) && logger.info(r, 'certificates stopped/expired'))
    .catch((err) => logger.error({ err }, 'certificate job failed'));
const certificateTimer = jobSeconds > 0 ? setInterval(runCertificateJobs, jobSeconds * 1000) : undefined;
if (certificateTimer) void runCertificateJobs();

// E-mail: the outbox is delivered over SMTP (SMTP_URL, else an in-process sink) every few seconds; template versions
// saved by other processes are picked up every 30 seconds.
const mailSeconds = Number(process.env.MAIL_INTERVAL_SECONDS ?? 5);
let delivering = false;
const deliver = async () => {
  if (delivering) return;
  delivering = true;
  try {
    const n = await deliverDueEmails(orm.em, mailer.transport, secrets, config.clock);
    if (n) logger.info({ sent: n }, 'mails delivered');
  } catch (err) {
    logger.error({ err }, 'mail delivery failed');
  } finally {
    delivering = false;
  }
};
const mailTimer = mailSeconds > 0 ? setInterval(() => void deliver(), mailSeconds * 1000) : undefined;
const templateTimer = setInterval(() => void loadTemplates(orm.em.fork()).catch((err) => logger.error({ err }, 'template refresh failed')), 30_000);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Never hang on a slow client or SMTP peer: leave after 8 s whatever is still open.
  setTimeout(() => process.exit(0), 8000).unref();
  if (jobTimer) clearInterval(jobTimer);
  if (mailTimer) clearInterval(mailTimer);
  clearInterval(templateTimer);
  if (certificateTimer) clearInterval(certificateTimer);
  await running.close().catch(() => undefined);
  await orm.close().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  await mailer.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
