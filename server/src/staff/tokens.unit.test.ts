import { describe, expect, it } from 'vitest';
import { TokenService } from './tokens.js';

describe('session tokens', () => {
  it('a token verified once is remembered, yet still expires on the clock; a tampered one never passes', async () => {
    let now = Date.parse('2027-01-07T01:00:00Z');
    const tokens = new TokenService(new TextEncoder().encode('a-test-secret-of-at-least-32-bytes!!'), 3600, { now: () => new Date(now) });
    const token = await tokens.issue('3f1c9a52-2f8e-4a3b-9a55-0b8d1c2e4f60');
    expect(await tokens.verify(token)).toEqual({ staffId: '3f1c9a52-2f8e-4a3b-9a55-0b8d1c2e4f60', issuedAt: new Date(now), generation: 0 });
    expect((await tokens.verify(await tokens.issue('3f1c9a52-2f8e-4a3b-9a55-0b8d1c2e4f60', 3)))?.generation).toBe(3);
    now += 3599_000;
    expect((await tokens.verify(token))?.staffId).toBe('3f1c9a52-2f8e-4a3b-9a55-0b8d1c2e4f60');
    now += 1_000;
    expect(await tokens.verify(token)).toBeUndefined();
    const [head, body, signature] = token.split('.');
    const forged = `${head}.${body}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    now -= 10_000;
    expect(await tokens.verify(forged)).toBeUndefined();
  });
});
