import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { EmailStatus, NoticeCategory } from '../common/enums.js';
import { Office } from '../companies/Office.js';
import { Application } from '../applications/Application.js';
import { Staff } from '../staff/Staff.js';

/** 新着情報: one entry of an office's NSS news feed. */
@ObjectType({ description: '新着情報' })
@Entity({ tableName: 'notice' })
@Index({ name: 'notice_office_at_idx', properties: ['office', 'at'] })
export class Notice {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Office })
  office!: Office;

  @ManyToOne({ entity: () => Application, nullable: true })
  application?: Application;

  @Field(() => NoticeCategory, { description: '種別 (利用申込・システム設定・利用料金・証明書再発行)' })
  @Enum({ items: () => NoticeCategory })
  category!: NoticeCategory;

  @Field(() => String, { description: '内容' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => Date, { description: '日時' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = currentTime();
}

/** E-mail outbox row, written in the transaction of the event that causes it; delivered by a worker. */
@Entity({ tableName: 'outbound_email' })
@Index({ name: 'outbound_email_due_idx', properties: ['status', 'nextAttemptAt'] })
// 送信ログ, newest first (ties by id, so pages are stable): a page without sorting the whole outbox.
@Index({ name: 'outbound_email_created_idx', properties: ['createdAt', 'id'] })
@Check({ name: 'outbound_email_has_recipient', expression: 'cardinality(recipients) >= 1' })
export class OutboundEmail {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 60 })
  templateKey!: string;

  @Property({ type: 'integer', nullable: true })
  templateVersion?: number;

  @ManyToOne({ entity: () => Application, nullable: true })
  application?: Application;

  @Property({ type: 'text[]' })
  recipients!: string[];

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  html?: string;

  /** Secret variables (e.g. a 仮パスワード), sealed; the body holds markers that delivery fills in. */
  @Property({ type: 'text', nullable: true, hidden: true })
  secretsEnc?: string;

  @Property({ type: 'string', length: 200, unique: true })
  messageId!: string;

  @Enum({ items: () => EmailStatus })
  status: EmailStatus = EmailStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nextAttemptAt: Date = currentTime();

  @Property({ type: 'text', nullable: true })
  lastError?: string;

  /** Why the mail was written from an earlier template version than the latest (the latest failed to render). */
  @Property({ type: 'text', nullable: true })
  renderNote?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date;

  /** The batch holding the claim while SENDING (delivery.ts): only its worker records the attempt's failure. */
  @Property({ type: 'uuid', nullable: true, hidden: true })
  claimToken?: string;

  /** When the current claim's SMTP transmission began; a claim lost with this set has an unknown outcome. */
  @Property({ type: 'datetime', nullable: true, hidden: true })
  sendingSince?: Date;

  /** An earlier attempt may have been accepted (its outcome was never recorded): the mail may arrive twice. */
  @Property({ type: 'boolean', default: false })
  possibleDuplicate: boolean = false;
}

/** One version of an editable Handlebars notification template. */
@Entity({ tableName: 'notification_template' })
@Unique({ name: 'notification_template_key_version', properties: ['key', 'version'] })
export class NotificationTemplate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 60 })
  key!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  html?: string;

  @ManyToOne({ entity: () => Staff, nullable: true })
  createdBy?: Staff;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}
