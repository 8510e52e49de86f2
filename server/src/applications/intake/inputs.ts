import { Field, InputType, Int } from 'type-graphql';
import {
  AttachmentKind, ChangeItem, Connection, IndoorWiring, Industry, LineConnectionMethod, LineType, MailboxType,
  MaintenanceHours, OtherChange, PaymentMethod, Plan, ProcessingMethod, RowAction, SystemCategory, TerminalType,
} from '../../common/enums.js';

// What NSS (or a staff member taking an application by phone or paper) submits. Every field is optional at the
// GraphQL level so that validation can report all missing fields at once, in Japanese, as fieldErrors.

@InputType({ description: '住所' })
export class AddressInput {
  @Field(() => String, { nullable: true, description: '郵便番号 (半角数字7桁)' }) postalCode?: string;
  @Field(() => String, { nullable: true, description: '都道府県' }) prefecture?: string;
  @Field(() => String, { nullable: true, description: '住所 (全角)' }) address?: string;
  @Field(() => String, { nullable: true, description: '住所 (全角カナ)' }) addressKana?: string;
}

@InputType({ description: '担当者 (氏名・フリガナ・所属・役職・電話・FAX・E-mail)' })
export class PersonInput {
  @Field(() => String, { nullable: true }) lastName?: string;
  @Field(() => String, { nullable: true }) firstName?: string;
  @Field(() => String, { nullable: true }) lastNameKana?: string;
  @Field(() => String, { nullable: true }) firstNameKana?: string;
  @Field(() => String, { nullable: true }) department?: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) fax?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true, description: 'E-mailアドレス (確認用)' }) emailConfirmation?: string;
}

@InputType({ description: '仮アカウント申込 (申込担当者)' })
export class ProvisionalAccountInput {
  @Field(() => String, { nullable: true, description: '企業名 (全角, 法人格を含む)' }) companyName?: string;
  @Field(() => String, { nullable: true, description: '企業名 (全角カナ)' }) companyNameKana?: string;
  @Field(() => PersonInput, { nullable: true }) applicant?: PersonInput;
}

@InputType({ description: '企業' })
export class CompanyInput {
  @Field(() => String, {
    nullable: true,
    description: '企業略称 (英大文字3桁): 事業所追加申込で、既に契約のある企業に事業所を追加する場合に入力 (新規の企業は空欄)',
  }) abbreviation?: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) nameKana?: string;
  @Field(() => String, { nullable: true, description: '企業名 (英)' }) nameEn?: string;
  @Field(() => Boolean, { nullable: true, description: '個人企業 (屋号・商号のため法人格なし)' }) soleProprietor?: boolean;
  @Field(() => Boolean, { nullable: true, description: '本社は事業所に同じ' }) headOfficeSameAsOffice?: boolean;
  @Field(() => AddressInput, { nullable: true }) headOfficeAddress?: AddressInput;
  @Field(() => String, { nullable: true }) headOfficePhone?: string;
  @Field(() => String, { nullable: true }) headOfficeFax?: string;
}

@InputType({ description: '事業所・契約者・管理責任者・緊急連絡用FAX' })
export class OfficeInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) nameKana?: string;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) fax?: string;
  @Field(() => String, { nullable: true, description: '管轄税関 (例: 東京, 横浜, 不明)' }) customsOffice?: string;
  @Field(() => PersonInput, { nullable: true, description: '契約者 (氏名・フリガナ・役職)' }) contractor?: PersonInput;
  @Field(() => Boolean, { nullable: true, description: '管理責任者は申込担当者に同じ' }) managerSameAsApplicant?: boolean;
  @Field(() => PersonInput, { nullable: true }) manager?: PersonInput;
  @Field(() => [String], { nullable: true, description: '緊急連絡用FAX番号 1〜3 (ない場合は 0000000000)' }) emergencyFaxes?: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: '「管理責任者には、ウイルス対策などのセキュリティ対策を講じていただきます。」の「上記を確認しました。」 (新規申込で必須)',
  }) managerConfirmed?: boolean;
}

@InputType({ description: '利用者ID (業種・処理方式・識別番号数; 廃止は識別番号)' })
export class UserIdInput {
  @Field(() => RowAction, { nullable: true, defaultValue: RowAction.ADD }) action?: RowAction;
  @Field(() => [Industry], { nullable: true }) industries?: Industry[];
  @Field(() => ProcessingMethod, { nullable: true }) processingMethod?: ProcessingMethod;
  @Field(() => Int, { nullable: true }) identCount?: number;
  @Field(() => String, { nullable: true, description: '廃止する識別番号' }) identNo?: string;
}

@InputType({ description: '利用者コード (新規・他事業所と共用・既存の変更/廃止)' })
export class UserCodeInput {
  @Field(() => RowAction, { nullable: true, defaultValue: RowAction.ADD }) action?: RowAction;
  @Field(() => String, { nullable: true, description: '既存の利用者コード (共用・変更・廃止)' }) userCode?: string;
  @Field(() => Boolean, { nullable: true, description: '他事業所の利用者コードを共用する' }) shared?: boolean;
  @Field(() => SystemCategory, { nullable: true }) systemCategory?: SystemCategory;
  @Field(() => Boolean, { nullable: true }) singleSignOn?: boolean;
  @Field(() => Boolean, { nullable: true }) statisticsPaid?: boolean;
  @Field(() => Boolean, { nullable: true }) statisticsFree?: boolean;
  @Field(() => Boolean, { nullable: true }) bondedRecordService?: boolean;
  @Field(() => [UserIdInput], { nullable: true }) userIds?: UserIdInput[];
}

@InputType({ description: '論理端末 (追加数; 区分の変更・廃止は論理端末名)' })
export class TerminalInput {
  @Field(() => RowAction, { nullable: true, defaultValue: RowAction.ADD }) action?: RowAction;
  @Field(() => TerminalType, { nullable: true }) terminalType?: TerminalType;
  @Field(() => SystemCategory, { nullable: true }) systemCategory?: SystemCategory;
  @Field(() => Int, { nullable: true }) count?: number;
  @Field(() => Int, { nullable: true, description: 'ルータ番号 (一般NACCS端末の接続先回線)' }) lineNo?: number;
  @Field(() => String, { nullable: true }) terminalName?: string;
  @Field(() => SystemCategory, { nullable: true }) newSystemCategory?: SystemCategory;
}

@InputType({ description: '回線 (一般NACCS)' })
export class LineInput {
  @Field(() => RowAction, { nullable: true, defaultValue: RowAction.ADD }) action?: RowAction;
  @Field(() => String, { nullable: true, description: '変更・廃止する回線のID' }) existingLineId?: string;
  @Field(() => SystemCategory, { nullable: true }) systemCategory?: SystemCategory;
  @Field(() => LineConnectionMethod, { nullable: true }) connectionMethod?: LineConnectionMethod;
  @Field(() => Boolean, { nullable: true }) edifact?: boolean;
  @Field(() => LineType, { nullable: true }) lineType?: LineType;
  @Field(() => String, { nullable: true, description: '0.5Mbps, 1Mbps, 3Mbps, 5Mbps, 10Mbps (専用線) / 光 (BB光)' }) speed?: string;
  @Field(() => IndoorWiring, { nullable: true }) indoorWiring?: IndoorWiring;
  @Field(() => MaintenanceHours, { nullable: true }) maintenance?: MaintenanceHours;
  @Field(() => Boolean, { nullable: true }) redundancy?: boolean;
  @Field(() => Boolean, { nullable: true }) spareRouter?: boolean;
  @Field(() => Boolean, { nullable: true }) pingMonitoring?: boolean;
  @Field(() => String, { nullable: true, description: '工事希望日 (YYYY-MM-DD)' }) constructionDate?: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) placeSameAsOffice?: boolean;
  @Field(() => AddressInput, { nullable: true }) place?: AddressInput;
  @Field(() => Boolean, { nullable: true }) shared?: boolean;
}

@InputType({ description: 'メールボックス (追加数; 廃止はメールボックスID)' })
export class MailboxInput {
  @Field(() => RowAction, { nullable: true, defaultValue: RowAction.ADD }) action?: RowAction;
  @Field(() => MailboxType, { nullable: true }) mailboxType?: MailboxType;
  @Field(() => Int, { nullable: true }) count?: number;
  @Field(() => String, { nullable: true }) mailboxId?: string;
}

@InputType({ description: '請求先' })
export class BillingInput {
  @Field(() => Boolean, { nullable: true }) consolidated?: boolean;
  @Field(() => String, { nullable: true }) consolidatedBillingCode?: string;
  @Field(() => String, { nullable: true }) consolidatedOfficeCode?: string;
  @Field(() => String, { nullable: true }) companyName?: string;
  @Field(() => String, { nullable: true }) officeName?: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) addressSameAsOffice?: boolean;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput;
  @Field(() => PersonInput, { nullable: true }) contact?: PersonInput;
  @Field(() => [String], { nullable: true }) emails?: string[];
  @Field(() => PaymentMethod, { nullable: true }) paymentMethod?: PaymentMethod;
  @Field(() => Boolean, { nullable: true }) sameAccount?: boolean;
  @Field(() => String, { nullable: true }) sameAccountCode?: string;
  @Field(() => String, { nullable: true }) bankName?: string;
}

@InputType({ description: '添付ファイル (base64)' })
export class AttachmentInput {
  @Field(() => AttachmentKind, { nullable: true }) kind?: AttachmentKind;
  @Field(() => String, { nullable: true }) fileName?: string;
  @Field(() => String, { nullable: true }) contentType?: string;
  @Field(() => String, { nullable: true, description: '内容 (base64, 10MB以下)' }) contentBase64?: string;
}

/** Sections shared by new and change applications. */
@InputType('ApplicationSectionsInput', { description: '新規・変更申込に共通の項目' })
export class ApplicationSectionsInput {
  @Field(() => PersonInput, { nullable: true, description: '申込担当者' }) applicant?: PersonInput;
  @Field(() => String, { nullable: true, description: '申込理由 / 変更する理由 (240文字以内)' }) reason?: string;
  @Field(() => String, { nullable: true, description: '利用開始希望日 (YYYY-MM-DD)' }) desiredStartDate?: string;
  @Field(() => CompanyInput, { nullable: true }) company?: CompanyInput;
  @Field(() => OfficeInput, { nullable: true }) office?: OfficeInput;
  @Field(() => [UserCodeInput], { nullable: true }) userCodes?: UserCodeInput[];
  @Field(() => [TerminalInput], { nullable: true }) terminals?: TerminalInput[];
  @Field(() => [LineInput], { nullable: true }) lines?: LineInput[];
  @Field(() => Boolean, { nullable: true, description: '機器共用・共同利用、回線付替を別途申込、または自社システムを利用します' }) noLineRequired?: boolean;
  @Field(() => String, { nullable: true }) equipmentSharingOfficeCode?: string;
  @Field(() => PersonInput, { nullable: true, description: '工事事務担当者' }) constructionContact?: PersonInput;
  @Field(() => PersonInput, { nullable: true, description: '工事立会者' }) constructionAttendee?: PersonInput;
  @Field(() => String, { nullable: true }) constructionNotes?: string;
  @Field(() => [MailboxInput], { nullable: true }) mailboxes?: MailboxInput[];
  @Field(() => Plan, { nullable: true }) plan?: Plan;
  @Field(() => BillingInput, { nullable: true }) billing?: BillingInput;
  @Field(() => String, { nullable: true, description: '備考 (240文字以内)' }) remarks?: string;
  @Field(() => [AttachmentInput], { nullable: true }) attachments?: AttachmentInput[];
}

@InputType({ description: '新規利用申込' })
export class NewApplicationInput extends ApplicationSectionsInput {
  @Field(() => Connection, { nullable: true, description: 'netNACCS / 一般NACCS' }) connection?: Connection;
}

@InputType({ description: '変更申込 (契約変更の項目、または その他の契約変更 をひとつ)' })
export class ChangeApplicationInput extends ApplicationSectionsInput {
  @Field(() => [ChangeItem], { nullable: true }) changeItems?: ChangeItem[];
  @Field(() => OtherChange, { nullable: true }) otherChange?: OtherChange;
  @Field(() => String, { nullable: true, description: '付替先事業所コード' }) transferTargetOfficeCode?: string;
}

/**
 * 変更(通関士) — NSS 「通関士IDの追加」 (seed 001: "※通関業（自社通関は除く） 別途、通関士用の利用者ID（通関士ID）を申込み
 * する必要があります"; seed 000: "識別番号は通関士の人数分必要です"): 通関士ID added to a 通関業 利用者コード of the office.
 */
@InputType({ description: '変更(通関士): 通関業の利用者コードに通関士ID (通関士用の利用者ID) を追加する申込' })
export class CustomsOfficerApplicationInput {
  @Field(() => PersonInput, { nullable: true, description: '申込担当者' }) applicant?: PersonInput;
  @Field(() => String, { nullable: true, description: '変更する理由 (240文字以内)' }) reason?: string;
  @Field(() => String, { nullable: true, description: '利用開始希望日 (YYYY-MM-DD)' }) desiredStartDate?: string;
  @Field(() => String, { nullable: true, description: '備考 (240文字以内)' }) remarks?: string;
  @Field(() => String, { nullable: true, description: '通関士IDを追加する利用者コード (通関業; 半角英数字5桁)' }) userCode?: string;
  @Field(() => Int, { nullable: true, description: '通関士の人数 (識別番号数: 通関士ごとに1つ, 1〜99)' }) identCount?: number;
  @Field(() => ProcessingMethod, { nullable: true, description: '処理方式 (インタラクティブ・SMTP双方向; 既定はインタラクティブ)' }) processingMethod?: ProcessingMethod;
}
