/**
 * Client-side shapes of the GraphQL types the console reads (server/schema.graphql is the source of truth).
 * Dates typed `string` are ISO `YYYY-MM-DD`; `DateTimeISO` values are ISO instants.
 */
import type {
  ApplicationKind,
  ApplicationStatus,
  AttachmentKind,
  CertificateStatus,
  ChangeItem,
  Connection,
  HistoryAction,
  IndoorWiring,
  Industry,
  LineConnectionMethod,
  LineType,
  MailboxType,
  MaintenanceHours,
  NoticeCategory,
  OfficeStatus,
  OtherChange,
  PackageSoftware,
  PaymentMethod,
  Plan,
  ProcessingMethod,
  Role,
  RowAction,
  SystemCategory,
  TerminalType,
} from './labels';

type Maybe<T> = T | null | undefined;

export interface Person {
  lastName?: Maybe<string>;
  firstName?: Maybe<string>;
  lastNameKana?: Maybe<string>;
  firstNameKana?: Maybe<string>;
  department?: Maybe<string>;
  title?: Maybe<string>;
  phone?: Maybe<string>;
  fax?: Maybe<string>;
  email?: Maybe<string>;
}

export interface Address {
  postalCode?: Maybe<string>;
  prefecture?: Maybe<string>;
  address?: Maybe<string>;
  addressKana?: Maybe<string>;
}

export interface CompanyProfile {
  name?: Maybe<string>;
  nameKana?: Maybe<string>;
  nameEn?: Maybe<string>;
  headOfficeAddress?: Maybe<Address>;
  headOfficePhone?: Maybe<string>;
  headOfficeFax?: Maybe<string>;
}

export interface OfficeProfile {
  name?: Maybe<string>;
  nameKana?: Maybe<string>;
  address?: Maybe<Address>;
  phone?: Maybe<string>;
  fax?: Maybe<string>;
  customsOffice?: Maybe<string>;
  contractor?: Maybe<Person>;
  manager?: Maybe<Person>;
  emergencyFaxes?: Maybe<string[]>;
}

export interface Billing {
  consolidated?: Maybe<boolean>;
  consolidatedBillingCode?: Maybe<string>;
  consolidatedOfficeCode?: Maybe<string>;
  companyName?: Maybe<string>;
  officeName?: Maybe<string>;
  addressSameAsOffice?: Maybe<boolean>;
  address?: Maybe<Address>;
  contact?: Maybe<Person>;
  emails?: Maybe<string[]>;
  paymentMethod?: Maybe<PaymentMethod>;
  sameAccount?: Maybe<boolean>;
  sameAccountCode?: Maybe<string>;
  bankName?: Maybe<string>;
}

export interface Staff {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  active: boolean;
}

export interface Company {
  id: string;
  abbreviation?: Maybe<string>;
  profile: CompanyProfile;
}

export interface ContractUserId {
  id: string;
  identNo?: Maybe<string>;
  userId?: Maybe<string>;
  industries: Industry[];
  processingMethod?: Maybe<ProcessingMethod>;
  connection?: Maybe<Connection>;
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
}

export interface ContractUserCode {
  id: string;
  code?: Maybe<string>;
  systemCategory?: Maybe<SystemCategory>;
  statisticsPaid?: Maybe<boolean>;
  statisticsFree?: Maybe<boolean>;
  bondedRecordService?: Maybe<boolean>;
  shared: boolean;
  ownerOfficeCode?: Maybe<string>;
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
  userIds: ContractUserId[];
}

export interface ContractTerminal {
  id: string;
  name?: Maybe<string>;
  type?: Maybe<TerminalType>;
  systemCategory?: Maybe<SystemCategory>;
  accessKey?: Maybe<string>;
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
  certificateStatus?: Maybe<CertificateStatus>;
}

export interface ContractLine {
  id: string;
  systemCategory?: Maybe<SystemCategory>;
  connectionMethod?: Maybe<LineConnectionMethod>;
  lineType?: Maybe<LineType>;
  speed?: Maybe<string>;
  indoorWiring?: Maybe<IndoorWiring>;
  maintenance?: Maybe<MaintenanceHours>;
  redundancy?: Maybe<boolean>;
  spareRouter?: Maybe<boolean>;
  pingMonitoring?: Maybe<boolean>;
  ipAddress?: Maybe<string>;
  place?: Maybe<Address>;
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
}

export interface ContractMailbox {
  id: string;
  mailboxId?: Maybe<string>;
  type?: Maybe<MailboxType>;
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
}

export interface Office {
  id: string;
  code?: Maybe<string>;
  status: OfficeStatus;
  company: Company;
  profile: OfficeProfile;
  usesNet: boolean;
  usesGeneral: boolean;
  plan?: Maybe<Plan>;
  billingCode?: Maybe<string>;
  billing?: Maybe<Billing>;
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
  userCodes?: ContractUserCode[];
  terminals?: ContractTerminal[];
  lines?: ContractLine[];
  mailboxes?: ContractMailbox[];
  applications?: Application[];
  /** Approved changes of the contract that take effect on their start date (not yet applied). */
  pendingChanges?: ContractChange[];
}

export type ContractChangeTarget = 'COMPANY' | 'OFFICE' | 'USER_CODE' | 'TERMINAL' | 'LINE';

/** A change of the contract's data that takes effect on its 適用日 (effectiveDate). */
export interface ContractChange {
  id: string;
  effectiveDate: string;
  target: ContractChangeTarget;
  targetId: string;
  targetLabel?: Maybe<string>;
  receiptNo?: Maybe<string>;
  changes: Array<{ field: string; value?: Maybe<string> }>;
}

export interface ApplicationUserId {
  id: string;
  action?: Maybe<RowAction>;
  industries: Industry[];
  processingMethod?: Maybe<ProcessingMethod>;
  identCount?: Maybe<number>;
  identNo?: Maybe<string>;
  position?: Maybe<number>;
}

export interface ApplicationUserCode {
  id: string;
  action: RowAction;
  userCode?: Maybe<string>;
  shared: boolean;
  systemCategory?: Maybe<SystemCategory>;
  singleSignOn: boolean;
  statisticsPaid: boolean;
  statisticsFree: boolean;
  bondedRecordService: boolean;
  position: number;
  /** For a DELETE of a shared 利用者コード: the sharing offices that have not applied for its abolition yet. */
  abolitionMissingOffices?: string[];
  userIds: ApplicationUserId[];
}

export interface ApplicationLine {
  id: string;
  action?: Maybe<RowAction>;
  lineNo: number;
  existingLineId?: Maybe<string>;
  systemCategory?: Maybe<SystemCategory>;
  connectionMethod?: Maybe<LineConnectionMethod>;
  edifact: boolean;
  lineType?: Maybe<LineType>;
  speed?: Maybe<string>;
  indoorWiring?: Maybe<IndoorWiring>;
  maintenance?: Maybe<MaintenanceHours>;
  redundancy?: Maybe<boolean>;
  spareRouter?: Maybe<boolean>;
  pingMonitoring?: Maybe<boolean>;
  constructionDate?: Maybe<string>;
  placeSameAsOffice: boolean;
  place?: Maybe<Address>;
  shared: boolean;
}

export interface ApplicationTerminal {
  id: string;
  action?: Maybe<RowAction>;
  terminalType: TerminalType;
  systemCategory: SystemCategory;
  count?: Maybe<number>;
  lineNo?: Maybe<number>;
  terminalName?: Maybe<string>;
  newSystemCategory?: Maybe<SystemCategory>;
}

export interface ApplicationMailbox {
  id: string;
  action?: Maybe<RowAction>;
  mailboxType: MailboxType;
  count?: Maybe<number>;
  mailboxId?: Maybe<string>;
}

export interface ApplicationChange {
  id: string;
  item: ChangeItem;
  field: string;
  before?: Maybe<string>;
  after?: Maybe<string>;
}

export interface Attachment {
  id: string;
  kind: AttachmentKind;
  fileName?: Maybe<string>;
  contentType?: Maybe<string>;
  size?: Maybe<number>;
  sha256?: Maybe<string>;
  createdAt?: Maybe<string>;
}

export interface ApplicationHistory {
  id?: string;
  at: string;
  actor?: Maybe<Pick<Staff, 'id' | 'name'>>;
  actorName?: Maybe<string>;
  actorRole?: Maybe<string>;
  action: HistoryAction;
  fromStatus?: Maybe<ApplicationStatus>;
  toStatus?: Maybe<ApplicationStatus>;
  message?: Maybe<string>;
  version: number;
  internal: boolean;
}

/** What the caller may do with an application now (the server's availableActions: workflow, ownership, roles). */
export type ApplicationAction =
  | 'ASSIGN_TO_ME'
  | 'ASSIGN_OTHER'
  | 'UNASSIGN'
  | 'RETURN'
  | 'APPROVE'
  | 'CANCEL'
  | 'ADD_INTERNAL_NOTE'
  | 'RECORD_SYSTEM_SETTINGS'
  | 'REISSUE_PASSWORD'
  | 'RESUBMIT'
  | 'WITHDRAW';

export interface Application {
  id: string;
  receiptNo?: Maybe<string>;
  kind: ApplicationKind;
  connection?: Maybe<Connection>;
  status: ApplicationStatus;
  version: number;
  /** この利用者がこの申込に対して今できる操作 (the console offers only these). */
  availableActions?: ApplicationAction[];
  office?: Maybe<Pick<Office, 'id' | 'code'> & Partial<Office>>;
  assignee?: Maybe<Pick<Staff, 'id' | 'name'>>;
  applicantCompanyName?: Maybe<string>;
  applicantCompanyNameKana?: Maybe<string>;
  applicant?: Maybe<Person>;
  reason?: Maybe<string>;
  remarks?: Maybe<string>;
  changeItems?: ChangeItem[];
  otherChange?: Maybe<OtherChange>;
  transferTargetOfficeCode?: Maybe<string>;
  companyProfile?: Maybe<CompanyProfile>;
  officeProfile?: Maybe<OfficeProfile>;
  noLineRequired?: boolean;
  equipmentSharingOfficeCode?: Maybe<string>;
  constructionContact?: Maybe<Person>;
  constructionAttendee?: Maybe<Person>;
  constructionNotes?: Maybe<string>;
  plan?: Maybe<Plan>;
  billing?: Maybe<Billing>;
  receivedAt: string;
  desiredStartDate?: Maybe<string>;
  /** 利用開始希望日までの営業日数 (server calendar; negative once passed). */
  businessDaysToStart?: Maybe<number>;
  /** 受付 (or the latest 再申込) → today, in days. */
  daysWaiting?: number;
  waitingSince?: string;
  startDate?: Maybe<string>;
  reviewedAt?: Maybe<string>;
  systemSettingsDeadline?: Maybe<string>;
  systemSettingsRecordedAt?: Maybe<string>;
  returnMessage?: Maybe<string>;
  updatedAt?: Maybe<string>;
  companyName?: Maybe<string>;
  userCodes?: ApplicationUserCode[];
  terminals?: ApplicationTerminal[];
  lines?: ApplicationLine[];
  mailboxes?: ApplicationMailbox[];
  changes?: ApplicationChange[];
  attachments?: Attachment[];
  history?: ApplicationHistory[];
  latestHistory?: Maybe<ApplicationHistory>;
  startDateAdvice?: StartDateAdvice;
  checks?: ApplicationCheck[];
  result?: ApplicationResultRow[];
}

/** 審査前の自動チェックの指摘 (server: review/checks). */
export interface ApplicationCheck {
  code: string;
  severity: 'INFO' | 'WARNING' | 'BLOCKER';
  message: string;
  path: string;
  linkReceiptNo?: Maybe<string>;
  linkApplicationId?: Maybe<string>;
}

/** 標準日数・最短の利用開始日・希望日が標準日数より短いかどうか. */
export interface StartDateAdvice {
  leadTimeBusinessDays: number;
  earliestStartDate: string;
  desiredDateTooSoon: boolean;
}

/** 申込結果: one row of counts (item is the server's Japanese label, e.g. 利用者コード数). */
export interface ApplicationResultRow {
  item: string;
  added: number;
  changed: number;
  deleted: number;
}

export interface ReviewQueueCounts {
  id: string;
  unassigned: number;
  mine: number;
  returned: number;
  dueSoon: number;
  all: number;
}

/** One day of the business-day calendar (id = date, for react-admin). */
/** The dates an approval with a start date would fix (the server's rules). */
export interface ApprovalPreview {
  id: string;
  startDate: string;
  startDateProblem?: Maybe<string>;
  systemSettingsDeadline?: Maybe<string>;
  passwordReadableUntil: string;
  /** The earliest start date an approval today may fix without an override (server rule). */
  minimumStartDate: string;
  /** Why this start date needs the reviewer's override, if it does. */
  overrideNeeded?: Maybe<string>;
}

export interface CalendarDay {
  id: string;
  date: string;
  businessDay: boolean;
  reason?: Maybe<string>;
}

export interface IdNoticeUserId {
  userId: string;
  userCode: string;
  identNo: string;
  industries: Industry[];
  processingMethod: ProcessingMethod;
  systemCategory: SystemCategory;
  password: string;
  passwordReadable: boolean;
  startDate: string;
  endDate?: Maybe<string>;
}

export interface IdNoticeLine {
  systemCategory: SystemCategory;
  lineType: LineType;
  speed: string;
  routerNo?: Maybe<number>;
  ipAddress?: Maybe<string>;
}

export interface IdNoticeTerminal {
  name: string;
  type: TerminalType;
  systemCategory: SystemCategory;
  accessKey: string;
  /** ルータ番号 and IPアドレス of the line it is on; パッケージソフト区分 (seed 001). */
  routerNo?: Maybe<number>;
  ipAddress?: Maybe<string>;
  packageSoftware?: Maybe<PackageSoftware>;
  certificateStatus?: Maybe<CertificateStatus>;
  authCode1?: Maybe<string>;
  authCode2?: Maybe<string>;
  authCode3?: Maybe<string>;
  authCodesReadable: boolean;
}

export interface IdNoticeMailbox {
  mailboxId: string;
  type: MailboxType;
  password: string;
  passwordReadable: boolean;
}

/** ID通知内容 (id = the application's id, for react-admin). */
export interface IdNotice {
  id: string;
  applicationId: string;
  receiptNo: string;
  startDate: string;
  systemSettingsDeadline?: Maybe<string>;
  contractEndDate?: Maybe<string>;
  applicationFormDeadline?: Maybe<string>;
  abbreviation: string;
  officeCode: string;
  officePassword?: Maybe<string>;
  officePasswordReadable: boolean;
  systemCategory?: Maybe<SystemCategory>;
  customsOffice?: Maybe<string>;
  billingCode?: Maybe<string>;
  userIds: IdNoticeUserId[];
  abolishedUserIds: IdNoticeUserId[];
  lines: IdNoticeLine[];
  terminals: IdNoticeTerminal[];
  mailboxes: IdNoticeMailbox[];
  passwordsRevealed: boolean;
  maskReason?: Maybe<string>;
}

/** 新着情報. */
export interface Notice {
  id: string;
  at: string;
  category: NoticeCategory;
  message: string;
  receiptNo?: Maybe<string>;
}

/** 指定日時点の契約内容 (id = officeId:date). */
export interface ContractSnapshot {
  id: string;
  date: string;
  userIds: string[];
  terminals: string[];
  mailboxes: string[];
  lines: string[];
  /** The contract's data that day (changes take effect on their start date). */
  userCodes?: string[];
  userCodeDetails?: Array<{ id: string; code: string; statisticsPaid: boolean; statisticsFree: boolean; bondedRecordService: boolean }>;
  terminalDetails?: Array<{ id: string; name: string; systemCategory?: Maybe<SystemCategory> }>;
  lineDetails?: Array<{ id: string; ipAddress?: Maybe<string>; lineType?: Maybe<string>; speed?: Maybe<string>; maintenance?: Maybe<string> }>;
  companyProfile?: { name?: Maybe<string> };
  officeProfile?: { name?: Maybe<string>; manager?: Maybe<{ phone?: Maybe<string>; email?: Maybe<string> }> };
  plan?: Maybe<Plan>;
  usesNet?: boolean;
  usesGeneral?: boolean;
}

/** What an integrator key may do (server: graphql/access.ts KEY_ACCESS). */
export type ApiKeyScope = 'READ' | 'SUBMIT' | 'REVEAL_PASSWORDS';
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['READ', 'SUBMIT', 'REVEAL_PASSWORDS'];

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  roles: Role[];
  scopes: ApiKeyScope[];
  /** 企業略称 / 事業所コード the key is limited to (both empty: no limit). */
  companies: string[];
  offices: string[];
  expiresAt?: Maybe<string>;
  revokedAt?: Maybe<string>;
  lastUsedAt?: Maybe<string>;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  staffName?: Maybe<string>;
  apiKeyName?: Maybe<string>;
  target?: Maybe<string>;
  detail?: Maybe<string>;
  ip?: Maybe<string>;
}
