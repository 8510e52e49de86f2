import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../common/clock.js';
import { testClock } from '../testing/clock.js';
import { startTestServer, type TestServer } from '../testing/server.js';

// NOW pins a server's business time (README): the console learns it at sign-in and takes its "today" from it.
const PINNED = new Date(testClock.now().getTime() + 400 * 86_400_000);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock: clockFrom(PINNED) });
});
afterAll(async () => server?.close());

describe('business time', () => {
  it('sign-in tells the console the server\'s business time, which keeps ticking from the pinned instant', async () => {
    const LOGIN = 'mutation { login(email: "reviewer@example.jp", password: "test-demo-password") { token businessTime } }';
    const first = (await server.gql(LOGIN)).data!.login;
    const at = Date.parse(first.businessTime);
    expect(Math.abs(at - PINNED.getTime())).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 30));
    const second = Date.parse((await server.gql(LOGIN)).data!.login.businessTime);
    expect(second).toBeGreaterThan(at);
    // The session token is valid on the server's clock, even 400 days away from the machine's.
    expect((await server.gql('{ me { email } }', {}, first.token)).data!.me.email).toBe('reviewer@example.jp');
  });
});
