import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (src/**/*.unit.test.ts) is pure code and runs in milliseconds without a database;
// `db` (every other src/**/*.test.ts) runs against the embedded (or TEST_DATABASE_URL) PostgreSQL that its
// globalSetup starts, migrates and seeds. `vitest run` runs both; `vitest run --project unit` only the fast one
// (the db project's globalSetup does not run then).
export default defineConfig({
  // Node resolves graphql to its CommonJS build (type-graphql requires it); Vite would pick the .mjs build and
  // leave two graphql realms in one process. Pin the CommonJS entry for tests too (both projects inherit it).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts'],
          // Pure code shares no state worth isolating: one module graph per worker thread saves a fork and the
          // imports (type-graphql, Apollo, x509) per file — most of this project's wall time.
          pool: 'threads',
          isolate: false,
          // Projects with different pools/maxWorkers run as separate groups: the fast one first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/**/*.unit.test.ts'],
          globalSetup: ['src/testing/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
