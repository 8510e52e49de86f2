import type { AuditAction } from './enums.js';
import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { AuditLog } from '../staff/security.js';

const BATCH = 50;

/** What a sweep did to one row: the audit action and its target, or undefined when the row no longer qualifies. */
export type SweepChange = { action: AuditAction; target?: string; detail?: string } | undefined;

/**
 * A time rule applied in batches (`at`: the instant the rule is applied as of, stamped on the audit entries): each batch claims its rows (`select` names them `id`, locks `lockOf` FOR UPDATE SKIP
 * LOCKED) in its own transaction and re-checks them there, so with several server processes at once every row is
 * changed exactly once; each change is written to the audit log in the same transaction. Returns how many changed.
 */
export async function sweep<T extends object>(
  root: EntityManager, at: Date, entity: EntityName<T>, select: string, lockOf: string, params: unknown[],
  apply: (row: T) => SweepChange, populate: string[] = [],
): Promise<number> {
  let total = 0;
  for (;;) {
    const { claimed, changed } = await root.fork().transactional(async (em) => {
      const rows = await em.getConnection().execute<{ id: string }[]>(
        `${select} limit ${BATCH} for update of ${lockOf} skip locked`, params, 'all', em.getTransactionContext(),
      );
      if (!rows.length) return { claimed: 0, changed: 0 };
      const found = await em.find(entity, { id: { $in: rows.map((r) => r.id) } } as never, { populate: populate as never });
      let n = 0;
      for (const row of found) {
        const change = apply(row);
        if (!change) continue;
        n++;
        em.persist(Object.assign(new AuditLog(), { ...change, at }));
      }
      await em.flush();
      return { claimed: rows.length, changed: n };
    });
    total += changed;
    if (claimed < BATCH) return total;
  }
}
