// The one source of business time. Services, jobs and the seeder are given a Clock; nothing else under server/src or
// db/ reads the wall clock (clock.unit.test.ts fails when something does), so a test, a demo or a support reproduction can
// run the whole product as of any instant.

export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that shows `start` now and keeps ticking from there (NOW=…, tests run as of an instant). */
export function clockFrom(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** A clock that always shows `at` (a job run or a rule checked at one instant). */
export function fixedClock(at: Date | string | number): Clock {
  const ms = new Date(at).getTime();
  return { now: () => new Date(ms) };
}

/** An ISO 8601 instant with its offset (2027-01-07T10:00:00+09:00), or undefined when it is not one. */
export function parseInstant(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The clock NOW asks for: absent or empty → the real time; an ISO instant → that instant, ticking. */
export function clockFromEnv(value: string | undefined): Clock {
  if (!value) return systemClock;
  const start = parseInstant(value);
  if (!start) throw new Error(`NOW must be an ISO 8601 instant with its offset (e.g. 2027-01-07T10:00:00+09:00), not "${value}"`);
  return clockFrom(start);
}

// The process's clock. Entities stamp their creation time from it (a constructor cannot be handed a clock); main.ts
// and the test setup install the configured clock before any entity is made.
let processClock: Clock = systemClock;

export function installClock(clock: Clock): void {
  processClock = clock;
}

/** The installed process clock (the demo seeder puts it back after stamping each step with the step's instant). */
export function installedClock(): Clock {
  return processClock;
}

/** The current instant of the process's clock (entity defaults only; services use the clock they were given). */
export function currentTime(): Date {
  return processClock.now();
}
