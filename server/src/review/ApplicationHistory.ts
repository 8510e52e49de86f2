import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { currentTime } from '../common/clock.js';
import { BigIntType } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ApplicationStatus, HistoryAction } from '../common/enums.js';
import { Application } from '../applications/Application.js';
import { Staff } from '../staff/Staff.js';

/** One append-only entry of an application's history; the database refuses UPDATE and DELETE. */
@ObjectType({ description: '履歴' })
@Entity({ tableName: 'application_history' })
// The dashboard's windows (approvals of 12 weeks, today's assignments): db/migrations/*_review_dashboard.ts.
@Index({ name: 'application_history_approve_at_idx', expression: `create index "application_history_approve_at_idx" on "application_history" ("at") include ("application_id", "actor_id") where "action" = 'APPROVE'` })
@Index({ name: 'application_history_assign_at_idx', expression: `create index "application_history_assign_at_idx" on "application_history" ("at") include ("application_id") where "action" = 'ASSIGN'` })
@Check({
  name: 'application_history_return_has_message',
  // Written as PostgreSQL prints it back, so that schema comparison sees no difference.
  expression: "(action <> ALL (ARRAY['RETURN'::text, 'CANCEL'::text, 'WITHDRAW'::text, 'INTERNAL_NOTE'::text, 'COMMENT'::text])) OR (length(btrim(message)) > 0)",
})
export class ApplicationHistory {
  @Field(() => ID)
  // bigint read as a string: JS numbers and GraphQL IDs both take it safely.
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne({ entity: () => Application, index: true })
  application!: Application;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = currentTime();

  @Field(() => Staff, { nullable: true })
  @ManyToOne({ entity: () => Staff, nullable: true })
  actor?: Staff;

  @Field(() => String, { description: '操作者 (職員名, 連携システム名, または「システム」)' })
  @Property({ type: 'string', length: 120 })
  actorName!: string;

  @Field(() => String, { description: '操作者のロール' })
  @Property({ type: 'string', length: 20 })
  actorRole!: string;

  @Field(() => HistoryAction)
  @Enum({ items: () => HistoryAction })
  action!: HistoryAction;

  @Field(() => ApplicationStatus, { nullable: true })
  @Enum({ items: () => ApplicationStatus, nullable: true })
  fromStatus?: ApplicationStatus;

  @Field(() => ApplicationStatus, { nullable: true })
  @Enum({ items: () => ApplicationStatus, nullable: true })
  toStatus?: ApplicationStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message?: string;

  @Field(() => Int, { description: '操作後のバージョン' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => Boolean, { description: '社内メモ (お客様には表示しない)' })
  @Property({ type: 'boolean', default: false })
  internal: boolean = false;
}
