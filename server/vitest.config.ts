import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node resolves graphql to its CommonJS build (type-graphql requires it); Vite would pick the .mjs build and
  // leave two graphql realms in one process. Pin the CommonJS entry for tests too.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/testing/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
