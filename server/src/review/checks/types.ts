import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Application } from '../../applications/Application.js';
import type { AttachmentKind } from '../../common/enums.js';
import type { StartDateAdvice } from '../../calendar/CalendarService.js';

/** How much a finding of the automatic pre-review checklist weighs. */
export enum CheckSeverity {
  /** Worth a look. */
  INFO = 'INFO',
  /** Usually needs a question to the customer. */
  WARNING = 'WARNING',
  /** Approval as it stands would break a rule (or needs an explicit override). */
  BLOCKER = 'BLOCKER',
}
registerEnumType(CheckSeverity, { name: 'CheckSeverity', description: '自動チェックの重要度 (INFO: 参考, WARNING: 要確認, BLOCKER: このままでは承認不可)' });

@ObjectType({ description: '審査前の自動チェックの指摘' })
export class ApplicationCheck {
  @Field(() => String, { description: 'チェックの種類 (例: DESIRED_DATE_INSIDE_LEAD_TIME)' }) code!: string;
  @Field(() => CheckSeverity) severity!: CheckSeverity;
  @Field(() => String, { description: '指摘 (日本語)' }) message!: string;
  @Field(() => String, { description: '指摘の対象項目 (例: desiredStartDate, attachments)' }) path!: string;
  @Field(() => String, { nullable: true, description: '関連する他の申込の申込受付番号' }) linkReceiptNo?: string;
  @Field(() => ID, { nullable: true, description: '関連する他の申込のID' }) linkApplicationId?: string;
}

@ObjectType({ description: '自動チェックの指摘数 (重要度別)' })
export class CheckSummary {
  @Field(() => Int) info!: number;
  @Field(() => Int) warning!: number;
  @Field(() => Int) blocker!: number;
}

/** Another open application of the same company or office (one batched query for a page). */
export interface OpenSibling {
  id: string;
  receiptNo: string;
  sameOffice: boolean;
}

/**
 * What the checks read of one application: the application with its rows, and what the batch loader gathered for
 * the whole page (calendar, siblings). Checks are pure functions of this, so each is unit-tested without a database.
 */
export interface CheckInput {
  app: Pick<Application, 'id' | 'kind' | 'status' | 'connection' | 'desiredStartDate' | 'otherChange' | 'applicant' | 'officeProfile' | 'billing' | 'constructionContact' | 'constructionAttendee'>;
  today: string;
  /** The standard lead time from 受付 (CalendarService.advise). */
  advice: StartDateAdvice;
  /** The システム設定申込締切日 of the desired start date (new applications only). */
  desiredDateDeadline?: string;
  lines: Array<{ action: string }>;
  attachments: AttachmentKind[];
  userIds: Array<{ action: string; industries: readonly string[]; userCode: string | undefined; position: number }>;
  siblings: OpenSibling[];
  /** The shared 利用者コード the application joins, as the contract has them. */
  sharedCodes: SharedCodeState[];
  /** For a change application: the office's live 利用者コード with the 識別番号 the change keeps and adds. */
  remainingIds: RemainingIds[];
}

/** One live 利用者コード of the office after a change: the 識別番号 it keeps, those it adds, whether the change ends it. */
export interface RemainingIds {
  userCode: string;
  kept: number;
  added: number;
  codeDeleted: boolean;
}

/** A shared 利用者コード an application names: whether it is issued and not ended, and whether its office is being abolished. */
export interface SharedCodeState {
  userCode: string;
  position: number;
  found: boolean;
  ownerTerminating: boolean;
}

export type Check = (input: CheckInput) => ApplicationCheck[];

export const finding = (code: string, severity: CheckSeverity, path: string, message: string, link?: { id: string; receiptNo: string }): ApplicationCheck =>
  Object.assign(new ApplicationCheck(), { code, severity, path, message, linkApplicationId: link?.id, linkReceiptNo: link?.receiptNo });
