import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../common/enums.js';

/** A member of the center's staff who signs in to the console. */
@ObjectType({ description: 'センター職員' })
@Entity({ tableName: 'staff' })
export class Staff {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'E-mailアドレス (サインインID)' })
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String, { description: '氏名' })
  @Property({ type: 'string', length: 80 })
  name!: string;

  /** argon2id hash; never exposed. */
  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true })
  roles: Role[] = [];

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Consecutive failed sign-ins; reset by a successful one. */
  @Property({ type: 'integer', default: 0 })
  failedLogins: number = 0;

  /** Temporary lockout after repeated failures. */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date;

  /** When sessions were last ended (sign-out, password change or reset, deactivation). */
  @Property({ type: 'datetime', nullable: true })
  tokensValidAfter?: Date;

  /**
   * Session tokens carry the generation they were issued in; ending the sessions moves it on. A counter, not the
   * instant above: a server restarted with the same pinned NOW would otherwise refuse its new tokens as older.
   */
  @Property({ type: 'integer', default: 0 })
  sessionGeneration: number = 0;

  /** Ends every session of this account issued so far. */
  endSessions(now: Date): void {
    this.tokensValidAfter = now;
    this.sessionGeneration += 1;
  }

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}
