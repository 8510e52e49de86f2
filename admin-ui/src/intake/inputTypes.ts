import type { Address, Billing, Person } from '../types';
/**
 * Client-side shapes of the intake inputs of server/schema.graphql (ProvisionalAccountInput, NewApplicationInput
 * and the inputs inside it). The form's field names are these names, so a `fieldErrors[].path` of the API is
 * the name of the form field it belongs to.
 */
import type {
  AttachmentKind,
  Connection,
  IndoorWiring,
  Industry,
  LineConnectionMethod,
  LineType,
  MailboxType,
  MaintenanceHours,
  Plan,
  ProcessingMethod,
  SystemCategory,
  TerminalType,
} from '../labels';

type Maybe<T> = T | null | undefined;

/** What the intake form sends for a person: the read shape plus the e-mail confirmation. */
export interface PersonInput extends Person {
  emailConfirmation?: Maybe<string>;
}

export type AddressInput = Address;

export interface ProvisionalAccountInput {
  companyName?: Maybe<string>;
  companyNameKana?: Maybe<string>;
  applicant?: Maybe<PersonInput>;
}

export interface ProvisionalAccountResult {
  loginId: string;
  password: string;
  expiresAt: string;
}

export interface CompanyInput {
  /** 企業略称 of a company already under contract (事業所追加申込 only). */
  abbreviation?: Maybe<string>;
  name?: Maybe<string>;
  nameKana?: Maybe<string>;
  nameEn?: Maybe<string>;
  soleProprietor?: Maybe<boolean>;
  headOfficeSameAsOffice?: Maybe<boolean>;
  headOfficeAddress?: Maybe<AddressInput>;
  headOfficePhone?: Maybe<string>;
  headOfficeFax?: Maybe<string>;
}

export interface OfficeInput {
  name?: Maybe<string>;
  nameKana?: Maybe<string>;
  address?: Maybe<AddressInput>;
  phone?: Maybe<string>;
  fax?: Maybe<string>;
  customsOffice?: Maybe<string>;
  contractor?: Maybe<PersonInput>;
  managerSameAsApplicant?: Maybe<boolean>;
  managerConfirmed?: Maybe<boolean>;
  manager?: Maybe<PersonInput>;
  emergencyFaxes?: Maybe<Array<Maybe<string>>>;
}

export interface UserIdInput {
  industries?: Maybe<Industry[]>;
  processingMethod?: Maybe<ProcessingMethod>;
  identCount?: Maybe<number>;
}

export interface UserCodeInput {
  shared?: Maybe<boolean>;
  userCode?: Maybe<string>;
  systemCategory?: Maybe<SystemCategory>;
  singleSignOn?: Maybe<boolean>;
  statisticsPaid?: Maybe<boolean>;
  statisticsFree?: Maybe<boolean>;
  bondedRecordService?: Maybe<boolean>;
  userIds?: Maybe<UserIdInput[]>;
}

export interface TerminalInput {
  terminalType?: Maybe<TerminalType>;
  systemCategory?: Maybe<SystemCategory>;
  count?: Maybe<number>;
  lineNo?: Maybe<number>;
}

export interface LineInput {
  systemCategory?: Maybe<SystemCategory>;
  connectionMethod?: Maybe<LineConnectionMethod>;
  edifact?: Maybe<boolean>;
  lineType?: Maybe<LineType>;
  speed?: Maybe<string>;
  indoorWiring?: Maybe<IndoorWiring>;
  maintenance?: Maybe<MaintenanceHours>;
  redundancy?: Maybe<boolean>;
  spareRouter?: Maybe<boolean>;
  pingMonitoring?: Maybe<boolean>;
  constructionDate?: Maybe<string>;
  placeSameAsOffice?: Maybe<boolean>;
  place?: Maybe<AddressInput>;
  shared?: Maybe<boolean>;
}

export interface MailboxInput {
  mailboxType?: Maybe<MailboxType>;
  count?: Maybe<number>;
}

/** The 請求先 the intake form sends has the read shape (the e-mail list may hold empty rows until sending). */
export type BillingInput = Omit<Billing, 'emails'> & { emails?: Maybe<Array<Maybe<string>>> };

export interface AttachmentInput {
  kind?: Maybe<AttachmentKind>;
  fileName?: Maybe<string>;
  contentType?: Maybe<string>;
  contentBase64?: Maybe<string>;
}

export interface NewApplicationInput {
  connection?: Maybe<Connection>;
  applicant?: Maybe<PersonInput>;
  reason?: Maybe<string>;
  desiredStartDate?: Maybe<string>;
  company?: Maybe<CompanyInput>;
  office?: Maybe<OfficeInput>;
  userCodes?: Maybe<UserCodeInput[]>;
  terminals?: Maybe<TerminalInput[]>;
  lines?: Maybe<LineInput[]>;
  noLineRequired?: Maybe<boolean>;
  equipmentSharingOfficeCode?: Maybe<string>;
  constructionContact?: Maybe<PersonInput>;
  constructionAttendee?: Maybe<PersonInput>;
  constructionNotes?: Maybe<string>;
  mailboxes?: Maybe<MailboxInput[]>;
  plan?: Maybe<Plan>;
  billing?: Maybe<BillingInput>;
  remarks?: Maybe<string>;
  attachments?: Maybe<AttachmentInput[]>;
}

/** A row of a list of single values in the form (react-hook-form lists hold objects). */
export interface ValueRow {
  value?: Maybe<string>;
}

/**
 * The 新規利用申込 form: the API input plus the 仮ログインID it is registered with (its own error path); the
 * FAX and e-mail lists as rows.
 */
export interface NewApplicationFormValues extends Omit<NewApplicationInput, 'office' | 'billing'> {
  provisionalLoginId?: Maybe<string>;
  office?: Maybe<Omit<OfficeInput, 'emergencyFaxes'> & { emergencyFaxes?: Maybe<ValueRow[]> }>;
  billing?: Maybe<Omit<BillingInput, 'emails'> & { emails?: Maybe<ValueRow[]> }>;
}

/** One broken field as the API reports it in `extensions.fieldErrors`. */
export interface FieldError {
  path: string;
  message: string;
}
