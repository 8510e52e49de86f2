/**
 * Every enum of the GraphQL schema with its Japanese and English label — the one place the console names
 * enum values. The i18n messages expose them as `enums.<Enum>.<VALUE>`, so a choice list can be
 * `enumChoices('ApplicationStatus')` and a field can call `useEnumLabel()`.
 */

const ja = {
  ApplicationStatus: {
    RECEIVED: '受付',
    IN_REVIEW: '審査中',
    RETURNED: '確認事項あり',
    APPROVED: '審査終了',
    WITHDRAWN: '取下げ',
    CANCELLED: 'キャンセル',
  },
  ApplicationKind: { NEW: '新規', CHANGE: '変更', TERMINATION: '解約', CUSTOMS_OFFICER: '変更(通関士)' },
  Connection: { NET: 'netNACCS', GENERAL: '一般NACCS' },
  SystemCategory: { SEA: '海上', AIR: '航空', BOTH: '海上・航空共用' },
  ProcessingMethod: {
    INTERACTIVE: 'インタラクティブ',
    SMTP_BIDIRECTIONAL: 'SMTP双方向',
    SMTP_POP3: 'SMTP/POP3',
    EBMS: 'ebMS',
    EDIFACT: 'EDIFACT',
  },
  Industry: {
    CUSTOMS_BROKER: '通関業',
    CONSOLIDATOR: '混載業',
    AIRCRAFT_SUPPLIES: '機用品業',
    SELF_CUSTOMS: '自社通関',
    AIRLINE: '航空会社',
    CAPTAIN_AGENT: '機長代行',
    MARINE_FORWARDER: '海運業',
    IMPORTER_EXPORTER: '輸出入者',
    AIR_CARGO_AGENT: '航空貨物代理店',
    IWCC: 'IWCC',
    TRADER: '輸出入者(貿易管理システム利用)',
    BONDED_WAREHOUSE: '保税蔵置場',
    CONTAINER_YARD: 'CY',
    SHIPPING_LINE: '船会社',
    SHIPPING_AGENT: '船舶代理店',
    INSURER: '損害保険会社',
    OTHER: 'その他',
  },
  TerminalType: { NET: 'netNACCS', WEB: 'webNACCS', EBMS: 'ebMS', GENERAL: '一般NACCS' },
  PackageSoftware: { NET: 'net', INTERACTIVE: 'インタ (インタラクティブ)' },
  LineType: { LEASED: '専用線', FIBER: 'BB光' },
  LineConnectionMethod: { INTERACTIVE: '一般接続(インタラクティブ)', GATEWAY: 'ゲートウェイ接続' },
  MaintenanceHours: { H24_365: '24時間365日', WEEKDAY_DAYTIME: '平日昼間' },
  IndoorWiring: { CENTER_RENTAL: 'センター手配(配線レンタル)', CUSTOMER: 'お客様手配' },
  MailboxType: { SMTP_POP3: 'SMTP/POP3', EDIFACT: 'EDIFACT' },
  Plan: { A: 'A 基本+従量', B: 'B 従量のみ' },
  PaymentMethod: { DEBIT: '口座振替', TRANSFER: '銀行振込' },
  OtherChange: {
    EQUIPMENT_SHARING: '機器共用',
    JOINT_USE: '共同利用',
    JOINT_USE_NEW_OFFICE: '共同利用(新規事業所)',
    TRANSFER: '付替',
    SUCCESSION: '地位の承継',
    TERMINATION: '契約解除・事業所廃止',
  },
  ChangeItem: {
    COMPANY_OFFICE: '企業名・事業所名・所在地等',
    CONTRACTOR: '契約者',
    HEAD_OFFICE: '本社情報',
    MANAGER: 'システム管理責任者',
    INDUSTRY: '利用業種',
    USER_CODE: '利用者コード',
    IDENT_NO: '識別番号',
    NET_TERMINAL: 'netNACCS端末',
    WEB_CERTIFICATE: 'webNACCS証明書',
    GENERAL_LINE: '一般NACCS回線',
    GENERAL_TERMINAL: '一般NACCS端末',
    MAILBOX: 'メールボックス',
    PLAN: '料金プラン',
    STATISTICS: '管理統計資料',
    BONDED_RECORD_SERVICE: '保税管理資料保存サービス',
    BILLING_ADDRESS: '請求書送付先',
    BILLING_CONTACT: '請求先担当者',
    PAYMENT_METHOD: '支払方法',
  },
  RowAction: { ADD: '追加', CHANGE: '変更', DELETE: '削除' },
  AttachmentKind: { SYSTEM_DIAGRAM: 'システム構成図', POWER_OF_ATTORNEY: '委任状', OTHER: 'その他' },
  /** 管轄税関: not a GraphQL enum (OfficeInput.customsOffice is a String); the keys are what the API stores. */
  CustomsOffice: {
    函館: '函館税関',
    東京: '東京税関',
    横浜: '横浜税関',
    名古屋: '名古屋税関',
    大阪: '大阪税関',
    神戸: '神戸税関',
    門司: '門司税関',
    長崎: '長崎税関',
    沖縄地区: '沖縄地区税関',
    不明: '不明',
  },
  Role: {
    ADMIN: '管理者',
    SUPERVISOR: 'スーパーバイザー',
    REVIEWER: '審査担当',
    SUPPORT: 'ヘルプデスク',
    INTEGRATOR: '連携システム',
  },
  OfficeStatus: { PENDING: '審査中(仮)', ACTIVE: '利用中', CLOSED: '廃止' },
  CertificateStatus: {
    PENDING: '発行待ち',
    ACQUIRED: '取得済',
    REVOKED: '失効',
    STOPPED: '停止',
    EXPIRED: '期限切れ',
  },
  HistoryAction: {
    SUBMIT: '申込',
    ASSIGN: '担当割当',
    UNASSIGN: '担当解除',
    START_REVIEW: '審査開始',
    RETURN: '差戻し(確認事項)',
    RESUBMIT: '再申込',
    APPROVE: '審査終了',
    WITHDRAW: '取下げ',
    CANCEL: 'キャンセル',
    COMMENT: 'コメント',
    INTERNAL_NOTE: '社内メモ',
    SYSTEM_SETTINGS: 'システム設定',
    PASSWORD_READ: 'パスワード参照',
    PASSWORD_REISSUE: 'パスワード再発行',
  },
  ReviewQueue: {
    UNASSIGNED: '未割当',
    MINE: '自分の担当',
    RETURNED: '確認事項あり',
    DUE_SOON: '期限が近い',
    ALL: 'すべて',
  },
  NoticeCategory: {
    APPLICATION: '利用申込',
    SYSTEM_SETTINGS: 'システム設定',
    BILLING: '利用料金',
    CERTIFICATE_REISSUE: '証明書再発行',
  },
  ReissueTargetKind: { USER_ID: '利用者ID', MAILBOX: 'メールボックス', OFFICE: '事業所' },
  /** 自動チェックの重さ (the list's filter: the heaviest finding). */
  CheckSeverity: { BLOCKER: '承認不可', WARNING: '要確認', INFO: '参考' },
  /** 監査ログの操作 (AuditAction). */
  AuditAction: {
    LOGIN_OK: 'サインイン',
    LOGIN_FAILED: 'サインイン失敗',
    LOGIN_LOCKED: 'アカウントロック',
    LOGOUT: 'サインアウト',
    PASSWORD_CHANGE: 'パスワード変更',
    PASSWORD_REVEAL: 'パスワード参照',
    STAFF_CREATE: '職員の作成',
    STAFF_UPDATE: '職員の変更',
    STAFF_PASSWORD_RESET: '職員のパスワードリセット',
    API_KEY_CREATE: 'APIキーの作成',
    API_KEY_REVOKE: 'APIキーの失効',
    API_KEY_USE: 'APIキーの使用',
    TEMPLATE_SAVE: 'テンプレートの保存',
    EMAIL_RESEND: 'メールの再送',
    CSV_EXPORT: 'CSVの書き出し',
    JOB_RUN: 'ジョブの実行',
    OFFICE_CLOSE: '事業所の契約解除 (効力発生)',
    CERTIFICATE_ISSUE: '証明書の発行',
    CERTIFICATE_REISSUE: '証明書の再発行',
    CERTIFICATE_REVOKE: '証明書の失効',
    CERTIFICATE_ACQUIRE: '証明書の取得',
    CERTIFICATE_AUTH_FAILED: '証明書取得の認証失敗',
    CERTIFICATE_STOP: '証明書の停止 (取得期限切れ)',
    CERTIFICATE_EXPIRE: '証明書の期限切れ',
    CERTIFICATE_CLOSE: '証明書の終了 (事業所の契約解除)',
  },
  /** 申込結果の対象項目: not a GraphQL enum (ApplicationResultRow.item is the Japanese label the server sends). */
  ApplicationResultItem: {
    利用者コード数: '利用者コード数',
    識別番号数: '識別番号数',
    回線数: '回線数',
    論理端末数: '論理端末数',
    メールボックス数: 'メールボックス数',
  },
} as const;

type Labels = typeof ja;
export type EnumName = keyof Labels;
type LabelSet = { [E in EnumName]: Record<keyof Labels[E], string> };

const en: LabelSet = {
  ApplicationStatus: {
    RECEIVED: 'Received',
    IN_REVIEW: 'In review',
    RETURNED: 'Returned with questions',
    APPROVED: 'Approved',
    WITHDRAWN: 'Withdrawn',
    CANCELLED: 'Cancelled',
  },
  ApplicationKind: { NEW: 'New', CHANGE: 'Change', TERMINATION: 'Termination', CUSTOMS_OFFICER: 'Change (customs officer IDs)' },
  Connection: { NET: 'netNACCS', GENERAL: 'General NACCS' },
  SystemCategory: { SEA: 'Sea', AIR: 'Air', BOTH: 'Sea and air' },
  ProcessingMethod: {
    INTERACTIVE: 'Interactive',
    SMTP_BIDIRECTIONAL: 'SMTP bidirectional',
    SMTP_POP3: 'SMTP/POP3',
    EBMS: 'ebMS',
    EDIFACT: 'EDIFACT',
  },
  Industry: {
    CUSTOMS_BROKER: 'Customs broker',
    CONSOLIDATOR: 'Consolidator',
    AIRCRAFT_SUPPLIES: 'Aircraft supplies',
    SELF_CUSTOMS: 'In-house customs',
    AIRLINE: 'Airline',
    CAPTAIN_AGENT: 'Captain agent',
    MARINE_FORWARDER: 'Marine cargo forwarder',
    IMPORTER_EXPORTER: 'Importer/exporter',
    AIR_CARGO_AGENT: 'Air cargo agent',
    IWCC: 'IWCC',
    TRADER: 'Importer/exporter (trade control)',
    BONDED_WAREHOUSE: 'Bonded warehouse',
    CONTAINER_YARD: 'Container yard',
    SHIPPING_LINE: 'Shipping line',
    SHIPPING_AGENT: 'Shipping agent',
    INSURER: 'Non-life insurer',
    OTHER: 'Other',
  },
  TerminalType: { NET: 'netNACCS', WEB: 'webNACCS', EBMS: 'ebMS', GENERAL: 'General NACCS' },
  PackageSoftware: { NET: 'net', INTERACTIVE: 'Interactive' },
  LineType: { LEASED: 'Leased line', FIBER: 'Broadband fibre' },
  LineConnectionMethod: { INTERACTIVE: 'Standard (interactive)', GATEWAY: 'Gateway' },
  MaintenanceHours: { H24_365: '24/7', WEEKDAY_DAYTIME: 'Weekday daytime' },
  IndoorWiring: { CENTER_RENTAL: 'By the center (rental)', CUSTOMER: 'By the customer' },
  MailboxType: { SMTP_POP3: 'SMTP/POP3', EDIFACT: 'EDIFACT' },
  Plan: { A: 'A base + usage', B: 'B usage only' },
  PaymentMethod: { DEBIT: 'Direct debit', TRANSFER: 'Bank transfer' },
  OtherChange: {
    EQUIPMENT_SHARING: 'Equipment sharing',
    JOINT_USE: 'Joint use',
    JOINT_USE_NEW_OFFICE: 'Joint use (new office)',
    TRANSFER: 'Transfer',
    SUCCESSION: 'Succession',
    TERMINATION: 'Termination and office closure',
  },
  ChangeItem: {
    COMPANY_OFFICE: 'Company / office name and address',
    CONTRACTOR: 'Contractor',
    HEAD_OFFICE: 'Head office',
    MANAGER: 'System manager',
    INDUSTRY: 'Industries',
    USER_CODE: 'User codes',
    IDENT_NO: 'Identification numbers',
    NET_TERMINAL: 'netNACCS terminals',
    WEB_CERTIFICATE: 'webNACCS certificates',
    GENERAL_LINE: 'General NACCS lines',
    GENERAL_TERMINAL: 'General NACCS terminals',
    MAILBOX: 'Mailboxes',
    PLAN: 'Plan',
    STATISTICS: 'Management statistics',
    BONDED_RECORD_SERVICE: 'Bonded record service',
    BILLING_ADDRESS: 'Invoice address',
    BILLING_CONTACT: 'Billing contact',
    PAYMENT_METHOD: 'Payment method',
  },
  RowAction: { ADD: 'Add', CHANGE: 'Change', DELETE: 'Delete' },
  AttachmentKind: { SYSTEM_DIAGRAM: 'System diagram', POWER_OF_ATTORNEY: 'Power of attorney', OTHER: 'Other' },
  CustomsOffice: {
    函館: 'Hakodate Customs',
    東京: 'Tokyo Customs',
    横浜: 'Yokohama Customs',
    名古屋: 'Nagoya Customs',
    大阪: 'Osaka Customs',
    神戸: 'Kobe Customs',
    門司: 'Moji Customs',
    長崎: 'Nagasaki Customs',
    沖縄地区: 'Okinawa Regional Customs',
    不明: 'Unknown',
  },
  Role: {
    ADMIN: 'Administrator',
    SUPERVISOR: 'Supervisor',
    REVIEWER: 'Reviewer',
    SUPPORT: 'Support desk',
    INTEGRATOR: 'Integrator',
  },
  OfficeStatus: { PENDING: 'Pending', ACTIVE: 'Active', CLOSED: 'Closed' },
  CertificateStatus: {
    PENDING: 'Pending',
    ACQUIRED: 'Acquired',
    REVOKED: 'Revoked',
    STOPPED: 'Stopped',
    EXPIRED: 'Expired',
  },
  HistoryAction: {
    SUBMIT: 'Submitted',
    ASSIGN: 'Assigned',
    UNASSIGN: 'Unassigned',
    START_REVIEW: 'Review started',
    RETURN: 'Returned with questions',
    RESUBMIT: 'Resubmitted',
    APPROVE: 'Approved',
    WITHDRAW: 'Withdrawn',
    CANCEL: 'Cancelled',
    COMMENT: 'Comment',
    INTERNAL_NOTE: 'Internal note',
    SYSTEM_SETTINGS: 'System settings',
    PASSWORD_READ: 'Password viewed',
    PASSWORD_REISSUE: 'Password reissued',
  },
  ReviewQueue: {
    UNASSIGNED: 'Unassigned',
    MINE: 'Mine',
    RETURNED: 'Returned',
    DUE_SOON: 'Due soon',
    ALL: 'All',
  },
  NoticeCategory: {
    APPLICATION: 'Application',
    SYSTEM_SETTINGS: 'System settings',
    BILLING: 'Charges',
    CERTIFICATE_REISSUE: 'Certificate reissue',
  },
  ReissueTargetKind: { USER_ID: 'User ID', MAILBOX: 'Mailbox', OFFICE: 'Office' },
  CheckSeverity: { BLOCKER: 'Blocks approval', WARNING: 'Check', INFO: 'Note' },
  AuditAction: {
    LOGIN_OK: 'Signed in',
    LOGIN_FAILED: 'Sign-in failed',
    LOGIN_LOCKED: 'Account locked',
    LOGOUT: 'Signed out',
    PASSWORD_CHANGE: 'Password changed',
    PASSWORD_REVEAL: 'Passwords viewed',
    STAFF_CREATE: 'Staff created',
    STAFF_UPDATE: 'Staff updated',
    STAFF_PASSWORD_RESET: 'Staff password reset',
    API_KEY_CREATE: 'API key created',
    API_KEY_REVOKE: 'API key revoked',
    API_KEY_USE: 'API key used',
    TEMPLATE_SAVE: 'Template saved',
    EMAIL_RESEND: 'E-mail resent',
    CSV_EXPORT: 'CSV exported',
    JOB_RUN: 'Job run',
    OFFICE_CLOSE: 'Office closed (termination took effect)',
    CERTIFICATE_ISSUE: 'Certificates issued',
    CERTIFICATE_REISSUE: 'Certificate reissued',
    CERTIFICATE_REVOKE: 'Certificate revoked',
    CERTIFICATE_ACQUIRE: 'Certificate acquired',
    CERTIFICATE_AUTH_FAILED: 'Certificate authentication failed',
    CERTIFICATE_STOP: 'Certificate stopped (not acquired in time)',
    CERTIFICATE_EXPIRE: 'Certificate expired',
    CERTIFICATE_CLOSE: 'Certificate ended (office closed)',
  },
  ApplicationResultItem: {
    利用者コード数: 'User codes',
    識別番号数: 'Identification numbers',
    回線数: 'Lines',
    論理端末数: 'Logical terminals',
    メールボックス数: 'Mailboxes',
  },
};

export const enumLabels: { ja: LabelSet; en: LabelSet } = { ja, en };

export type ApplicationStatus = keyof Labels['ApplicationStatus'];
export type ApplicationKind = keyof Labels['ApplicationKind'];
export type Connection = keyof Labels['Connection'];
export type SystemCategory = keyof Labels['SystemCategory'];
export type ProcessingMethod = keyof Labels['ProcessingMethod'];
export type Industry = keyof Labels['Industry'];
export type TerminalType = keyof Labels['TerminalType'];
export type PackageSoftware = keyof Labels['PackageSoftware'];
export type LineType = keyof Labels['LineType'];
export type LineConnectionMethod = keyof Labels['LineConnectionMethod'];
export type MaintenanceHours = keyof Labels['MaintenanceHours'];
export type IndoorWiring = keyof Labels['IndoorWiring'];
export type MailboxType = keyof Labels['MailboxType'];
export type Plan = keyof Labels['Plan'];
export type PaymentMethod = keyof Labels['PaymentMethod'];
export type OtherChange = keyof Labels['OtherChange'];
export type ChangeItem = keyof Labels['ChangeItem'];
export type RowAction = keyof Labels['RowAction'];
export type AttachmentKind = keyof Labels['AttachmentKind'];
export type CustomsOffice = keyof Labels['CustomsOffice'];
export type Role = keyof Labels['Role'];
export type OfficeStatus = keyof Labels['OfficeStatus'];
export type CertificateStatus = keyof Labels['CertificateStatus'];
export type HistoryAction = keyof Labels['HistoryAction'];
export type ReviewQueue = keyof Labels['ReviewQueue'];
export type NoticeCategory = keyof Labels['NoticeCategory'];
export type ReissueTargetKind = keyof Labels['ReissueTargetKind'];

/** The values of an enum, in declaration order. */
export const enumValues = <E extends EnumName>(name: E): Array<keyof Labels[E] & string> =>
  Object.keys(ja[name]) as Array<keyof Labels[E] & string>;

/** react-admin choices whose names are translation keys (react-admin translates them per locale). */
export const enumChoices = (name: EnumName): Array<{ id: string; name: string }> =>
  enumValues(name).map((value) => ({ id: value, name: `enums.${name}.${value}` }));

/** A label outside React (falls back to the raw value for a value this console does not know yet). */
export const enumLabel = (locale: string, name: EnumName, value: string | null | undefined): string => {
  if (value == null || value === '') return '';
  const set = (locale === 'en' ? en : ja)[name] as Record<string, string>;
  return set[value] ?? value;
};
