import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../common/enums.js';
import type { Staff } from '../staff/Staff.js';
import type { ApiKey } from '../staff/security.js';
import type { Actor } from '../review/history.js';
import type { Services } from './services.js';
import type { Principal } from '../staff/authentication.js';

/** Per-request context: a forked EntityManager, the signed-in principal and the services. */
export interface Context {
  em: EntityManager;
  /** The signed-in staff member (an entity of this request's em, made on first use), and their id. */
  staff?: Staff;
  staffId?: string;
  apiKey?: ApiKey;
  roles: Role[];
  services: Services;
  /** The caller's address (audit, sign-in throttling). */
  ip?: string;
  /** Per-request memo for DataLoaders, keyed by loader name. */
  loaders: Map<string, unknown>;
}

/**
 * The context of one request for a principal: its staff entity is made when a resolver first asks for it. The getter
 * lives on the context's prototype: Apollo hands resolvers a shallow copy (same prototype), and copying an own getter
 * would call it.
 */
export function requestContext(em: EntityManager, principal: Principal, services: Services, ip?: string): Context {
  const make = principal.staff;
  let staff: Staff | undefined;
  const proto = make ? Object.defineProperty({}, 'staff', { get: () => (staff ??= make()) }) : Object.prototype;
  return Object.assign(Object.create(proto) as Context, {
    em, staffId: principal.staffId, apiKey: principal.apiKey, roles: principal.roles, services, loaders: new Map(), ip,
  });
}

/** A request-scoped DataLoader (or any memo) created on first use. */
export function loader<T>(ctx: Context, name: string, create: () => T): T {
  let l = ctx.loaders.get(name) as T | undefined;
  if (!l) {
    l = create();
    ctx.loaders.set(name, l);
  }
  return l;
}

/** The signed-in principal as a history actor (staff member or integrator key). */
export function actorOf(ctx: Context): Actor {
  if (ctx.staff) return { staff: ctx.staff, name: ctx.staff.name, role: ctx.staff.roles[0] ?? 'STAFF' };
  return { name: ctx.apiKey?.name ?? '不明', role: 'INTEGRATOR' };
}
