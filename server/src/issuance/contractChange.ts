import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { currentTime } from '../common/clock.js';
import { Office } from '../companies/Office.js';
import { Application } from '../applications/Application.js';

// A change of the contract's data (区分の変更, 回線の変更, 管理統計資料, company/office/管理責任者 data, 料金プラン, 請求先)
// takes effect on the application's start date, never at approval: the approval records it here with its
// effective date (the changed columns' new values), and the contract shows it from that date —
//  - reads as of a date (contractAsOf) lay the changes on the row in one query (contract_delta, db/migrations): those
//    not yet applied that are due by the date, and the previous values of those applied after it;
//  - on the date the `contract-changes` job writes them into the rows (apply_contract_changes, keeping the values they
//    replaced in `before`), so everything reading the office's current data sees them from that day.
// Additions and abolitions need no row here: their own startDate/endDate date them.

export enum ContractChangeTarget {
  COMPANY = 'COMPANY',
  OFFICE = 'OFFICE',
  USER_CODE = 'USER_CODE',
  TERMINAL = 'TERMINAL',
  LINE = 'LINE',
}
registerEnumType(ContractChangeTarget, { name: 'ContractChangeTarget', description: '契約変更の対象 (企業・事業所・利用者コード・論理端末・回線)' });

/** The tables a change's target names (apply_contract_changes has the same list). */
export const TARGET_TABLE: Record<ContractChangeTarget, string> = {
  COMPANY: 'company', OFFICE: 'office', USER_CODE: 'user_code', TERMINAL: 'terminal', LINE: 'line',
};

@ObjectType('ContractChangeValue', { description: '変更される項目と変更後の値' })
export class ContractChangeValue {
  @Field(() => String, { description: '項目 (プロパティのパス: systemCategory, profile.manager.email …)' }) field!: string;
  @Field(() => String, { nullable: true, description: '変更後の値 (文字列; 列挙型はその値)' }) value?: string;
}

@ObjectType('ContractChange', { description: '利用開始日 (適用日) に効力を生じる契約内容の変更' })
@Entity({ tableName: 'contract_change' })
@Index({ name: 'contract_change_target_idx', properties: ['targetId', 'effectiveDate'] })
@Index({ name: 'contract_change_pending_idx', expression: 'create index "contract_change_pending_idx" on "contract_change" ("effective_date") where "applied_at" is null' })
@Check({ name: 'contract_change_after_object', expression: "jsonb_typeof(after) = 'object' and after <> '{}'::jsonb" })
@Check({ name: 'contract_change_applied_keeps_before', expression: '(applied_at is null) = (before is null)' })
export class ContractChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Office, index: true })
  office!: Office;

  @ManyToOne({ entity: () => Application, index: true })
  application!: Application;

  @Field(() => String, { description: '適用日 (申込の利用開始日)' })
  @Property({ type: 'date' })
  effectiveDate!: string;

  @Field(() => ContractChangeTarget)
  @Enum({ items: () => ContractChangeTarget })
  target!: ContractChangeTarget;

  @Field(() => ID, { description: '対象の行の id (論理端末・回線・利用者コード・事業所・企業)' })
  @Property({ type: 'uuid' })
  targetId!: string;

  /** The changed columns' new values, by column name. */
  @Property({ type: 'jsonb' })
  after!: Record<string, unknown>;

  /** The values the change replaced when it was applied (by column name). */
  @Property({ type: 'jsonb', nullable: true })
  before?: Record<string, unknown>;

  @Field(() => Date, { nullable: true, description: '契約に反映した日時 (未反映: 予定)' })
  @Property({ type: 'datetime', nullable: true })
  appliedAt?: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = currentTime();
}

/**
 * Writes the changes due by `today` into the contract (safe with several server processes: each change is claimed
 * FOR UPDATE SKIP LOCKED and applied once). Returns how many.
 */
export async function applyDueContractChanges(em: EntityManager, today: string, at: Date): Promise<number> {
  const [row] = await em.fork().execute<Array<{ n: number }>>('select apply_contract_changes(?::date, ?::timestamptz) as n', [today, at]);
  return Number(row?.n ?? 0);
}
