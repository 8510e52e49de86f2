import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'artifacts/**'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
    // What the console shows after a debounced search or a server round trip, polled for up to 15 s (vitest's 1 s
    // default failed on a CI machine at load 10: a count seen 320 instead of 1 while the request was in flight).
    expect: { poll: { timeout: 15_000 } },
  },
});
