import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Application } from '../applications/Application.js';
import { Staff } from '../staff/Staff.js';

/**
 * A staff member who has an application open (閲覧中) as of `seenAt`: the console refreshes it every few seconds while
 * the page is open; a row older than VIEWER_FRESH_SECONDS (presence.ts) is no longer a viewer. The table is UNLOGGED
 * (db/migrations/*_application_events.ts): nothing in it is worth recovering after a crash.
 */
@Entity({ tableName: 'application_viewer' })
export class ApplicationViewer {
  @ManyToOne({ entity: () => Application, primary: true, deleteRule: 'cascade' })
  application!: Application;

  @ManyToOne({ entity: () => Staff, primary: true, deleteRule: 'cascade' })
  staff!: Staff;

  @Index({ name: 'application_viewer_seen_at_index' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  seenAt!: Date;
}
