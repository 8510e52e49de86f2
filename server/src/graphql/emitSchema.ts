// `pnpm schema:emit`: writes server/schema.graphql, the committed contract integrators rely on. With --check it only
// compares (exit 1 on a difference): the compiled server, built with decorator metadata, must print the same SDL.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import { printSchemaSdl } from './sdl.js';

const file = join(repoRoot, 'server', 'schema.graphql');
const sdl = await printSchemaSdl();
if (process.argv.includes('--check')) {
  const same = readFileSync(file, 'utf8') === sdl;
  console.log(same ? `${file}: unchanged` : `${file}: differs from the schema this build prints`);
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}
