import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (memory 19 MiB, 2 iterations), per OWASP's minimum.
export const hashPassword = (password: string): Promise<string> => hash(password);

let verifications = 0;
/** argon2 verifications run by this process (a sign-in test checks that an unknown account costs one too). */
export const argon2Verifications = (): number => verifications;

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password with the same parameters: what an unknown account is verified against. */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(18).toString('base64url')));
