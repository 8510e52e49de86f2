import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import {
  Check, Embedded, Entity, Enum, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique,
} from '@mikro-orm/decorators/legacy';
import { Collection } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Address } from '../common/embeddables.js';
import {
  Connection, IndoorWiring, Industry, LineConnectionMethod, LineType, MailboxType, MaintenanceHours, ProcessingMethod,
  SystemCategory, TerminalType,
} from '../common/enums.js';
import { Office } from '../companies/Office.js';
import { Application } from '../applications/Application.js';

// The office's contract as issued on approval. Every row carries startDate/endDate so the contract is
// derivable as of any date; abolitions set endDate (IDs keep working until then).

/** 利用者コード: owned by one office, possibly shared with others. */
@ObjectType('ContractUserCode', { description: '契約中の利用者コード' })
@Entity({ tableName: 'user_code' })
@Check({ name: 'user_code_shape', expression: "code ~ '^[0-9A-Z]{5}$'" })
@Check({ name: 'user_code_bonded_needs_paid', expression: 'not bonded_record_service or statistics_paid' })
export class UserCode {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 5, unique: true })
  code!: string;

  @ManyToOne({ entity: () => Office, index: true })
  office!: Office;

  /** Every office that shares or shared it (UserCodeShare holds each one's dates). */
  @ManyToMany({ entity: () => Office, pivotEntity: () => UserCodeShare })
  sharedWith = new Collection<Office>(this);

  @Field(() => SystemCategory)
  @Enum({ items: () => SystemCategory })
  systemCategory!: SystemCategory;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  statisticsPaid: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  statisticsFree: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  bondedRecordService: boolean = false;

  @Field(() => String)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string;

  /**
   * The owner's own use ends (its abolition approved) while offices sharing the code keep it: the code itself ends
   * (endDate) only when every sharing office has applied too (seed 004).
   */
  @Field(() => String, { nullable: true, description: '所有事業所の利用終了日 (共用事業所がすべて廃止するまで利用者コードは存続)' })
  @Property({ type: 'date', nullable: true })
  ownerEndDate?: string;

  @ManyToOne({ entity: () => Application, nullable: true })
  issuedBy?: Application;

  @OneToMany({ entity: () => UserId, mappedBy: 'userCode' })
  userIds = new Collection<UserId>(this);
}

/**
 * An office's use of another office's 利用者コード (他事業所と共用): from the start date of the application that
 * shared it until the 適用日 of its abolition (null: since before dates were kept / still shared).
 */
@Entity({ tableName: 'user_code_share' })
@Check({ name: 'user_code_share_dates', expression: 'end_date is null or start_date is null or end_date >= start_date' })
export class UserCodeShare {
  @ManyToOne({ entity: () => UserCode, primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  userCode!: UserCode;

  @ManyToOne({ entity: () => Office, primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  office!: Office;

  @Property({ type: 'date', nullable: true })
  startDate?: string;

  @Property({ type: 'date', nullable: true })
  endDate?: string;

  @ManyToOne({ entity: () => Application, nullable: true })
  issuedBy?: Application;
}

/** 利用者ID = 利用者コード + 識別番号, with its password (encrypted). */
@ObjectType('ContractUserId', { description: '契約中の利用者ID' })
@Entity({ tableName: 'user_id' })
@Unique({ name: 'user_id_code_ident_unique', properties: ['userCode', 'identNo'] })
@Check({ name: 'user_id_ident_shape', expression: "ident_no ~ '^[0-9A-Z]{3}$'" })
@Check({
  name: 'user_id_ident_matches_connection',
  expression: "(connection = 'NET' and ident_no ~ '[A-Z]$') or (connection = 'GENERAL' and ident_no ~ '[0-9]$')",
})
export class UserId {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => UserCode })
  userCode!: UserCode;

  @Field(() => String)
  @Property({ type: 'string', length: 3 })
  identNo!: string;

  @ManyToOne({ entity: () => Office, index: true })
  office!: Office;

  @Field(() => [Industry])
  @Enum({ items: () => Industry, array: true })
  industries: Industry[] = [];

  @Field(() => ProcessingMethod)
  @Enum({ items: () => ProcessingMethod })
  processingMethod!: ProcessingMethod;

  @Field(() => Connection)
  @Enum({ items: () => Connection })
  connection!: Connection;

  @Property({ type: 'text', hidden: true })
  passwordEnc!: string;

  @Property({ type: 'datetime' })
  passwordIssuedAt: Date = currentTime();

  /** Last day (JST) the password may be read in ID通知内容 (パスワード参照期間). */
  @Property({ type: 'date', nullable: true })
  passwordReadableUntil?: string;

  @Field(() => String)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string;

  @ManyToOne({ entity: () => Application, nullable: true })
  issuedBy?: Application;
}

/** 回線 of a 一般NACCS office, with its IP address from the pool. */
@ObjectType('ContractLine', { description: '契約中の回線' })
@Entity({ tableName: 'line' })
@Check({ name: 'line_redundancy_excludes_spare', expression: 'not (redundancy and spare_router)' })
export class Line {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Office, index: true })
  office!: Office;

  @Field(() => SystemCategory)
  @Enum({ items: () => SystemCategory })
  systemCategory!: SystemCategory;

  @Field(() => LineConnectionMethod)
  @Enum({ items: () => LineConnectionMethod })
  connectionMethod!: LineConnectionMethod;

  @Field(() => LineType)
  @Enum({ items: () => LineType })
  lineType!: LineType;

  @Field(() => String)
  @Property({ type: 'string', length: 20 })
  speed!: string;

  @Field(() => IndoorWiring, { nullable: true })
  @Enum({ items: () => IndoorWiring, nullable: true })
  indoorWiring?: IndoorWiring;

  @Field(() => MaintenanceHours)
  @Enum({ items: () => MaintenanceHours })
  maintenance!: MaintenanceHours;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  redundancy: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  spareRouter: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  pingMonitoring: boolean = false;

  @Field(() => Address, { nullable: true })
  @Embedded({ entity: () => Address, prefix: 'place_', nullable: true })
  place?: Address;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 45, nullable: true, unique: true })
  ipAddress?: string;

  /** ルータ番号: the line's number in the application that added it (ApplicationLine.lineNo), shown in ID通知内容. */
  @Property({ type: 'integer', nullable: true })
  routerNo?: number;

  @Field(() => String)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string;

  @ManyToOne({ entity: () => Application, nullable: true })
  issuedBy?: Application;
}

/** 論理端末 with its 端末アクセスキー. */
@ObjectType('ContractTerminal', { description: '契約中の論理端末' })
@Entity({ tableName: 'terminal' })
@Check({ name: 'terminal_name_shape', expression: "name ~ '^[0-9]{5}[WC]$'" })
@Check({
  name: 'terminal_name_matches_type',
  expression: "(type = 'GENERAL' and name ~ 'C$') or (type <> 'GENERAL' and name ~ 'W$')",
})
@Check({ name: 'terminal_access_key_shape', expression: "access_key ~ '^[0-9]{13}$'" })
export class Terminal {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 6, unique: true })
  name!: string;

  @ManyToOne({ entity: () => Office, index: true })
  office!: Office;

  @Field(() => TerminalType)
  @Enum({ items: () => TerminalType })
  type!: TerminalType;

  @Field(() => SystemCategory)
  @Enum({ items: () => SystemCategory })
  systemCategory!: SystemCategory;

  @Field(() => String)
  @Property({ type: 'string', length: 13, unique: true })
  accessKey!: string;

  @ManyToOne({ entity: () => Line, nullable: true })
  line?: Line;

  @Field(() => String)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string;

  @ManyToOne({ entity: () => Application, nullable: true })
  issuedBy?: Application;
}

/** メールボックス with its password (encrypted). */
@ObjectType('ContractMailbox', { description: '契約中のメールボックス' })
@Entity({ tableName: 'mailbox' })
@Check({ name: 'mailbox_id_shape', expression: "mailbox_id ~ '^[A-Z]{3}[0-9]{5}$'" })
export class Mailbox {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 8, unique: true })
  mailboxId!: string;

  @ManyToOne({ entity: () => Office, index: true })
  office!: Office;

  @Field(() => MailboxType)
  @Enum({ items: () => MailboxType })
  type!: MailboxType;

  @Property({ type: 'text', hidden: true })
  passwordEnc!: string;

  /** Last day (JST) the password may be read in ID通知内容 (パスワード参照期間). */
  @Property({ type: 'date', nullable: true })
  passwordReadableUntil?: string;

  @Field(() => String)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string;

  @ManyToOne({ entity: () => Application, nullable: true })
  issuedBy?: Application;
}
