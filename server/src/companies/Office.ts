import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import { Check, Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Billing, OfficeProfile } from '../common/profiles.js';
import { OfficeStatus, Plan } from '../common/enums.js';
import { Company } from './Company.js';

/** 事業所: the contracting site; holds the contract (利用者コード, 端末, 回線, メールボックス). */
@ObjectType({ description: '事業所' })
@Entity({ tableName: 'office' })
@Check({ name: 'office_code_format', expression: "code ~ '^[A-Z]{3}[0-9]{3}$'" })
@Check({ name: 'office_billing_code_format', expression: "billing_code ~ '^[0-9]{7}$'" })
@Check({
  name: 'office_emergency_faxes_count',
  expression: 'emergency_faxes is null or cardinality(emergency_faxes) >= 1 and cardinality(emergency_faxes) <= 3',
})
@Check({
  name: 'office_billing_consolidated_xor',
  expression: 'not (billing_consolidated_billing_code is not null and billing_consolidated_office_code is not null)',
})
@Check({ name: 'office_billing_emails_max', expression: 'billing_emails is null or cardinality(billing_emails) <= 5' })
@Check({ name: 'office_code_when_active', expression: "status = 'PENDING' or code is not null" })
export class Office {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Company)
  @ManyToOne({ entity: () => Company })
  company!: Company;

  @Field(() => String, { nullable: true, description: '事業所コード (企業略称 + 3桁)' })
  @Property({ type: 'string', length: 6, nullable: true, unique: true })
  code?: string;

  @Field(() => OfficeStatus)
  @Enum({ items: () => OfficeStatus })
  status: OfficeStatus = OfficeStatus.PENDING;

  @Field(() => OfficeProfile)
  @Embedded({ entity: () => OfficeProfile, prefix: false })
  profile: OfficeProfile = new OfficeProfile();

  @Field(() => Boolean, { description: 'netNACCS を利用' })
  @Property({ type: 'boolean', default: false })
  usesNet: boolean = false;

  @Field(() => Boolean, { description: '一般NACCS を利用' })
  @Property({ type: 'boolean', default: false })
  usesGeneral: boolean = false;

  @Field(() => Plan, { nullable: true, description: '料金プラン' })
  @Enum({ items: () => Plan, nullable: true })
  plan?: Plan;

  @Field(() => String, { nullable: true, description: '請求先コード (7桁)' })
  @Property({ type: 'string', length: 7, nullable: true, unique: true })
  billingCode?: string;

  @Field(() => Billing)
  @Embedded({ entity: () => Billing, prefix: 'billing_' })
  billing: Billing = new Billing();

  /** 事業所パスワード, AES-256-GCM ciphertext (issuance module). */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordEnc?: string;

  /** Last day (JST) the 事業所パスワード may be read in ID通知内容 (パスワード参照期間). */
  @Property({ type: 'date', nullable: true })
  passwordReadableUntil?: string;

  @Field(() => String, { nullable: true, description: '利用開始日' })
  @Property({ type: 'date', nullable: true })
  startDate?: string;

  @Field(() => String, { nullable: true, description: '利用終了日 (事業所廃止)' })
  @Property({ type: 'date', nullable: true })
  endDate?: string;

  /** Company/office names and kana folded for search (see common/search.ts). */
  @Index({ name: 'office_search_trgm_idx', expression: 'create index "office_search_trgm_idx" on "office" using gin ("search_text" gin_trgm_ops)' })
  @Property({ type: 'text', default: '', hidden: true })
  searchText: string = '';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}
