import { defineConfig } from 'vitest/config';

// Unit tests of the console's pure code (form → API input, line diff, certificate date rules): plain TypeScript in
// Node, no browser and no server. Independent of vite.config.ts on purpose: the build's plugins and proxy have
// nothing to do with these tests.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  test: {
    include: ['src/**/*.unit.test.ts'],
    environment: 'node',
  },
});
