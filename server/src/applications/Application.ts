import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import {
  Check, Embedded, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property,
} from '@mikro-orm/decorators/legacy';
import { Collection } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Person } from '../common/embeddables.js';
import { Billing, CompanyProfile, OfficeProfile } from '../common/profiles.js';
import {
  ApplicationKind, ApplicationStatus, ChangeItem, Connection, OtherChange, Plan,
} from '../common/enums.js';
import { Office } from '../companies/Office.js';
import { Staff } from '../staff/Staff.js';
import { ProvisionalAccount } from './ProvisionalAccount.js';
import {
  ApplicationChange, ApplicationLine, ApplicationMailbox, ApplicationTerminal, ApplicationUserCode, Attachment,
} from './sections.js';

/** 利用申込: one application (new, change or termination) with every NSS section. */
@ObjectType({ description: '利用申込' })
@Entity({ tableName: 'application' })
@Check({ name: 'application_receipt_no_format', expression: "receipt_no ~ '^[0-9]{6}[A-Z]$'" })
@Check({
  name: 'application_other_change_alone',
  expression: 'other_change is null or cardinality(change_items) = 0',
})
@Check({
  name: 'application_transfer_target',
  expression: "coalesce(other_change = 'TRANSFER', false) = (transfer_target_office_code is not null)",
})
@Check({ name: 'application_new_has_connection', expression: "kind <> 'NEW' or connection is not null" })
@Check({ name: 'application_change_has_office', expression: "kind = 'NEW' or office_id is not null" })
@Check({ name: 'application_approved_has_start_date', expression: "status <> 'APPROVED' or start_date is not null" })
@Check({
  name: 'application_returned_has_message',
  expression: "status <> 'RETURNED' or length(btrim(return_message)) > 0",
})
@Check({ name: 'application_version_positive', expression: 'version >= 1' })
@Check({
  name: 'application_billing_consolidated_xor',
  expression: 'not (billing_consolidated_billing_code is not null and billing_consolidated_office_code is not null)',
})
@Check({ name: 'application_billing_emails_max', expression: 'billing_emails is null or cardinality(billing_emails) <= 5' })
@Check({
  name: 'application_emergency_faxes_count',
  expression: 'office_emergency_faxes is null or cardinality(office_emergency_faxes) >= 1 and cardinality(office_emergency_faxes) <= 3',
})
@Index({ name: 'application_status_received_idx', properties: ['status', 'receivedAt'] })
// The console's default order (newest first) and the support desk's searches: receipt-number prefix, and any name or
// kana anywhere in the folded search column (trigram index, pg_trgm).
@Index({ name: 'application_received_order_idx', expression: 'create index "application_received_order_idx" on "application" ("received_at" desc, "receipt_no" desc)' })
@Index({ name: 'application_receipt_prefix_idx', expression: 'create index "application_receipt_prefix_idx" on "application" ("receipt_no" varchar_pattern_ops)' })
@Index({ name: 'application_search_trgm_idx', expression: 'create index "application_search_trgm_idx" on "application" using gin ("search_text" gin_trgm_ops)' })
@Index({ name: 'application_desired_start_idx', properties: ['desiredStartDate'] })
// The export's keyset order (receivedAt, id): page 1,000 as fast as page 1.
@Index({ name: 'application_export_order_idx', properties: ['receivedAt', 'id'] })
// An office's applications by status (the support desk's filtered list): its count is an index-only scan.
@Index({ name: 'application_office_status_idx', properties: ['office', 'status'] })
// 期限が近い (open, desired start within days): open applications are a few % of the table; count them without it.
@Index({ name: 'application_open_due_idx', expression: `create index "application_open_due_idx" on "application" ("desired_start_date") where "status" in ('RECEIVED', 'IN_REVIEW', 'RETURNED')` })
export class Application {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: '申込受付番号' })
  @Property({ type: 'string', length: 7, unique: true })
  receiptNo!: string;

  @Field(() => ApplicationKind, { description: '申込分類' })
  @Enum({ items: () => ApplicationKind })
  kind!: ApplicationKind;

  @Field(() => Connection, { nullable: true, description: 'netNACCS / 一般NACCS (新規申込)' })
  @Enum({ items: () => Connection, nullable: true })
  connection?: Connection;

  @Field(() => ApplicationStatus, { description: 'ステータス' })
  @Enum({ items: () => ApplicationStatus })
  status: ApplicationStatus = ApplicationStatus.RECEIVED;

  @Field(() => Int, { description: '楽観的排他のバージョン (更新系は expectedVersion に渡す)' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Office, { nullable: true, description: '対象の事業所 (新規申込は承認まで仮の事業所)' })
  @ManyToOne({ entity: () => Office, nullable: true, index: true })
  office?: Office;

  @ManyToOne({ entity: () => ProvisionalAccount, nullable: true, index: true })
  provisionalAccount?: ProvisionalAccount;

  @Field(() => Staff, { nullable: true, description: '審査担当者' })
  @ManyToOne({ entity: () => Staff, nullable: true, index: true })
  assignee?: Staff;

  // 申込担当者
  @Field(() => String, { nullable: true, description: '申込担当者 企業名' })
  @Property({ type: 'string', length: 120, nullable: true })
  applicantCompanyName?: string;

  @Field(() => String, { nullable: true, description: '申込担当者 企業名 (フリガナ)' })
  @Property({ type: 'string', length: 240, nullable: true })
  applicantCompanyNameKana?: string;

  @Field(() => Person, { description: '申込担当者' })
  @Embedded({ entity: () => Person, prefix: 'applicant_' })
  applicant: Person = new Person();

  @Field(() => String, { nullable: true, description: '申込理由 / 変更する理由 (240文字以内)' })
  @Property({ type: 'string', length: 240, nullable: true })
  reason?: string;

  @Field(() => String, { nullable: true, description: '備考 (240文字以内)' })
  @Property({ type: 'string', length: 240, nullable: true })
  remarks?: string;

  // 変更申込の項目
  @Field(() => [ChangeItem], { description: '契約変更に関する項目 (変更申込)' })
  @Enum({ items: () => ChangeItem, array: true, default: [] })
  changeItems: ChangeItem[] = [];

  @Field(() => OtherChange, { nullable: true, description: 'その他の契約変更' })
  @Enum({ items: () => OtherChange, nullable: true })
  otherChange?: OtherChange;

  @Field(() => String, { nullable: true, description: '付替先事業所コード' })
  @Property({ type: 'string', length: 6, nullable: true })
  transferTargetOfficeCode?: string;

  // 事業所・企業
  @Field(() => CompanyProfile, { nullable: true, description: '企業 (申込内容)' })
  @Embedded({ entity: () => CompanyProfile, prefix: 'company_', nullable: true })
  companyProfile?: CompanyProfile;

  @Field(() => OfficeProfile, { nullable: true, description: '事業所・契約者・管理責任者・緊急連絡用FAX (申込内容)' })
  @Embedded({ entity: () => OfficeProfile, prefix: 'office_', nullable: true })
  officeProfile?: OfficeProfile;

  // 回線・論理端末
  @Field(() => Boolean, { description: '機器共用・共同利用、回線付替を別途申込、または自社システムを利用します' })
  @Property({ type: 'boolean', default: false })
  noLineRequired: boolean = false;

  @Field(() => String, { nullable: true, description: '機器共用先 事業所コード' })
  @Property({ type: 'string', length: 6, nullable: true })
  equipmentSharingOfficeCode?: string;

  @Field(() => Person, { nullable: true, description: '工事事務担当者' })
  @Embedded({ entity: () => Person, prefix: 'construction_contact_', nullable: true })
  constructionContact?: Person;

  @Field(() => Person, { nullable: true, description: '工事立会者' })
  @Embedded({ entity: () => Person, prefix: 'construction_attendee_', nullable: true })
  constructionAttendee?: Person;

  @Field(() => String, { nullable: true, description: '回線設置に関する連絡事項' })
  @Property({ type: 'string', length: 240, nullable: true })
  constructionNotes?: string;

  // 料金プラン・請求先
  @Field(() => Plan, { nullable: true, description: '料金プラン' })
  @Enum({ items: () => Plan, nullable: true })
  plan?: Plan;

  @Field(() => Billing, { nullable: true, description: '請求先' })
  @Embedded({ entity: () => Billing, prefix: 'billing_', nullable: true })
  billing?: Billing;

  // 日付
  @Field(() => Date, { description: '申込日時 (受付)' })
  @Property({ type: 'datetime' })
  receivedAt: Date = currentTime();

  @Field(() => String, { nullable: true, description: '利用開始希望日' })
  @Property({ type: 'date', nullable: true })
  desiredStartDate?: string;

  @Field(() => String, { nullable: true, description: '利用開始日 (審査終了時に確定; 廃止は適用日)' })
  @Property({ type: 'date', nullable: true })
  startDate?: string;

  @Field(() => Date, { nullable: true, description: '審査終了日時' })
  @Property({ type: 'datetime', nullable: true })
  reviewedAt?: Date;

  @Field(() => String, { nullable: true, description: 'システム設定申込締切日' })
  @Property({ type: 'date', nullable: true })
  systemSettingsDeadline?: string;

  @Field(() => Date, { nullable: true, description: 'システム設定申込の記録日時' })
  @Property({ type: 'datetime', nullable: true })
  systemSettingsRecordedAt?: Date;

  @Field(() => String, { nullable: true, description: '確認事項 (差戻しのメッセージ)' })
  @Property({ type: 'text', nullable: true })
  returnMessage?: string;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => currentTime() })
  updatedAt: Date = currentTime();

  /** Receipt no., office code, names and kana folded for search (see common/search.ts). */
  @Property({ type: 'text', default: '', hidden: true })
  searchText: string = '';

  @OneToMany({ entity: () => ApplicationUserCode, mappedBy: 'application', orphanRemoval: true })
  userCodes = new Collection<ApplicationUserCode>(this);

  @OneToMany({ entity: () => ApplicationTerminal, mappedBy: 'application', orphanRemoval: true })
  terminals = new Collection<ApplicationTerminal>(this);

  @OneToMany({ entity: () => ApplicationLine, mappedBy: 'application', orphanRemoval: true })
  lines = new Collection<ApplicationLine>(this);

  @OneToMany({ entity: () => ApplicationMailbox, mappedBy: 'application', orphanRemoval: true })
  mailboxes = new Collection<ApplicationMailbox>(this);

  @OneToMany({ entity: () => ApplicationChange, mappedBy: 'application', orphanRemoval: true })
  changes = new Collection<ApplicationChange>(this);

  @OneToMany({ entity: () => Attachment, mappedBy: 'application', orphanRemoval: true })
  attachments = new Collection<Attachment>(this);
}
