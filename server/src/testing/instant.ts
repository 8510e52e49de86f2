// The instant the test run is as of. Tests never read the wall clock for business time: the demo template is seeded
// as of this instant, every test server and service runs on this clock, and every date a test needs is derived from it
// and the business calendar (testing/dates.ts). TEST_NOW moves the whole run: an ISO instant, or `now` for the wall
// clock (CI runs the suite once more under faketime that way, so a date-bound test cannot land).
import { clockFrom, parseInstant, systemClock, type Clock } from '../common/clock.js';

/** The default instant: a Thursday morning in Japan, a week before the year-end closure. */
export const DEFAULT_TEST_NOW = '2026-12-24T10:00:00+09:00';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's instant (ISO), or 'now' when the run follows the wall clock. */
    testNow: string;
  }
}

/** TEST_NOW as the run's instant: 'now' (wall clock) or an ISO instant; the default when absent. */
export function testNowSetting(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.TEST_NOW?.trim() || DEFAULT_TEST_NOW;
  if (value !== 'now' && !parseInstant(value)) throw new Error(`TEST_NOW must be "now" or an ISO instant with its offset, not "${value}"`);
  return value;
}

/** A clock for a setting: the wall clock for 'now', else the instant, ticking from when it is made. */
export function clockFor(setting: string): Clock {
  return setting === 'now' ? systemClock : clockFrom(parseInstant(setting)!);
}
