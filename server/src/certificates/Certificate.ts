import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CertificateStatus } from '../common/enums.js';
import { Terminal } from '../issuance/contract.js';
import { Application } from '../applications/Application.js';

/**
 * デジタル証明書 of a netNACCS/webNACCS terminal, with its single-use 認証コード1–3 (2 and 3 encrypted). One row per
 * issue: a reissue adds a new row (PENDING) and the terminal's previous certificate is revoked when the new one is
 * acquired. The auth codes are never GraphQL fields of this type (they are read through ID通知内容 only).
 */
@ObjectType('Certificate', { description: 'デジタル証明書 (論理端末ごと; 認証コードは含まない)' })
@Entity({ tableName: 'certificate' })
@Check({ name: 'certificate_acquired_has_serial', expression: "status <> 'ACQUIRED' or serial is not null" })
@Check({ name: 'certificate_failed_attempts', expression: 'failed_attempts >= 0' })
// At most one certificate of a terminal waits for acquisition: concurrent issues of the same terminal cannot both win.
@Unique({ name: 'certificate_one_pending_per_terminal', properties: ['terminal'], where: "status = 'PENDING'" })
export class Certificate {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Terminal, index: true })
  terminal!: Terminal;

  /** The application whose ID通知内容 shows the auth codes (for a reissue: the one that issued the terminal). */
  @ManyToOne({ entity: () => Application, nullable: true })
  application?: Application;

  @Field(() => CertificateStatus, { description: '状態 (発行待ち・取得済・失効・停止・期限切れ)' })
  @Enum({ items: () => CertificateStatus })
  status: CertificateStatus = CertificateStatus.PENDING;

  /** 認証コード1 = 企業略称 + last 4 of 論理端末名 (derived, not secret). */
  @Property({ type: 'string', length: 7 })
  authCode1!: string;

  @Property({ type: 'text', hidden: true })
  authCode2Enc!: string;

  @Property({ type: 'text', hidden: true })
  authCode3Enc!: string;

  /** When the codes were consumed by a successful acquisition (single use). */
  @Property({ type: 'datetime', nullable: true })
  authCodesUsedAt?: Date;

  /** Last day (JST) the auth codes may be read in ID通知内容 (the パスワード参照期間 rule). */
  @Property({ type: 'date', nullable: true })
  authCodesReadableUntil?: string;

  /** 取得期限: the certificate is stopped when not acquired by this day (start date / reissue + 2 months). */
  @Field(() => String, { nullable: true, description: '取得期限 (利用開始日または再発行日の2か月後; 過ぎると停止)' })
  @Property({ type: 'date', nullable: true })
  acquireBy?: string;

  @Field(() => Int, { description: '認証コードの連続誤り回数 (5回でロック)' })
  @Property({ type: 'integer', default: 0 })
  failedAttempts: number = 0;

  @Field(() => String, { nullable: true, description: 'シリアル番号 (16進)' })
  @Property({ type: 'string', length: 40, nullable: true, unique: true })
  serial?: string;

  @Field(() => String, { nullable: true, description: '証明書 (PEM)' })
  @Property({ type: 'text', nullable: true })
  pem?: string;

  @Field(() => Date, { nullable: true, description: '有効期間の開始' })
  @Property({ type: 'datetime', nullable: true })
  notBefore?: Date;

  @Field(() => Date, { nullable: true, description: '有効期限' })
  @Property({ type: 'datetime', nullable: true })
  notAfter?: Date;

  @Field(() => Date, { nullable: true, description: '取得日時' })
  @Property({ type: 'datetime', nullable: true })
  acquiredAt?: Date;

  @Field(() => Date, { nullable: true, description: '失効・停止日時' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  /** RFC 5280 CRLReason of a revocation (4 = superseded by a reissued certificate); none for a plain revocation. */
  @Property({ type: 'smallint', nullable: true })
  crlReason?: number;

  @Field(() => String, { nullable: true, description: '理由 (再発行・失効・停止)' })
  @Property({ type: 'text', nullable: true })
  reason?: string;

  @Field(() => Date, { description: '発行日時' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}
