import type { ChangeItem, MailboxType, OtherChange, SystemCategory, TerminalType } from '../labels';
import type { Office } from '../types';
import type {
  AttachmentInput,
  BillingInput,
  CompanyInput,
  LineInput,
  MailboxInput,
  NewApplicationFormValues,
  OfficeInput,
  PersonInput,
  TerminalInput,
  UserCodeInput,
  UserIdInput,
} from './inputTypes';

type Maybe<T> = T | null | undefined;

/** The ChangeApplicationInput of server/schema.graphql (変更申込 / 利用者ID廃止 for an office with a code). */
export interface ChangeApplicationInput {
  applicant?: Maybe<PersonInput>;
  reason?: Maybe<string>;
  desiredStartDate?: Maybe<string>;
  remarks?: Maybe<string>;
  changeItems?: Maybe<ChangeItem[]>;
  otherChange?: Maybe<OtherChange>;
  equipmentSharingOfficeCode?: Maybe<string>;
  transferTargetOfficeCode?: Maybe<string>;
  company?: Maybe<CompanyInput>;
  office?: Maybe<OfficeInput>;
  userCodes?: Maybe<Array<UserCodeInput & { action?: 'ADD' | 'CHANGE' | 'DELETE'; userIds?: Maybe<Array<UserIdInput & { action?: 'ADD' | 'DELETE'; identNo?: Maybe<string> }>> }>>;
  terminals?: Maybe<Array<TerminalInput & { action?: 'ADD' | 'CHANGE' | 'DELETE'; terminalName?: Maybe<string> }>>;
  mailboxes?: Maybe<Array<MailboxInput & { action?: 'ADD' | 'DELETE'; mailboxId?: Maybe<string> }>>;
  lines?: Maybe<Array<LineInput & { action?: 'ADD' | 'CHANGE' | 'DELETE'; existingLineId?: Maybe<string> }>>;
  constructionContact?: Maybe<PersonInput>;
  constructionAttendee?: Maybe<PersonInput>;
  constructionNotes?: Maybe<string>;
  plan?: Maybe<string>;
  billing?: Maybe<BillingInput>;
  attachments?: Maybe<AttachmentInput[]>;
}

/** The CustomsOfficerApplicationInput of server/schema.graphql (変更(通関士): 通関士IDの追加); also the form's values. */
export interface CustomsOfficerApplicationInput {
  applicant?: Maybe<PersonInput>;
  reason?: Maybe<string>;
  desiredStartDate?: Maybe<string>;
  remarks?: Maybe<string>;
  userCode?: Maybe<string>;
  identCount?: Maybe<number>;
  processingMethod?: Maybe<'INTERACTIVE' | 'SMTP_BIDIRECTIONAL'>;
}

/** One 識別番号 of the office's current 利用者コード, with the box that abolishes it (利用者ID廃止). */
export interface CurrentUserIdRow {
  identNo: string;
  userId?: Maybe<string>;
  abolish?: Maybe<boolean>;
}

/** One of the office's current 利用者コード: abolish it, abolish some 識別番号, or add 識別番号 to it. */
export interface CurrentUserCodeRow {
  userCode: string;
  systemCategory?: Maybe<SystemCategory>;
  /** Another office's code this office uses (its 識別番号 here can be abolished; the code only by all). */
  shared?: Maybe<boolean>;
  abolish?: Maybe<boolean>;
  userIds: CurrentUserIdRow[];
  additions: UserIdInput[];
  /** 管理統計資料 / 保税管理資料保存サービス as staff set them (starting from `registered`). */
  statisticsPaid?: Maybe<boolean>;
  statisticsFree?: Maybe<boolean>;
  bondedRecordService?: Maybe<boolean>;
  /** The code's flags in the contract (what the 変更 is compared with; not an input). */
  registered: { statisticsPaid: boolean; statisticsFree: boolean; bondedRecordService: boolean };
}

/** One of the office's current 一般NACCS lines: change it (its fields as staff overwrite them) or abolish it. */
export interface CurrentLineRow extends LineInput {
  existingLineId: string;
  ipAddress?: Maybe<string>;
  change?: Maybe<boolean>;
  abolish?: Maybe<boolean>;
}

export interface CurrentTerminalRow {
  terminalName: string;
  terminalType?: Maybe<TerminalType>;
  systemCategory?: Maybe<SystemCategory>;
  abolish?: Maybe<boolean>;
}

export interface CurrentMailboxRow {
  mailboxId: string;
  mailboxType?: Maybe<MailboxType>;
  abolish?: Maybe<boolean>;
}

/**
 * The 変更申込 form: the office's current contract as the starting values (company, office, plan and billing as
 * the API's input shapes; the current rows with a 廃止 box each) plus the rows to add. Field names follow the API
 * input where they are the same (`office.manager.phone`, `mailboxes.0.count`), so its error paths land on them.
 */
export interface ChangeFormValues {
  officeCode: string;
  changeItems: ChangeItem[];
  applicant?: Maybe<PersonInput>;
  reason?: Maybe<string>;
  desiredStartDate?: Maybe<string>;
  remarks?: Maybe<string>;
  company?: NewApplicationFormValues['company'];
  office?: NewApplicationFormValues['office'];
  plan?: Maybe<string>;
  billing?: NewApplicationFormValues['billing'];
  currentUserCodes: CurrentUserCodeRow[];
  terminals: TerminalInput[];
  currentTerminals: CurrentTerminalRow[];
  mailboxes: MailboxInput[];
  currentMailboxes: CurrentMailboxRow[];
  lines: LineInput[];
  currentLines: CurrentLineRow[];
  constructionContact?: Maybe<PersonInput>;
  constructionAttendee?: Maybe<PersonInput>;
  constructionNotes?: Maybe<string>;
  /** その他の契約変更 (never with checked items: the server refuses both), with what it names. */
  otherChange?: Maybe<OtherChange>;
  equipmentSharingOfficeCode?: Maybe<string>;
  transferTargetOfficeCode?: Maybe<string>;
  attachments: AttachmentInput[];
}

/** The office as the change form reads it: its current contract and its latest application's 申込担当者. */
export type OfficeForChange = Office;
