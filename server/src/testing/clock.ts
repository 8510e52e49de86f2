import { inject } from 'vitest';
import { installClock, type Clock } from '../common/clock.js';
import { clockFor } from './instant.js';

export { DEFAULT_TEST_NOW } from './instant.js';

/** This test file's clock, from the run's instant (TEST_NOW, provided by globalSetup); also the process's clock. */
export const testClock: Clock = clockFor(inject('testNow'));
installClock(testClock);
