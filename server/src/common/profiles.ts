import { Embeddable, Embedded, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Address, Person } from './embeddables.js';
import { PaymentMethod } from './enums.js';

/** 企業 data: the registered company, or what an application asks it to become. */
@ObjectType({ description: '企業情報' })
@Embeddable()
export class CompanyProfile {
  @Field(() => String, { nullable: true, description: '企業名 (法人格を含む全角)' })
  @Property({ type: 'string', length: 120, nullable: true })
  name?: string;

  @Field(() => String, { nullable: true, description: '企業名 (フリガナ)' })
  @Property({ type: 'string', length: 240, nullable: true })
  nameKana?: string;

  @Field(() => String, { nullable: true, description: '企業名 (英)' })
  @Property({ type: 'string', length: 120, nullable: true })
  nameEn?: string;

  @Field(() => Address, { nullable: true, description: '本社所在地' })
  @Embedded({ entity: () => Address, prefix: 'head_office_', nullable: true })
  headOfficeAddress?: Address;

  @Field(() => String, { nullable: true, description: '本社電話番号' })
  @Property({ type: 'string', length: 15, nullable: true })
  headOfficePhone?: string;

  @Field(() => String, { nullable: true, description: '本社FAX番号' })
  @Property({ type: 'string', length: 15, nullable: true })
  headOfficeFax?: string;
}

/** 事業所 data: office, 管轄税関, 契約者, 管理責任者, 緊急連絡用FAX. */
@ObjectType({ description: '事業所情報' })
@Embeddable()
export class OfficeProfile {
  @Field(() => String, { nullable: true, description: '事業所名' })
  @Property({ type: 'string', length: 120, nullable: true })
  name?: string;

  @Field(() => String, { nullable: true, description: '事業所名 (フリガナ)' })
  @Property({ type: 'string', length: 240, nullable: true })
  nameKana?: string;

  @Field(() => Address, { nullable: true, description: '事業所所在地' })
  @Embedded({ entity: () => Address, prefix: 'addr_', nullable: true })
  address?: Address;

  @Field(() => String, { nullable: true, description: '電話番号' })
  @Property({ type: 'string', length: 15, nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true, description: 'FAX番号' })
  @Property({ type: 'string', length: 15, nullable: true })
  fax?: string;

  @Field(() => String, { nullable: true, description: '管轄税関' })
  @Property({ type: 'string', length: 20, nullable: true })
  customsOffice?: string;

  @Field(() => Person, { nullable: true, description: '契約者' })
  @Embedded({ entity: () => Person, prefix: 'contractor_', nullable: true })
  contractor?: Person;

  @Field(() => Person, { nullable: true, description: '管理責任者' })
  @Embedded({ entity: () => Person, prefix: 'manager_', nullable: true })
  manager?: Person;

  @Field(() => [String], { nullable: true, description: '緊急連絡用FAX番号 1〜3 (なしは 0000000000)' })
  @Property({ type: 'text[]', nullable: true })
  emergencyFaxes?: string[];
}

/** 請求先: 一括請求 (請求先コード xor 事業所コード), 送付先, 担当者, 請求メール ≤5, 支払方法. */
@ObjectType({ description: '請求先' })
@Embeddable()
export class Billing {
  @Field(() => Boolean, { nullable: true, description: '一括請求を希望する' })
  @Property({ type: 'boolean', nullable: true })
  consolidated?: boolean;

  @Field(() => String, { nullable: true, description: '一括請求先の請求先コード' })
  @Property({ type: 'string', length: 7, nullable: true })
  consolidatedBillingCode?: string;

  @Field(() => String, { nullable: true, description: '一括請求先の事業所コード' })
  @Property({ type: 'string', length: 6, nullable: true })
  consolidatedOfficeCode?: string;

  @Field(() => String, { nullable: true, description: '請求先 企業名' })
  @Property({ type: 'string', length: 120, nullable: true })
  companyName?: string;

  @Field(() => String, { nullable: true, description: '請求先 事業所名' })
  @Property({ type: 'string', length: 120, nullable: true })
  officeName?: string;

  @Field(() => Boolean, { nullable: true, description: '請求書送付先は事業所に同じ' })
  @Property({ type: 'boolean', nullable: true })
  addressSameAsOffice?: boolean;

  @Field(() => Address, { nullable: true, description: '請求書送付先' })
  @Embedded({ entity: () => Address, prefix: 'addr_', nullable: true })
  address?: Address;

  @Field(() => Person, { nullable: true, description: '請求に関する担当者' })
  @Embedded({ entity: () => Person, prefix: 'contact_', nullable: true })
  contact?: Person;

  @Field(() => [String], { nullable: true, description: '請求通知先メールアドレス (最大5つ)' })
  @Property({ type: 'text[]', nullable: true })
  emails?: string[];

  @Field(() => PaymentMethod, { nullable: true, description: '支払方法' })
  @Enum({ items: () => PaymentMethod, nullable: true })
  paymentMethod?: PaymentMethod;

  @Field(() => Boolean, { nullable: true, description: '同一口座振替を希望する' })
  @Property({ type: 'boolean', nullable: true })
  sameAccount?: boolean;

  @Field(() => String, { nullable: true, description: '同一口座振替の請求先コードまたは事業所コード' })
  @Property({ type: 'string', length: 7, nullable: true })
  sameAccountCode?: string;

  @Field(() => String, { nullable: true, description: '振込先銀行' })
  @Property({ type: 'string', length: 40, nullable: true })
  bankName?: string;
}
