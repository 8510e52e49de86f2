// The server as operators run it: `src/main.ts` in a child process of its own, configured by environment variables,
// its JSON log lines collected. For what only a real process shows: refusing a configuration, signals, request logs,
// several processes on one database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import { TEST_DATA_DIR, TEST_SECRET_KEY } from './constants.js';

export const TEST_TOKEN_SECRET = 'test-token-secret-of-32-bytes-min';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines so far. */
  logs(): Array<Record<string, any>>;
  /** Waits for a log line that satisfies `test` (fails when the process exits first). */
  waitForLog(test: (line: Record<string, any>) => boolean, what: string): Promise<Record<string, any>>;
  /** The exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends the signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

/** Runs src/main.ts with the test secrets and `env`; returns once it has started (or exited). */
function launch(env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'server'),
    env: {
      ...process.env, VITEST: '', NODE_ENV: 'production', PORT: String(port), SECRET_KEY: TEST_SECRET_KEY, TOKEN_SECRET: TEST_TOKEN_SECRET,
      DATA_DIR: TEST_DATA_DIR, LOG_LEVEL: 'info', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  const take = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of waiters) w();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  // 'close': after the exit and the last of its output.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => {
    resolve(code);
    for (const w of waiters) w();
  }));
  return { child, output: () => out, exited, waiters };
}

const parseLines = (text: string) => text.split('\n').flatMap((l) => {
  if (!l.startsWith('{')) return [];
  try {
    return [JSON.parse(l) as Record<string, any>];
  } catch {
    return [];
  }
});

/** Runs a server to its exit (a configuration it refuses): the exit code and what it wrote. */
export async function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const p = launch(env, await freePort());
  const code = await p.exited;
  return { code, output: p.output() };
}

/** Starts a server process and waits until /readyz says it is ready (a busy machine may take minutes under tsx). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const p = launch(env, port);
  const url = `http://127.0.0.1:${port}`;
  let code: number | null | undefined;
  void p.exited.then((c) => (code = c === null ? -1 : c));
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (code !== undefined || i > 720) {
      p.child.kill('SIGKILL');
      throw new Error(`the server process did not become ready (exit ${code}):\n${p.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const logs = () => parseLines(p.output());
  return {
    url,
    child: p.child,
    output: p.output,
    logs,
    exited: p.exited,
    waitForLog: (test, what) => new Promise((resolve, reject) => {
      const check = () => {
        const found = logs().find(test);
        if (found) {
          p.waiters.delete(check);
          resolve(found);
        } else if (p.child.exitCode !== null) {
          p.waiters.delete(check);
          reject(new Error(`the server exited before logging ${what}:\n${p.output().slice(-3000)}`));
        }
      };
      p.waiters.add(check);
      check();
    }),
    async stop(signal = 'SIGTERM') {
      if (p.child.exitCode === null) p.child.kill(signal);
      return p.exited;
    },
  };
}
