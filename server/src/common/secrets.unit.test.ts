import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretBox, randomFrom } from './secrets.js';

describe('SecretBox (AES-256-GCM sealing of issued passwords and auth codes)', () => {
  const box = new SecretBox(Buffer.alloc(32, 7));

  it('opens what it sealed, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (plain) => {
        const sealed = box.seal(plain);
        expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/);
        expect(box.open(sealed)).toBe(plain);
      }),
    );
  });

  it('never shows the plain text and seals the same text differently each time', () => {
    const a = box.seal('8A8A8A8A');
    const b = box.seal('8A8A8A8A');
    expect(a).not.toBe(b);
    expect(a).not.toContain('8A8A8A8A');
  });

  it('refuses another key, a tampered text and unknown formats', () => {
    const sealed = box.seal('ZZZZZZZZ');
    expect(() => new SecretBox(Buffer.alloc(32, 8)).open(sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => box.open('ZZZZZZZZ')).toThrow(/unknown secret format/);
    expect(() => box.open(`v2.${sealed.slice(3)}`)).toThrow(/unknown secret format/);
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('randomFrom', () => {
  it('draws only from the alphabet, at the asked length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(64), (alphabet, length) => {
        const s = randomFrom(alphabet, length);
        expect(s).toHaveLength(length);
        for (const ch of s) expect(alphabet).toContain(ch);
      }),
    );
  });
});
