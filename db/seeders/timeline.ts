// The demo's timeline: every step (a service call at its instant) in the order of its instants. Steps that touch
// the same things (an application, an office's contract, the receipt counter, the identifiers new offices draw
// from) run one after the other in that order; steps that touch nothing in common run side by side, so the
// database works while Node builds the next request. A job run is a barrier: it sees every step before it and
// none after it. The outcome does not depend on how the steps interleave.
import { AsyncLocalStorage } from 'node:async_hooks';

const instant = new AsyncLocalStorage<number>();

/** Runs `fn` as of instant `at`: stepInstant() answers `at` inside it, through every await. */
export const asOf = <T>(at: number, fn: () => Promise<T>): Promise<T> => instant.run(at, fn);

/** The instant of the step running in this async context (undefined outside the timeline). */
export const stepInstant = (): number | undefined => instant.getStore();

export interface Step {
  at: number;
  seq: number;
  label: string;
  resources: readonly string[];
  barrier: boolean;
  run: () => Promise<void>;
}

export class Timeline {
  private readonly steps: Step[] = [];
  private seq = 0;

  /** A step at instant `at` (ms) that must follow every earlier step sharing one of `resources`. */
  add(at: number, resources: readonly string[], label: string, run: () => Promise<void>): void {
    this.steps.push({ at, seq: this.seq++, label, resources, barrier: false, run });
  }

  /** A step at `at` after every earlier step and before every later one (the jobs). */
  barrier(at: number, label: string, run: () => Promise<void>): void {
    this.steps.push({ at, seq: this.seq++, label, resources: [], barrier: true, run });
  }

  get size(): number {
    return this.steps.length;
  }

  /** Runs the steps in the order of their instants, at most `concurrency` at once; the first failure stops it. */
  async run(concurrency: number): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.at - b.at || a.seq - b.seq);
    const tails = new Map<string, Promise<void>>();
    let since: Array<Promise<void>> = [];
    let fence: Promise<void> = Promise.resolve();
    let failure: { error: unknown; step: Step } | undefined;
    let running = 0;
    const waiting: Array<() => void> = [];
    const slot = (): Promise<void> => {
      if (running < concurrency) {
        running++;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    };
    const release = () => {
      const next = waiting.shift();
      if (next) next();
      else running--;
    };
    const attempt = async (step: Step) => {
      if (failure) return;
      try {
        await asOf(step.at, step.run);
      } catch (error) {
        failure ??= { error, step };
      }
    };
    const all: Array<Promise<void>> = [];
    for (const step of ordered) {
      if (step.barrier) {
        const before = Promise.all(since);
        fence = before.then(() => attempt(step));
        since = [fence];
        tails.clear();
        all.push(fence);
        continue;
      }
      const after = [fence, ...step.resources.map((r) => tails.get(r)).filter((p): p is Promise<void> => !!p)];
      const done = Promise.all(after).then(async () => {
        await slot();
        try {
          await attempt(step);
        } finally {
          release();
        }
      });
      for (const r of step.resources) tails.set(r, done);
      since.push(done);
      all.push(done);
    }
    await Promise.all(all);
    if (failure) {
      const { error, step } = failure;
      const at = new Date(step.at).toISOString();
      throw Object.assign(new Error(`demo step "${step.label}" at ${at} failed: ${(error as Error)?.message ?? error}`), { cause: error });
    }
  }
}
