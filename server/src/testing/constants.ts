import { join } from 'node:path';
import { repoRoot } from '../config.js';

/** The demo accounts' password in tests. */
export const DEMO_PASSWORD = 'test-demo-password';
/** The AES key the demo template's secrets are sealed with (base64). */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

/** The tests' data folder (their certificate authority): never the product's `.data`, which `pnpm start` uses. */
export const TEST_DATA_DIR = join(repoRoot, '.data', 'test');
