// The one place background jobs are scheduled. A job's next run is timed from the end of its previous run, so runs of
// one job never overlap in a process; a run asked for while one is going is skipped (counted as such). Across
// processes the jobs themselves claim their rows with FOR UPDATE SKIP LOCKED, so N servers do each item once.
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import { AuditLog } from '../staff/security.js';
import { AuditAction } from '../common/enums.js';
import type { Metrics } from '../ops/metrics.js';

/** What a run changed, by kind (e.g. `{ cancelled: 2 }`); the counts are what metrics and the audit entry report. */
export type JobResult = Record<string, number>;

export interface Job {
  name: string;
  /** Milliseconds between the end of a run and the start of the next; 0 turns the job off. */
  intervalMs: number;
  /** Write a JOB_RUN audit entry when a run changed something (jobs that change business state). */
  audited?: boolean;
  /** One run; `signal` is aborted at shutdown (a long run stops between items and releases what it holds). */
  run(signal: AbortSignal): Promise<JobResult | void>;
}

export type RunOutcome = 'ok' | 'failed' | 'skipped';

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<RunOutcome>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly jobs: Job[],
    private readonly options: { em: EntityManager; clock: Clock; metrics?: Metrics },
  ) {}

  /** Runs every job that is on at once, then each again its interval after its run ends. */
  start(): void {
    for (const job of this.jobs) if (job.intervalMs > 0) void this.loop(job);
  }

  private async loop(job: Job): Promise<void> {
    await this.run(job.name);
    if (this.stopping.signal.aborted) return;
    const timer = setTimeout(() => void this.loop(job), job.intervalMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  /** Runs a job now unless its previous run is still going ('skipped'); never throws. */
  run(name: string): Promise<RunOutcome> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}`);
    if (this.stopping.signal.aborted) return Promise.resolve('skipped');
    if (this.running.has(name)) {
      this.options.metrics?.jobRun(name, 'skipped');
      return Promise.resolve('skipped');
    }
    const run = this.execute(job).finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  private async execute(job: Job): Promise<RunOutcome> {
    const start = performance.now();
    try {
      const result = (await job.run(this.stopping.signal)) ?? {};
      const changes = Object.values(result).reduce((a, b) => a + b, 0);
      const seconds = (performance.now() - start) / 1000;
      this.options.metrics?.jobRun(job.name, 'ok', seconds, changes);
      if (changes) {
        logger.info({ job: job.name, ...result, ms: Math.round(seconds * 1000) }, 'job changed rows');
        if (job.audited) await this.audit(job.name, result).catch((err) => logger.error({ err, job: job.name }, 'job run not audited'));
      }
      return 'ok';
    } catch (err) {
      this.options.metrics?.jobRun(job.name, 'failed', (performance.now() - start) / 1000);
      logger.error({ err, job: job.name }, 'job failed');
      return 'failed';
    }
  }

  /** The run as a whole in the audit log (each changed row has its own history/audit entry, written with the change). */
  private async audit(job: string, result: JobResult): Promise<void> {
    const detail = Object.entries(result).filter(([, n]) => n).map(([k, n]) => `${k}=${n}`).join(' ');
    const em = this.options.em.fork();
    em.persist(Object.assign(new AuditLog(), { action: AuditAction.JOB_RUN, target: job, detail, at: this.options.clock.now() }));
    await em.flush();
  }

  /** Whether a run of the job is going now. */
  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /**
   * No further runs; running ones are told to stop between items and awaited. The caller bounds the wait (shutdown
   * gives up after SHUTDOWN_TIMEOUT_SECONDS).
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.running.values());
  }
}
