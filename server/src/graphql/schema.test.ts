import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { printSchemaSdl } from './sdl.js';

describe('schema.graphql', () => {
  it('matches the schema the resolvers build (run `pnpm schema:emit` after changing the API)', async () => {
    const committed = readFileSync(join(repoRoot, 'server', 'schema.graphql'), 'utf8');
    expect(await printSchemaSdl()).toBe(committed);
  });

  it('keeps the contract names integrators rely on', async () => {
    const sdl = await printSchemaSdl();
    for (const name of ['me: Staff!', 'login(email: String!, password: String!): LoginResult!', 'totalCount: Int!']) {
      expect(sdl).toContain(name);
    }
    expect(sdl).toMatch(/application\(id: ID, receiptNo: String\): Application!/);
    expect(sdl).toMatch(/applications\(filter: ApplicationFilter, limit: Int! = 25, offset: Int! = 0, sort: ApplicationSort\): ApplicationPage!/);
  });
});
