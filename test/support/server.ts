import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The instant the product under test runs as of (its NOW): the demo is seeded as of it, and the console's "today"
 * follows it (the server tells the console at sign-in), so the browser tests pass on any date. TEST_NOW moves it
 * (`now`: the machine's clock, e.g. under faketime).
 */
export const PRODUCT_NOW = !process.env.TEST_NOW ? '2026-12-24T10:00:00+09:00'
  : process.env.TEST_NOW === 'now' ? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString() // this machine's (possibly faketime'd) clock
  : process.env.TEST_NOW;

/** Today in Japan (YYYY-MM-DD) for the product under test: the day of PRODUCT_NOW. */
export const productToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(PRODUCT_NOW));

export interface StartedProduct {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The Node flags `pnpm start` runs the server with (server/package.json's start script: source maps, the heap's
 * bounds), so the tests and benchmarks run the product as it runs.
 */
export function startNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(repoRoot, 'server', 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = / node ((?:--[\w-]+(?:=\S+)? )*)dist\/server\/src\/main\.js/.exec(start)?.[1];
  if (flags === undefined) throw new Error(`server/package.json の start から Node のフラグを読めません: ${start}`);
  return flags.split(' ').filter(Boolean);
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** The compiled server `pnpm start` runs (built by `pnpm --filter @naccs/server build`, which this package's test runs first). */
export const SERVER_MAIN = join(repoRoot, 'server', 'dist', 'server', 'src', 'main.js');

/**
 * Runs the product the way `pnpm start` does (the compiled server: embedded PostgreSQL, migrations, demo data,
 * the built console), in a data folder of its own, and waits for it to answer.
 */
export async function startProduct(
  name: string,
  options: { env?: Record<string, string>; keepData?: boolean; pgPort?: number; nodeArgs?: string[] } = {},
): Promise<StartedProduct & { child: ChildProcess; pgPort: number }> {
  const dataDir = join(repoRoot, '.data', name);
  if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const pgPort = options.pgPort ?? (await freePort());
  let out = '';
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} がありません: pnpm --filter @naccs/server build`);
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...startNodeFlags(), SERVER_MAIN], {
    cwd: join(repoRoot, 'server'),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: '', NOW: PRODUCT_NOW, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    pgPort,
    url,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
