import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { CertificateStatus } from '../common/enums.js';
import { Terminal } from '../issuance/contract.js';
import { Application } from '../applications/Application.js';

/** デジタル証明書 of a netNACCS/webNACCS terminal, with its single-use 認証コード1–3 (2 and 3 encrypted). */
@Entity({ tableName: 'certificate' })
@Check({ name: 'certificate_acquired_has_serial', expression: "status <> 'ACQUIRED' or serial is not null" })
@Check({ name: 'certificate_failed_attempts', expression: 'failed_attempts >= 0' })
export class Certificate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Terminal, index: true })
  terminal!: Terminal;

  @ManyToOne({ entity: () => Application, nullable: true })
  application?: Application;

  @Enum({ items: () => CertificateStatus })
  status: CertificateStatus = CertificateStatus.PENDING;

  @Property({ type: 'string', length: 7 })
  authCode1!: string;

  @Property({ type: 'text', hidden: true })
  authCode2Enc!: string;

  @Property({ type: 'text', hidden: true })
  authCode3Enc!: string;

  @Property({ type: 'datetime', nullable: true })
  authCodesUsedAt?: Date;

  @Property({ type: 'integer', default: 0 })
  failedAttempts: number = 0;

  @Property({ type: 'string', length: 40, nullable: true, unique: true })
  serial?: string;

  @Property({ type: 'text', nullable: true })
  pem?: string;

  @Property({ type: 'datetime', nullable: true })
  notBefore?: Date;

  @Property({ type: 'datetime', nullable: true })
  notAfter?: Date;

  @Property({ type: 'datetime', nullable: true })
  acquiredAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'text', nullable: true })
  reason?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
