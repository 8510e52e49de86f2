import { randomInt } from 'node:crypto';
import { randomFrom } from '../common/secrets.js';

// Generators of the identifier formats of SPEC.md. Each yields candidates in order; the caller skips the ones
// already taken (and the database's UNIQUE constraints are the last word).

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = DIGITS + LETTERS;
const NOISE = new Set(['CO', 'LTD', 'INC', 'CORP', 'KK', 'THE', 'AND', 'OF', 'CORPORATION', 'COMPANY', 'LIMITED', 'KABUSHIKI', 'KAISHA', 'GK', 'YK']);

/** 企業略称 candidates (3 uppercase letters) from the company's English/romaji name: initials, then its letters. */
export function* abbreviationCandidates(nameEn: string | undefined): Generator<string> {
  const words = (nameEn ?? '').toUpperCase().split(/[^A-Z]+/).filter((w) => w && !NOISE.has(w));
  const seen = new Set<string>();
  const emit = function* (c: string) {
    if (/^[A-Z]{3}$/.test(c) && !seen.has(c)) {
      seen.add(c);
      yield c;
    }
  };
  if (words.length >= 3) yield* emit(words.slice(0, 3).map((w) => w[0]).join(''));
  const first = words[0] ?? '';
  yield* emit(first.slice(0, 3));
  if (words.length >= 2) yield* emit(`${first[0] ?? ''}${words[1]!.slice(0, 2)}`);
  if (words.length >= 2) yield* emit(`${first.slice(0, 2)}${words[1]![0]}`);
  const consonants = first.replace(/[AEIOU]/g, '');
  yield* emit(`${first[0] ?? ''}${consonants.slice(1, 3)}`);
  const letters = words.join('');
  for (let i = 1; i < letters.length; i++) for (let j = i + 1; j < letters.length; j++) yield* emit(`${letters[0]}${letters[i]}${letters[j]}`);
  for (;;) yield* emit(randomFrom(LETTERS, 3));
}

/** 事業所コード: 企業略称 + 3 digits, the next number of the company. */
export const officeCode = (abbreviation: string, n: number): string => `${abbreviation}${String(n).padStart(3, '0')}`;

/** 利用者コード candidates: 2-character 営業所コード [0-9A-Z] + 企業略称 (1A, 1B, … 2A …). */
export function* userCodeCandidates(abbreviation: string): Generator<string> {
  for (const a of DIGITS.slice(1) + LETTERS + '0') for (const b of LETTERS + DIGITS) yield `${a}${b}${abbreviation}`;
}

/**
 * 識別番号 candidates within one 利用者コード: the last character is a letter for netNACCS and a digit for 一般NACCS
 * (seed 004); SMTP双方向 IDs for Cyber Port begin with Y (seed 000), and only they do.
 */
export function* identNoCandidates(net: boolean, smtpBidirectional: boolean): Generator<string> {
  const lasts = net ? LETTERS : '1234567890';
  const firsts = smtpBidirectional ? 'Y' : LETTERS.replace('Y', '');
  const seconds = smtpBidirectional ? LETTERS : DIGITS;
  for (const a of firsts) for (const b of seconds) for (const c of lasts) yield `${a}${b}${c}`;
}

/** 論理端末名: 5 digits + W (netNACCS/webNACCS/ebMS) or C (一般NACCS terminal). */
export const terminalName = (general: boolean): string => `${String(randomInt(0, 100_000)).padStart(5, '0')}${general ? 'C' : 'W'}`;

/** 端末アクセスキー: 13 digits. */
export const accessKey = (): string => randomFrom(DIGITS, 13);

/** 請求先コード: 7 digits. */
export const billingCode = (): string => randomFrom(DIGITS, 7);

/** メールボックスID: 事業所コード + 2-digit serial. */
export const mailboxId = (officeCode: string, n: number): string => `${officeCode}${String(n).padStart(2, '0')}`;

/** Host addresses of an IPv4 CIDR pool, in order (network and broadcast addresses excluded). */
export function* poolAddresses(cidr: string): Generator<string> {
  const [base, bits] = cidr.split('/');
  const start = base!.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  for (let i = 1; i < size - 1; i++) {
    const n = start + i;
    yield [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
  }
}

export { ALNUM };
