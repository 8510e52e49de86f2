import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { BigIntType } from '@mikro-orm/core';
import { AuditAction, Role } from '../common/enums.js';
import { ALL_SCOPES, ApiKeyScope } from '../graphql/access.js';
import { Staff } from './Staff.js';

/** Integrator API key; only its hash is stored. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: 'string', length: 16, unique: true })
  prefix!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  secretHash!: string;

  @Enum({ items: () => Role, array: true })
  roles: Role[] = [Role.INTEGRATOR];

  /** What the key may do (graphql/access.ts KEY_ACCESS); keys made before scopes have them all. */
  @Enum({ items: () => ApiKeyScope, array: true })
  scopes: ApiKeyScope[] = [...ALL_SCOPES];

  /** 企業略称 and 事業所コード the key is limited to (their applications, offices, notices, certificates); none: all. */
  @Property({ type: 'string[]', defaultRaw: `'{}'` })
  companyCodes: string[] = [];

  @Property({ type: 'string[]', defaultRaw: `'{}'` })
  officeCodes: string[] = [];

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date;

  @ManyToOne({ entity: () => Staff, nullable: true })
  createdBy?: Staff;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}

/** Append-only audit log of staff and key activity; the database refuses UPDATE and DELETE. */
@Entity({ tableName: 'audit_log' })
@Index({ name: 'audit_log_at_idx', properties: ['at'] })
export class AuditLog {
  // bigint read as a string: JS numbers and GraphQL IDs both take it safely.
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = currentTime();

  @ManyToOne({ entity: () => Staff, nullable: true })
  staff?: Staff;

  @ManyToOne({ entity: () => ApiKey, nullable: true })
  apiKey?: ApiKey;

  @Enum({ items: () => AuditAction })
  action!: AuditAction;

  @Property({ type: 'text', nullable: true })
  target?: string;

  @Property({ type: 'text', nullable: true })
  detail?: string;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string;
}
