import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, OfficeStatus } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import type { Clock } from '../common/clock.js';
import { sweep } from '../common/sweep.js';
import { Office } from '../companies/Office.js';
import { applyDueContractChanges } from './contractChange.js';

/**
 * 契約解除・事業所廃止 takes effect on its start date: until then the office is 利用中 (its IDs keep working); from
 * that day this job marks it 廃止. Audited; safe with several server processes. Returns how many offices closed.
 */
export function closeEndedOffices(root: EntityManager, clock: Clock): Promise<number> {
  const now = clock.now();
  const today = todayInJapan(now);
  return sweep(root, now, Office, `select o.id from office o where o.status = 'ACTIVE' and o.end_date <= ? order by o.end_date`, 'o', [today], (office) => {
    if (office.status !== OfficeStatus.ACTIVE || !office.endDate || office.endDate > today) return undefined;
    office.status = OfficeStatus.CLOSED;
    return { action: AuditAction.OFFICE_CLOSE, target: office.code, detail: `契約解除・事業所廃止 (${office.endDate})` };
  });
}

/**
 * Changes of the contract's data take effect on their start date: from that day this job writes them into the rows
 * (contractChange.ts; reads as of a date lay them on the rows themselves). Returns how many were applied.
 */
export function applyContractChanges(root: EntityManager, clock: Clock): Promise<number> {
  const now = clock.now();
  return applyDueContractChanges(root, todayInJapan(now), now);
}
