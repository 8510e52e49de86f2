import type { EntityManager } from '@mikro-orm/postgresql';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Staff } from '../staff/Staff.js';
import { ApplicationKind, ApplicationStatus } from '../common/enums.js';

/**
 * How many applications there are per status, kind and assignee, for counts that must not scan the table (the list's
 * totalCount, the queue tabs). Every statement that inserts, updates or deletes applications appends its net change
 * here in the same transaction (statement-level triggers, db/migrations/*_application_tally.ts): appending never
 * waits on another transaction, so 40 approvals at once do not queue on a counter row. compactTally() folds the
 * appended rows into one per key; a count is the sum of the rows, exact at any moment.
 */
@Entity({ tableName: 'application_tally' })
export class ApplicationTally {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Enum({ items: () => ApplicationStatus })
  status!: ApplicationStatus;

  @Enum({ items: () => ApplicationKind })
  kind!: ApplicationKind;

  /** Named as on Application, so the list's own conditions (queueWhere) apply to the tally unchanged; no foreign key: a count never locks a staff row. */
  @ManyToOne({ entity: () => Staff, nullable: true, fieldName: 'assignee_id', createForeignKeyConstraint: false })
  assignee?: Staff;

  @Property({ type: 'integer' })
  n!: number;
}

/**
 * Folds the tally into one row per key (the jobs run it): the rows it deletes and the sums it inserts are one
 * statement, so a count read at any moment is exact; two processes compacting at once each move distinct rows.
 */
export async function compactTally(em: EntityManager): Promise<number> {
  const [row] = await em.getConnection().execute<Array<{ folded: number }>>(`
    with folded as (delete from application_tally returning status, kind, assignee_id, n),
    kept as (insert into application_tally (status, kind, assignee_id, n)
      select status, kind, assignee_id, sum(n) from folded group by status, kind, assignee_id having sum(n) <> 0 returning 1)
    select (select count(*) from folded)::int as folded`);
  return row!.folded;
}
