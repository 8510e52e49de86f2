// `pnpm schema:emit`: writes server/schema.graphql, the committed contract integrators rely on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import { printSchemaSdl } from './sdl.js';

const file = join(repoRoot, 'server', 'schema.graphql');
writeFileSync(file, await printSchemaSdl());
console.log(`wrote ${file}`);
