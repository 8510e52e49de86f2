import type { AuthChecker } from 'type-graphql';
import type { Role } from '../common/enums.js';
import { forbidden, unauthenticated } from '../common/errors.js';
import type { Context } from './context.js';

/**
 * The one place authorization is enforced: `@Authorized(...roles)` on an operation or field.
 * No principal → UNAUTHENTICATED; a principal without one of the roles → FORBIDDEN.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (context.roles.length === 0) throw unauthenticated();
  if (roles.length === 0 || roles.some((r) => context.roles.includes(r))) return true;
  throw forbidden();
};
