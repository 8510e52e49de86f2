// X-Forwarded-For is believed only from the proxies TRUST_PROXY names: by default no client chooses the address the
// audit log records and sign-in throttling counts (both take the request's address, req.ip).
import 'reflect-metadata';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env.TRUST_PROXY;
});

/** A failed sign-in claiming to come from `forwarded`; the address its LOGIN_FAILED entry records. */
async function recordedAddress(s: TestServer, forwarded: string): Promise<string | undefined> {
  const email = `nobody.${forwarded.replace(/\W/g, '-')}@example.jp`;
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
    body: JSON.stringify({ query: 'mutation($e: String!) { login(email: $e, password: "wrong-password-1") { token } }', variables: { e: email } }),
  });
  expect(((await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const rows = await s.orm.em.getConnection().execute<Array<{ ip: string }>>(`select ip from audit_log where action = 'LOGIN_FAILED' and target = ?`, [email]);
  return rows[0]?.ip;
}

describe('the caller\'s address', () => {
  it('is the peer\'s by default: a forged X-Forwarded-For is not what the audit log records', async () => {
    server = await startTestServer({ demo: false });
    expect(await recordedAddress(server, '203.0.113.7')).toBe('127.0.0.1');
  });

  it('is the forwarded one when the peer is a proxy TRUST_PROXY names', async () => {
    process.env.TRUST_PROXY = '127.0.0.1';
    server = await startTestServer({ demo: false });
    expect(await recordedAddress(server, '203.0.113.7')).toBe('203.0.113.7');
    // Only the last hop the trusted proxy saw counts: an address the client put in front is not.
    expect(await recordedAddress(server, '198.51.100.1, 203.0.113.8')).toBe('203.0.113.8');
  });
});
