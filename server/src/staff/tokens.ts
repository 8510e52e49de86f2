import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../common/clock.js';

/** Staff session tokens: HS256 JWTs naming the staff id; the roles are read from the database per request. */
export class TokenService {
  constructor(private readonly secret: Uint8Array, private readonly ttlSeconds: number, private readonly clock: Clock) {}

  issue(staffId: string): Promise<string> {
    // Millisecond issue time: sign-out revokes tokens issued before it, even within the same second.
    const ms = this.clock.now().getTime();
    const iat = Math.floor(ms / 1000);
    return new SignJWT({ iatMs: ms })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staffId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .setAudience('naccs-back-office')
      .sign(this.secret);
  }

  /** The staff id and issue time of a valid token, or undefined for an invalid or expired one. */
  async verify(token: string): Promise<{ staffId: string; issuedAt: Date } | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { audience: 'naccs-back-office', algorithms: ['HS256'], currentDate: this.clock.now() });
      const ms = typeof payload.iatMs === 'number' ? payload.iatMs : (payload.iat ?? 0) * 1000;
      return payload.sub ? { staffId: payload.sub, issuedAt: new Date(ms) } : undefined;
    } catch {
      return undefined;
    }
  }
}
