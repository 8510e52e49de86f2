import { SignJWT, jwtVerify } from 'jose';

/** Staff session tokens: HS256 JWTs naming the staff id; the roles are read from the database per request. */
export class TokenService {
  constructor(private readonly secret: Uint8Array, private readonly ttlSeconds: number) {}

  issue(staffId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staffId)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .setAudience('naccs-back-office')
      .sign(this.secret);
  }

  /** The staff id of a valid token, or undefined for an invalid or expired one. */
  async verify(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { audience: 'naccs-back-office', algorithms: ['HS256'] });
      return payload.sub;
    } catch {
      return undefined;
    }
  }
}
