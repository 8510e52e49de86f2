import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

/** 郵便番号 + 住所 with its フリガナ, as every NSS address block has. */
@ObjectType({ description: '住所' })
@Embeddable()
export class Address {
  @Field(() => String, { nullable: true, description: '郵便番号 (7桁)' })
  @Property({ type: 'string', length: 7, nullable: true })
  postalCode?: string;

  @Field(() => String, { nullable: true, description: '都道府県' })
  @Property({ type: 'string', length: 10, nullable: true })
  prefecture?: string;

  @Field(() => String, { nullable: true, description: '住所 (市区町村・番地・建物)' })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string;

  @Field(() => String, { nullable: true, description: '住所 (フリガナ)' })
  @Property({ type: 'string', length: 400, nullable: true })
  addressKana?: string;
}

/** A person block: 氏名 姓/名, フリガナ, 所属部課名, 役職名, 電話, FAX, E-mail. */
@ObjectType({ description: '担当者' })
@Embeddable()
export class Person {
  @Field(() => String, { nullable: true, description: '氏名 (姓)' })
  @Property({ type: 'string', length: 40, nullable: true })
  lastName?: string;

  @Field(() => String, { nullable: true, description: '氏名 (名)' })
  @Property({ type: 'string', length: 40, nullable: true })
  firstName?: string;

  @Field(() => String, { nullable: true, description: 'フリガナ (姓)' })
  @Property({ type: 'string', length: 80, nullable: true })
  lastNameKana?: string;

  @Field(() => String, { nullable: true, description: 'フリガナ (名)' })
  @Property({ type: 'string', length: 80, nullable: true })
  firstNameKana?: string;

  @Field(() => String, { nullable: true, description: '所属部課名' })
  @Property({ type: 'string', length: 80, nullable: true })
  department?: string;

  @Field(() => String, { nullable: true, description: '役職名' })
  @Property({ type: 'string', length: 80, nullable: true })
  title?: string;

  @Field(() => String, { nullable: true, description: '電話番号 (数字のみ)' })
  @Property({ type: 'string', length: 15, nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true, description: 'FAX番号 (数字のみ)' })
  @Property({ type: 'string', length: 15, nullable: true })
  fax?: string;

  @Field(() => String, { nullable: true, description: 'E-mailアドレス' })
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string;
}

/** Full name for display and mail addressee blocks. */
export const fullName = (p?: Person | null): string => [p?.lastName, p?.firstName].filter(Boolean).join(' ');
