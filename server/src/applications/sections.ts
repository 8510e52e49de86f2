import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import {
  Check, Embedded, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, Unique,
} from '@mikro-orm/decorators/legacy';
import { Collection } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Address } from '../common/embeddables.js';
import {
  AttachmentKind, ChangeItem, IndoorWiring, Industry, LineConnectionMethod, LineType, MailboxType, MaintenanceHours,
  ProcessingMethod, RowAction, SystemCategory, TerminalType,
} from '../common/enums.js';
import type { Rel } from '@mikro-orm/core';
import { Application } from './Application.js';

/** 利用者コード section row: a new code, a code shared with another office, or a change to an existing one. */
@ObjectType({ description: '申込内容 (利用者コード)' })
@Entity({ tableName: 'application_user_code' })
@Check({ name: 'application_user_code_shape', expression: "user_code ~ '^[0-9A-Z]{5}$'" })
@Check({ name: 'application_user_code_bonded_needs_paid', expression: 'not bonded_record_service or statistics_paid' })
@Check({ name: 'application_user_code_shared_names_code', expression: 'not shared or user_code is not null' })
export class ApplicationUserCode {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Application, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => RowAction, { description: '申込内容 (追加/変更/削除)' })
  @Enum({ items: () => RowAction })
  action: RowAction = RowAction.ADD;

  @Field(() => String, { nullable: true, description: '利用者コード (共用・既存のみ; 新規は承認時に払出し)' })
  @Property({ type: 'string', length: 5, nullable: true })
  userCode?: string;

  @Field(() => Boolean, { description: '他事業所と共用' })
  @Property({ type: 'boolean', default: false })
  shared: boolean = false;

  @Field(() => SystemCategory, { nullable: true, description: 'システム区分' })
  @Enum({ items: () => SystemCategory, nullable: true })
  systemCategory?: SystemCategory;

  @Field(() => Boolean, { description: 'シングルサインオン 要' })
  @Property({ type: 'boolean', default: false })
  singleSignOn: boolean = false;

  @Field(() => Boolean, { description: '管理統計資料 有料分' })
  @Property({ type: 'boolean', default: false })
  statisticsPaid: boolean = false;

  @Field(() => Boolean, { description: '管理統計資料 無料分' })
  @Property({ type: 'boolean', default: false })
  statisticsFree: boolean = false;

  @Field(() => Boolean, { description: '保税管理資料保存サービス' })
  @Property({ type: 'boolean', default: false })
  bondedRecordService: boolean = false;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  position: number = 0;

  @OneToMany({ entity: () => ApplicationUserId, mappedBy: 'userCode', orphanRemoval: true, orderBy: { position: 'asc' } })
  userIds = new Collection<ApplicationUserId>(this);
}

/** 利用者ID rows under a 利用者コード: 業種, 処理方式 and 識別番号数 to add, or one 識別番号 to abolish. */
@ObjectType({ description: '申込内容 (利用者ID: 業種・処理方式・識別番号)' })
@Entity({ tableName: 'application_user_id' })
@Check({ name: 'application_user_id_count', expression: "action <> 'ADD' or ident_count >= 1 and ident_count <= 99" })
@Check({ name: 'application_user_id_ident_no', expression: "action = 'ADD' or ident_no ~ '^[0-9A-Z]{3}$'" })
@Check({ name: 'application_user_id_industries', expression: "action <> 'ADD' or cardinality(industries) >= 1" })
export class ApplicationUserId {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => ApplicationUserCode, deleteRule: 'cascade' })
  userCode!: ApplicationUserCode;

  @Field(() => RowAction)
  @Enum({ items: () => RowAction })
  action: RowAction = RowAction.ADD;

  @Field(() => [Industry], { description: '業種 (複数はシングルサインオン要のみ)' })
  @Enum({ items: () => Industry, array: true, default: [] })
  industries: Industry[] = [];

  @Field(() => ProcessingMethod, { nullable: true, description: '処理方式' })
  @Enum({ items: () => ProcessingMethod, nullable: true })
  processingMethod?: ProcessingMethod;

  @Field(() => Int, { nullable: true, description: '識別番号数' })
  @Property({ type: 'integer', nullable: true })
  identCount?: number;

  @Field(() => String, { nullable: true, description: '識別番号 (廃止・変更の対象)' })
  @Property({ type: 'string', length: 3, nullable: true })
  identNo?: string;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  position: number = 0;
}

/** 回線 section row (一般NACCS): connection, line type and speed, maintenance, options, 工事希望日, place. */
@ObjectType({ description: '申込内容 (回線)' })
@Entity({ tableName: 'application_line' })
@Check({ name: 'application_line_redundancy_excludes_spare', expression: 'not (redundancy and spare_router)' })
@Check({
  name: 'application_line_options_need_24h',
  expression: "maintenance = 'H24_365' or not (redundancy or spare_router or ping_monitoring)",
})
export class ApplicationLine {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Application, deleteRule: 'cascade', index: true })
  application!: Rel<Application>;

  @Field(() => RowAction)
  @Enum({ items: () => RowAction })
  action: RowAction = RowAction.ADD;

  @Field(() => Int, { description: 'ルータ番号 (申込内の回線番号)' })
  @Property({ type: 'integer' })
  lineNo!: number;

  @Field(() => String, { nullable: true, description: '変更・廃止する既存回線のID' })
  @Property({ type: 'uuid', nullable: true })
  existingLineId?: string;

  @Field(() => SystemCategory, { nullable: true, description: 'システム区分' })
  @Enum({ items: () => SystemCategory, nullable: true })
  systemCategory?: SystemCategory;

  @Field(() => LineConnectionMethod, { nullable: true, description: '接続方式' })
  @Enum({ items: () => LineConnectionMethod, nullable: true })
  connectionMethod?: LineConnectionMethod;

  @Field(() => Boolean, { description: 'EDIFACTの要否' })
  @Property({ type: 'boolean', default: false })
  edifact: boolean = false;

  @Field(() => LineType, { nullable: true, description: '回線種別 (専用線 / BB光)' })
  @Enum({ items: () => LineType, nullable: true })
  lineType?: LineType;

  @Field(() => String, { nullable: true, description: 'アクセス速度 (例: 1Mbps)' })
  @Property({ type: 'string', length: 20, nullable: true })
  speed?: string;

  @Field(() => IndoorWiring, { nullable: true, description: '屋内配線工事' })
  @Enum({ items: () => IndoorWiring, nullable: true })
  indoorWiring?: IndoorWiring;

  @Field(() => MaintenanceHours, { nullable: true, description: '保守時間帯' })
  @Enum({ items: () => MaintenanceHours, nullable: true })
  maintenance?: MaintenanceHours;

  @Field(() => Boolean, { description: '冗長化' })
  @Property({ type: 'boolean', default: false })
  redundancy: boolean = false;

  @Field(() => Boolean, { description: '予備機設置' })
  @Property({ type: 'boolean', default: false })
  spareRouter: boolean = false;

  @Field(() => Boolean, { description: 'Ping監視' })
  @Property({ type: 'boolean', default: false })
  pingMonitoring: boolean = false;

  @Field(() => String, { nullable: true, description: '工事希望日' })
  @Property({ type: 'date', nullable: true })
  constructionDate?: string;

  @Field(() => Boolean, { description: '回線設置場所は事業所所在地に同じ' })
  @Property({ type: 'boolean', default: true })
  placeSameAsOffice: boolean = true;

  @Field(() => Address, { nullable: true, description: '回線設置場所' })
  @Embedded({ entity: () => Address, prefix: 'place_', nullable: true })
  place?: Address;

  @Field(() => Boolean, { description: '他事業所と共用' })
  @Property({ type: 'boolean', default: false })
  shared: boolean = false;
}

/** 論理端末 section row: terminals to add per type and システム区分, or a category change / abolition by name. */
@ObjectType({ description: '申込内容 (論理端末)' })
@Entity({ tableName: 'application_terminal' })
@Check({ name: 'application_terminal_count', expression: "action <> 'ADD' or count >= 1 and count <= 999" })
@Check({ name: 'application_terminal_name', expression: "action = 'ADD' or terminal_name ~ '^[0-9]{5}[WC]$'" })
@Check({ name: 'application_terminal_new_category', expression: "action <> 'CHANGE' or new_system_category is not null" })
export class ApplicationTerminal {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Application, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => RowAction)
  @Enum({ items: () => RowAction })
  action: RowAction = RowAction.ADD;

  @Field(() => TerminalType, { description: '利用機器区分 (net / web / ebMS / 一般)' })
  @Enum({ items: () => TerminalType })
  terminalType!: TerminalType;

  @Field(() => SystemCategory, { description: 'システム区分' })
  @Enum({ items: () => SystemCategory })
  systemCategory!: SystemCategory;

  @Field(() => Int, { nullable: true, description: '論理端末追加数' })
  @Property({ type: 'integer', nullable: true })
  count?: number;

  @Field(() => Int, { nullable: true, description: 'ルータ番号 (一般NACCS端末の接続先回線)' })
  @Property({ type: 'integer', nullable: true })
  lineNo?: number;

  @Field(() => String, { nullable: true, description: '論理端末名 (変更・廃止の対象)' })
  @Property({ type: 'string', length: 6, nullable: true })
  terminalName?: string;

  @Field(() => SystemCategory, { nullable: true, description: '区分の変更後' })
  @Enum({ items: () => SystemCategory, nullable: true })
  newSystemCategory?: SystemCategory;
}

/** メールボックス section row: SMTP/POP3 or EDIFACT boxes to add, or one to abolish by ID. */
@ObjectType({ description: '申込内容 (メールボックス)' })
@Entity({ tableName: 'application_mailbox' })
@Check({ name: 'application_mailbox_count', expression: "action <> 'ADD' or count >= 1 and count <= 99" })
@Check({ name: 'application_mailbox_id', expression: "action <> 'DELETE' or mailbox_id ~ '^[A-Z]{3}[0-9]{5}$'" })
export class ApplicationMailbox {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Application, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => RowAction)
  @Enum({ items: () => RowAction })
  action: RowAction = RowAction.ADD;

  @Field(() => MailboxType, { description: 'メール種別' })
  @Enum({ items: () => MailboxType })
  mailboxType!: MailboxType;

  @Field(() => Int, { nullable: true, description: 'メールボックス追加数' })
  @Property({ type: 'integer', nullable: true })
  count?: number;

  @Field(() => String, { nullable: true, description: 'メールボックスID (廃止の対象)' })
  @Property({ type: 'string', length: 8, nullable: true })
  mailboxId?: string;
}

/** One changed field of a change application, as 変更前 / 変更後 for the reviewer. */
@ObjectType({ description: '変更内容 (変更前/変更後)' })
@Entity({ tableName: 'application_change' })
export class ApplicationChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Application, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => ChangeItem)
  @Enum({ items: () => ChangeItem })
  item!: ChangeItem;

  @Field(() => String, { description: '項目 (例: officeProfile.manager.phone)' })
  @Property({ type: 'string', length: 120 })
  field!: string;

  @Field(() => String, { nullable: true, description: '変更前' })
  @Property({ type: 'text', nullable: true })
  before?: string;

  @Field(() => String, { nullable: true, description: '変更後' })
  @Property({ type: 'text', nullable: true })
  after?: string;
}

/** 添付ファイル: システム構成図, 委任状 …; stored in PostgreSQL with a checksum. */
@ObjectType({ description: '添付ファイル' })
@Entity({ tableName: 'attachment' })
@Check({ name: 'attachment_size_limit', expression: 'size >= 1 and size <= 10485760' })
@Check({ name: 'attachment_sha256', expression: "sha256 ~ '^[0-9a-f]{64}$'" })
@Unique({ name: 'attachment_application_sha256_unique', properties: ['application', 'sha256'] })
export class Attachment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Application, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => AttachmentKind)
  @Enum({ items: () => AttachmentKind })
  kind!: AttachmentKind;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  size!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'blob', lazy: true, hidden: true })
  content!: Buffer;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}
