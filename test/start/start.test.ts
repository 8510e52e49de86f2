import { describe, expect, it } from 'vitest';
import { startProduct } from '../support/server.js';

describe('pnpm start (server/src/main.ts)', () => {
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
