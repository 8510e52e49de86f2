import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../common/enums.js';
import type { Services } from '../graphql/services.js';
import type { SessionRow } from './sessions.js';
import { Staff } from './Staff.js';
import type { ApiKey } from './security.js';
import { isApiKey, verifyApiKey } from './apiKeys.js';
import { audit } from './audit.js';
import { boundRead } from '../db/prepared.js';
import { AuditAction } from '../common/enums.js';

const BEARER = /^Bearer\s+(.+)$/i;
/** A key's use is audited, and its lastUsedAt moved, at most this often (every request would flood the log). */
const KEY_USE_AUDIT_MS = 60_000;

export interface Principal {
  /** The signed-in staff member's id; the entity itself is made on first use (most reads never need it). */
  staffId?: string;
  staff?: () => Staff;
  apiKey?: ApiKey;
  roles: Role[];
}

/**
 * Who is calling: a staff session token (valid, not expired, not revoked by sign-out, account active) or an
 * integrator API key (not revoked, not expired). Anything else is anonymous.
 */
export async function authenticate(em: EntityManager, services: Pick<Services, 'tokens' | 'clock' | 'sessions'>, authorization: string | undefined, ip?: string): Promise<Principal> {
  const { tokens, clock, sessions } = services;
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) return { roles: [] };
  if (isApiKey(token)) {
    const now = clock.now();
    const key = await verifyApiKey(em, token, now);
    if (!key) return { roles: [] };
    // Use is recorded (audit and lastUsedAt) at most once a minute: a read costs no write.
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > KEY_USE_AUDIT_MS) {
      audit(em, { action: AuditAction.API_KEY_USE, apiKey: key, target: key.name, ip });
      key.lastUsedAt = now;
      await em.flush();
    }
    return { apiKey: key, roles: key.roles };
  }
  const session = await tokens.verify(token);
  if (!session) return { roles: [] };
  // The session's staff row: remembered until a change of it is heard (sessions.ts), else read by a prepared statement.
  let row = sessions.get(session.staffId);
  if (!row) {
    const mark = sessions.mark();
    [row] = await boundRead<SessionRow>(em, 'select * from "staff" where "id" = ? and "active"', [session.staffId]);
    if (row) sessions.remember(row, mark);
  }
  if (!row || revoked(session, row)) return { roles: [] };
  const found = row;
  // A copy: the remembered row is shared by requests, and mapping may convert values in place.
  return { staffId: found.id, staff: () => em.map(Staff, { ...found }), roles: found.roles as Role[] };
}

/** A token of an ended session: another generation, or (tokens from before generations) issued before the sign-out. */
function revoked(session: { issuedAt: Date; generation?: number }, row: SessionRow): boolean {
  if (session.generation !== undefined) return session.generation !== Number(row.session_generation ?? 0);
  const validAfter = row.tokens_valid_after as Date | string | null | undefined;
  return !!validAfter && session.issuedAt.getTime() <= new Date(validAfter).getTime();
}
