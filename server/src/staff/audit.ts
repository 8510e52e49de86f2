import type { EntityManager } from '@mikro-orm/postgresql';
import type { Staff } from './Staff.js';
import { AuditLog, type ApiKey } from './security.js';

import type { AuditAction } from '../common/enums.js';

/** Appends one audit entry (persist only; flushed with the caller's work). The table refuses UPDATE and DELETE. */
export function audit(
  em: EntityManager,
  entry: { action: AuditAction; staff?: Staff; apiKey?: ApiKey; target?: string; detail?: string; ip?: string },
): void {
  em.persist(Object.assign(new AuditLog(), entry)); // stamped by the process's clock
}
