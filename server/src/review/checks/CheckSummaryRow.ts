import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Application } from '../../applications/Application.js';
import { CheckSeverity } from './types.js';

/**
 * The automatic checks' outcome of one open application, as last computed (summaries.ts keeps it current): what the
 * list filters on (ApplicationFilter.checkSeverity), since the checks cannot run for the whole queue per request. A table
 * of its own, not columns on application: refreshing it never locks or rewrites an application row an approval is
 * working on. A row whose version is null is due (just listed for a new application, or a sibling opened or closed).
 */
@Entity({ tableName: 'application_check_summary' })
// The filter's lookup: applications by their heaviest finding (most rows have none and stay out of the index).
@Index({ name: 'application_check_summary_severity_idx', expression: 'create index "application_check_summary_severity_idx" on "application_check_summary" ("severity") where "severity" is not null' })
export class CheckSummaryRow {
  @ManyToOne({ entity: () => Application, primary: true, deleteRule: 'cascade' })
  application!: Application;

  /** The heaviest finding; null when there is none. */
  @Enum({ items: () => CheckSeverity, nullable: true })
  severity?: CheckSeverity;

  @Property({ type: 'integer', default: 0 })
  blocker: number = 0;

  @Property({ type: 'integer', default: 0 })
  warning: number = 0;

  @Property({ type: 'integer', default: 0 })
  info: number = 0;

  /** The application's version the checks were computed at; null: to compute. */
  @Property({ type: 'integer', nullable: true })
  version?: number;

  /** The business date (Japan) the checks were computed for: lead time and deadlines depend on it. */
  @Property({ type: 'date', nullable: true })
  asOf?: string;

  @Property({ type: 'datetime', nullable: true })
  computedAt?: Date;
}
