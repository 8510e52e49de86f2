import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import { Check, Embedded, Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Person } from '../common/embeddables.js';

/** 仮アカウント: 仮ログインID (7 digits) valid 48 hours unless an application is registered with it. */
@Entity({ tableName: 'provisional_account' })
@Check({ name: 'provisional_account_login_id_format', expression: "login_id ~ '^[0-9]{7}$'" })
@Check({ name: 'provisional_account_expiry_after_creation', expression: 'expires_at > created_at' })
export class ProvisionalAccount {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 7, unique: true })
  loginId!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Property({ type: 'string', length: 120 })
  companyName!: string;

  @Property({ type: 'string', length: 240 })
  companyNameKana!: string;

  @Embedded({ entity: () => Person, prefix: 'applicant_' })
  applicant: Person = new Person();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Set when an application is registered: the account no longer expires. */
  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date;
}
