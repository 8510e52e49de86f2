import { randomUUID } from 'node:crypto';
import { currentTime } from '../common/clock.js';
import { Check, Embedded, Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { CompanyProfile } from '../common/profiles.js';

/** 企業: one legal entity; its 企業略称 is issued on the first approval. */
@ObjectType({ description: '企業' })
@Entity({ tableName: 'company' })
@Check({ name: 'company_abbreviation_format', expression: "abbreviation ~ '^[A-Z]{3}$'" })
export class Company {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { nullable: true, description: '企業略称 (英大文字3桁)' })
  @Property({ type: 'string', length: 3, nullable: true, unique: true })
  abbreviation?: string;

  @Field(() => CompanyProfile)
  @Embedded({ entity: () => CompanyProfile, prefix: false })
  profile: CompanyProfile = new CompanyProfile();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}
