import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../common/clock.js';

/** Verified tokens remembered per process (a console sends the same token all day). */
const VERIFIED_MAX = 10_000;

interface Verified {
  staffId: string;
  issuedAt: Date;
  /** The staff row's session generation at issue (absent in tokens issued before generations). */
  generation?: number;
  /** Expiry (ms): a remembered token is still checked against the clock. */
  exp: number;
}

/**
 * Staff session tokens: HS256 JWTs naming the staff id; the roles are read from the database per request. A token's
 * signature is checked once per process: verifying through WebCrypto cost about a tenth of a lookup's CPU; the expiry
 * is checked on every use, and revocation (sign-out, deactivation) is the staff row's session generation, read per request.
 */
export class TokenService {
  private readonly verified = new Map<string, Verified>();

  constructor(private readonly secret: Uint8Array, private readonly ttlSeconds: number, private readonly clock: Clock) {}

  issue(staffId: string, generation = 0): Promise<string> {
    // Millisecond issue time: sign-out revokes tokens issued before it, even within the same second.
    const ms = this.clock.now().getTime();
    const iat = Math.floor(ms / 1000);
    return new SignJWT({ iatMs: ms, gen: generation })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staffId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .setAudience('naccs-back-office')
      .sign(this.secret);
  }

  /** The staff id and issue time of a valid token, or undefined for an invalid or expired one. */
  async verify(token: string): Promise<{ staffId: string; issuedAt: Date; generation?: number } | undefined> {
    const now = this.clock.now();
    const known = this.verified.get(token);
    if (known) {
      if (now.getTime() < known.exp) return { staffId: known.staffId, issuedAt: known.issuedAt, generation: known.generation };
      this.verified.delete(token);
      return undefined;
    }
    try {
      const { payload } = await jwtVerify(token, this.secret, { audience: 'naccs-back-office', algorithms: ['HS256'], currentDate: now });
      const ms = typeof payload.iatMs === 'number' ? payload.iatMs : (payload.iat ?? 0) * 1000;
      if (!payload.sub || payload.exp === undefined) return undefined;
      // Oldest first out: a Map keeps insertion order.
      if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
      const generation = typeof payload.gen === 'number' ? payload.gen : undefined;
      const verified = { staffId: payload.sub, issuedAt: new Date(ms), generation, exp: payload.exp * 1000 };
      this.verified.set(token, verified);
      return { staffId: verified.staffId, issuedAt: verified.issuedAt, generation };
    } catch {
      return undefined;
    }
  }
}
