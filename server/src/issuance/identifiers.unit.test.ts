import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePassword } from '../common/secrets.js';
import {
  ALNUM, abbreviationCandidates, accessKey, billingCode, identNoCandidates, mailboxId, officeCode, poolAddresses, terminalName,
  userCodeCandidates,
} from './identifiers.js';

// The identifier formats of SPEC.md "Identifiers", checked on the generators alone (no database).

const take = <T>(gen: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const x of gen) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
};

const abbreviation = fc.stringMatching(/^[A-Z]{3}$/);
/** The values that do not match (an empty list when all do): one assertion for thousands of values. */
const misfits = (values: Iterable<string>, shape: RegExp): string[] => [...values].filter((v) => !shape.test(v));
/** Runs a random generator often enough that a rare wrong shape would show. */
const many = <T>(f: () => T, n = 2_000): T[] => Array.from({ length: n }, f);

describe('企業略称 (3 uppercase letters)', () => {
  it('starts with the initials of the English name, leaving out corporate noise words', () => {
    expect(take(abbreviationCandidates('Nippon Automated Cargo and Port Consolidated System, Inc.'), 1)).toEqual(['NAC']);
    expect(take(abbreviationCandidates('Toyo Kaiun Co., Ltd.'), 3)).toEqual(['TOY', 'TKA', 'TOK']);
    expect(take(abbreviationCandidates('Kabushiki Kaisha Sakura Logistics'), 1)).toEqual(['SAK']);
  });

  it('yields only distinct 3-letter uppercase candidates, whatever the name (also none, Japanese, digits only)', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '東洋海運', '123', 'Co. Ltd.', 'A B'))), (name) => {
        const candidates = take(abbreviationCandidates(name ?? undefined), 40);
        expect(candidates).toHaveLength(40);
        expect(misfits(candidates, /^[A-Z]{3}$/)).toEqual([]);
        expect(new Set(candidates).size).toBe(candidates.length);
      }),
      { numRuns: 200 },
    );
  });

  it('tries the first letters of the first word, then its initial with the second word', () => {
    const [first, second] = take(abbreviationCandidates('Zeta Quux'), 2);
    expect(first).toBe('ZET');
    expect(second).toBe('ZQU');
  });
});

describe('事業所コード (企業略称 + 3 digits)', () => {
  it('pads the office number to 3 digits after the abbreviation', () => {
    expect(officeCode('NAC', 1)).toBe('NAC001');
    expect(officeCode('NAC', 42)).toBe('NAC042');
    expect(officeCode('NAC', 999)).toBe('NAC999');
  });

  it('round-trips the number for every office 1–999', () => {
    fc.assert(
      fc.property(abbreviation, fc.integer({ min: 1, max: 999 }), (abbr, n) => {
        const code = officeCode(abbr, n);
        expect(code).toMatch(/^[A-Z]{3}\d{3}$/);
        expect(code.slice(0, 3)).toBe(abbr);
        expect(Number(code.slice(3))).toBe(n);
      }),
    );
  });
});

describe('利用者コード (2-character 営業所コード [0-9A-Z] + 企業略称)', () => {
  it('begins 1A, 1B, … and covers every 営業所コード exactly once', () => {
    const all = [...userCodeCandidates('NAC')];
    expect(all.slice(0, 3)).toEqual(['1ANAC', '1BNAC', '1CNAC']);
    expect(all).toHaveLength(36 * 36);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all.map((c) => c.slice(0, 2)))).toEqual(new Set([...ALNUM].flatMap((a) => [...ALNUM].map((b) => a + b))));
  });

  it('is always 5 characters ending with the abbreviation', () => {
    fc.assert(
      fc.property(abbreviation, (abbr) => {
        const codes = take(userCodeCandidates(abbr), 100);
        expect(misfits(codes, new RegExp(`^[0-9A-Z]{2}${abbr}$`))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('識別番号 (3 characters; last a letter for netNACCS, a digit for 一般NACCS; Y… only for SMTP双方向)', () => {
  it('starts with the examples of the specification', () => {
    expect(identNoCandidates(true, false).next().value).toBe('A0A');
    expect(identNoCandidates(false, false).next().value).toBe('A01');
    expect(identNoCandidates(false, true).next().value).toBe('YA1');
  });

  it.each([
    [true, false],
    [false, false],
    [true, true],
    [false, true],
  ])('net=%s smtp=%s: every candidate has the right shape and none repeats', (net, smtp) => {
    const all = [...identNoCandidates(net, smtp)];
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    expect(misfits(all, new RegExp(`^${smtp ? 'Y' : '[0-9A-XZ]'}[0-9A-Z]${net ? '[A-Z]' : '[0-9]'}$`))).toEqual([]);
  });

  it('never gives a netNACCS and a 一般NACCS ID the same number', () => {
    const net = new Set(identNoCandidates(true, false));
    expect([...identNoCandidates(false, false)].filter((id) => net.has(id))).toEqual([]);
  });
});

describe('random identifiers', () => {
  it('論理端末名: 5 digits + W (net/web) or C (一般NACCS terminal)', () => {
    for (const general of [true, false]) {
      const names = many(() => terminalName(general));
      expect(misfits(names, general ? /^\d{5}C$/ : /^\d{5}W$/)).toEqual([]);
      // Random, not a constant: 2,000 draws from 100,000 numbers are not all equal.
      expect(new Set(names).size).toBeGreaterThan(1_000);
    }
  });

  it('端末アクセスキー: 13 digits', () => {
    const keys = many(accessKey);
    expect(misfits(keys, /^\d{13}$/)).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    // Every digit shows up in every position at some point (leading zeros included).
    for (let pos = 0; pos < 13; pos++) expect(new Set(keys.map((k) => k[pos])).size).toBe(10);
  });

  it('請求先コード: 7 digits', () => {
    const codes = many(billingCode);
    expect(misfits(codes, /^\d{7}$/)).toEqual([]);
    expect(new Set(codes.map((c) => c[0])).size).toBe(10);
  });

  it('passwords (利用者, 事業所, mailbox): 8 of [A-Z0-9] with at least one uppercase letter and one digit', () => {
    const passwords = many(() => issuePassword());
    expect(misfits(passwords, /^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{8}$/)).toEqual([]);
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('passwords of other lengths keep the rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 32 }), (length) => {
        const p = issuePassword(length);
        expect(p).toHaveLength(length);
        expect(p).toMatch(/^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]+$/);
      }),
    );
  });
});

describe('メールボックスID (事業所コード + 2-digit serial)', () => {
  it('pads the serial to 2 digits', () => {
    expect(mailboxId('NAC001', 1)).toBe('NAC00101');
    expect(mailboxId('NAC001', 12)).toBe('NAC00112');
  });

  it('round-trips the serial 1–99 after the office code', () => {
    fc.assert(
      fc.property(abbreviation, fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 }), (abbr, office, n) => {
        const code = officeCode(abbr, office);
        const id = mailboxId(code, n);
        expect(id).toMatch(/^[A-Z]{3}\d{5}$/);
        expect(id.slice(0, 6)).toBe(code);
        // IssuanceService reads the serial back with slice(6).
        expect(Number(id.slice(6))).toBe(n);
      }),
    );
  });
});

describe('line address pool (IP_POOL)', () => {
  it('yields the host addresses in order, without network and broadcast', () => {
    expect([...poolAddresses('10.200.0.0/30')]).toEqual(['10.200.0.1', '10.200.0.2']);
    expect([...poolAddresses('192.168.1.0/29')]).toEqual(['192.168.1.1', '192.168.1.2', '192.168.1.3', '192.168.1.4', '192.168.1.5', '192.168.1.6']);
    const wide = [...poolAddresses('10.200.0.0/16')];
    expect(wide).toHaveLength(65_534);
    expect(wide[0]).toBe('10.200.0.1');
    expect(wide[255]).toBe('10.200.1.0');
    expect(wide.at(-1)).toBe('10.200.255.254');
  });

  it('has 2^(32-bits) - 2 distinct addresses inside the network', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), fc.integer({ min: 20, max: 30 }), (octets, bits) => {
        const start = octets.reduce((n, o) => n * 256 + o, 0);
        const network = start - (start % 2 ** (32 - bits));
        const base = [24, 16, 8, 0].map((s) => (network >>> s) & 255).join('.');
        const all = [...poolAddresses(`${base}/${bits}`)];
        expect(all).toHaveLength(2 ** (32 - bits) - 2);
        expect(new Set(all).size).toBe(all.length);
        for (const a of [all[0]!, all.at(-1)!]) {
          const n = a.split('.').reduce((x, o) => x * 256 + Number(o), 0);
          expect(n).toBeGreaterThan(network);
          expect(n).toBeLessThan(network + 2 ** (32 - bits) - 1);
        }
      }),
      { numRuns: 50 },
    );
  });
});
