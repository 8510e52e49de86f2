import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** An extra closure day an admin adds on top of national holidays and 12/29–1/3. */
@Entity({ tableName: 'closure_day' })
export class ClosureDay {
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 120 })
  reason!: string;
}
