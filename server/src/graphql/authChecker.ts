import type { AuthChecker } from 'type-graphql';
import type { Role } from '../common/enums.js';
import { forbidden, unauthenticated } from '../common/errors.js';
import { checkKeyAccess } from '../staff/keyScope.js';
import type { Context } from './context.js';

/**
 * The one place authorization is enforced: `@Authorized(...roles)` on an operation or field.
 * No principal → UNAUTHENTICATED; a principal without one of the roles → FORBIDDEN; an API key is also held to its
 * scopes and companies/offices (staff/keyScope.ts).
 */
export const authChecker: AuthChecker<Context, Role> = ({ context, args, info }, roles) => {
  if (context.roles.length === 0) throw unauthenticated();
  if (!(roles.length === 0 || roles.some((r) => context.roles.includes(r)))) throw forbidden();
  // Staff answer at once; only a key's check may read the database.
  return context.apiKey ? checkKeyAccess(context, info, args).then(() => true) : true;
};
