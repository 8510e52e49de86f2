// The server's background jobs, all scheduled here (scheduler.ts). Each is safe with several server processes on one
// database: the business jobs and the outbox claim their rows with FOR UPDATE SKIP LOCKED and re-check them in the
// claiming transaction, so every item is done once whichever process gets it.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { SecretBox } from '../common/secrets.js';
import type { Metrics } from '../ops/metrics.js';
import { cancelOverdueApplications } from '../review/deadlineJob.js';
import { applyContractChanges, closeEndedOffices } from '../issuance/officeJob.js';
import { runCertificateJob } from '../certificates/certificateJob.js';
import { compactTally } from '../applications/ApplicationTally.js';
import { refreshDueCheckSummaries } from '../review/checks/summaries.js';
import { deliverDueEmails } from '../notifications/delivery.js';
import { loadTemplates } from '../notifications/templates.js';
import { Scheduler, type Job } from './scheduler.js';

/** Template versions saved by another process are picked up this often. */
export const TEMPLATE_REFRESH_MS = 30_000;

export interface JobDependencies {
  orm: MikroORM;
  config: Pick<Config, 'clock' | 'jobIntervalSeconds' | 'mailIntervalSeconds'>;
  secrets: SecretBox;
  transport: Transporter;
  metrics?: Metrics;
}

/** The jobs, with the intervals JOB_INTERVAL_SECONDS and MAIL_INTERVAL_SECONDS give (0 turns them off). */
export function serverJobs({ orm, config, secrets, transport }: JobDependencies): Job[] {
  const jobMs = config.jobIntervalSeconds * 1000;
  const clock = config.clock;
  return [
    // Approved new applications whose システム設定申込 missed its deadline → キャンセル (history and notice per application).
    { name: 'deadline', intervalMs: jobMs, audited: true, run: async () => ({ cancelled: await cancelOverdueApplications(orm.em, secrets, clock) }) },
    // Offices whose 契約解除 took effect → 廃止 (audited per office).
    { name: 'offices', intervalMs: jobMs, audited: true, run: async () => ({ closed: await closeEndedOffices(orm.em, clock) }) },
    // Contract changes whose start date has come → written into the contract (区分, 回線, company/office data …).
    { name: 'contract-changes', intervalMs: jobMs, audited: true, run: async () => ({ applied: await applyContractChanges(orm.em, clock) }) },
    // Certificates not acquired in time → 停止, past validity → 期限切れ, of abolished terminals → 停止/失効 (audited each).
    { name: 'certificates', intervalMs: jobMs, audited: true, run: async () => ({ ...(await runCertificateJob(orm.em, clock)) }) },
    // The automatic checks' outcome of open applications for the list's checkSeverity filter (no business change: not
    // audited); at shutdown it stops after the batch in progress.
    { name: 'check-summaries', intervalMs: jobMs, run: async (signal) => ({ ...(await refreshDueCheckSummaries(orm.em, clock, { signal })) }) },
    // The queue counts' appended rows folded into their totals (no business change: not audited).
    { name: 'tally', intervalMs: jobMs, run: async () => void (await compactTally(orm.em.fork())) },
    // The outbox over SMTP; each mail's outcome is in 送信ログ, so runs are not audited. At shutdown the batch stops
    // after the mail being sent and the claims of the rest are released for another process.
    { name: 'mail', intervalMs: config.mailIntervalSeconds * 1000, run: async (signal) => ({ sent: await deliverDueEmails(orm.em, transport, secrets, clock, { signal }) }) },
    // Template versions saved by other processes (every process, always: a stale template would send old wording).
    { name: 'templates', intervalMs: TEMPLATE_REFRESH_MS, run: async () => void (await loadTemplates(orm.em.fork())) },
  ];
}

/** The scheduler of the server's jobs (not started). */
export function serverScheduler(deps: JobDependencies): Scheduler {
  return new Scheduler(serverJobs(deps), { em: deps.orm.em, clock: deps.config.clock, metrics: deps.metrics });
}
