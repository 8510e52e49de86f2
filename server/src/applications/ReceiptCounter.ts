import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Last receipt serial issued per 2-digit year; advanced only by the SQL function next_receipt_no(). */
@Entity({ tableName: 'receipt_counter' })
@Check({ name: 'receipt_counter_serial', expression: 'serial >= 0' })
export class ReceiptCounter {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  year!: number;

  @Property({ type: 'integer' })
  serial!: number;
}
