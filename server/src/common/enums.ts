import { registerEnumType } from 'type-graphql';

/** Workflow statuses of SPEC.md. */
export enum ApplicationStatus {
  RECEIVED = 'RECEIVED',
  IN_REVIEW = 'IN_REVIEW',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
  WITHDRAWN = 'WITHDRAWN',
  CANCELLED = 'CANCELLED',
}

/** 新規申込 / 変更申込 / 解約申込 / 変更(通関士) (seed 003 申込分類; NSS 「通関士IDの追加」). */
export enum ApplicationKind {
  NEW = 'NEW',
  CHANGE = 'CHANGE',
  TERMINATION = 'TERMINATION',
  CUSTOMS_OFFICER = 'CUSTOMS_OFFICER',
}

/** netNACCS / 一般NACCS. */
export enum Connection {
  NET = 'NET',
  GENERAL = 'GENERAL',
}

/** システム区分. */
export enum SystemCategory {
  SEA = 'SEA',
  AIR = 'AIR',
  BOTH = 'BOTH',
}

/** 処理方式 (seed 001 / 000 screens). */
export enum ProcessingMethod {
  INTERACTIVE = 'INTERACTIVE',
  SMTP_BIDIRECTIONAL = 'SMTP_BIDIRECTIONAL',
  SMTP_POP3 = 'SMTP_POP3',
  EBMS = 'EBMS',
  EDIFACT = 'EDIFACT',
}

/**
 * 業種: the 17 choices of the NSS 利用者コード screen (seed 000), in its order. Values kept from the first list keep their
 * meaning (TRADER is 輸出入者(貿易管理システム利用)); 海貨業 (once NVOCC) is the screen's 海運業 and 銀行 (once BANK, not on
 * the screen) became その他 — stored data was migrated (Migration20261203120000_industries_of_the_screen).
 */
export enum Industry {
  CUSTOMS_BROKER = 'CUSTOMS_BROKER', // 通関業
  CONSOLIDATOR = 'CONSOLIDATOR', // 混載業
  AIRCRAFT_SUPPLIES = 'AIRCRAFT_SUPPLIES', // 機用品業
  SELF_CUSTOMS = 'SELF_CUSTOMS', // 自社通関
  AIRLINE = 'AIRLINE', // 航空会社
  CAPTAIN_AGENT = 'CAPTAIN_AGENT', // 機長代行
  MARINE_FORWARDER = 'MARINE_FORWARDER', // 海運業 (海貨業)
  IMPORTER_EXPORTER = 'IMPORTER_EXPORTER', // 輸出入者
  AIR_CARGO_AGENT = 'AIR_CARGO_AGENT', // 航空貨物代理店
  IWCC = 'IWCC', // IWCC
  TRADER = 'TRADER', // 輸出入者(貿易管理システム利用)
  BONDED_WAREHOUSE = 'BONDED_WAREHOUSE', // 保税蔵置場
  CONTAINER_YARD = 'CONTAINER_YARD', // CY
  SHIPPING_LINE = 'SHIPPING_LINE', // 船会社
  SHIPPING_AGENT = 'SHIPPING_AGENT', // 船舶代理店
  INSURER = 'INSURER', // 損害保険会社
  OTHER = 'OTHER', // その他
}

/** 業種 that may never be combined under シングルサインオン (seed 000: 「自社通関」「輸出入者(貿易管理システム利用)」「機長代行」は除外). */
export const SOLO_INDUSTRIES: readonly Industry[] = [Industry.SELF_CUSTOMS, Industry.TRADER, Industry.CAPTAIN_AGENT];

/**
 * The screen's 枠 (seed 000: "シングルサインオン「要」を選択すると、同じ枠内の業種は複数選択することができます"), as NACCS's
 * シングルサインオン groups have them: Ⅰ the cargo trades, Ⅱ 保税蔵置場 and CY; the others stand alone.
 */
export const INDUSTRY_GROUPS: ReadonlyArray<readonly Industry[]> = [
  [Industry.CUSTOMS_BROKER, Industry.CONSOLIDATOR, Industry.AIRCRAFT_SUPPLIES, Industry.SELF_CUSTOMS, Industry.AIRLINE, Industry.CAPTAIN_AGENT,
    Industry.MARINE_FORWARDER, Industry.IMPORTER_EXPORTER, Industry.AIR_CARGO_AGENT, Industry.IWCC, Industry.TRADER],
  [Industry.BONDED_WAREHOUSE, Industry.CONTAINER_YARD],
  [Industry.SHIPPING_LINE],
  [Industry.SHIPPING_AGENT],
  [Industry.INSURER],
  [Industry.OTHER],
];

/** The 枠 (index into INDUSTRY_GROUPS) of an industry. */
export const industryGroup = (industry: Industry): number => INDUSTRY_GROUPS.findIndex((g) => g.includes(industry));

/** 業種 for which 保税管理資料保存サービス is offered. */
export const BONDED_RECORD_INDUSTRIES: readonly Industry[] = [
  Industry.CONTAINER_YARD,
  Industry.BONDED_WAREHOUSE,
  Industry.AIRLINE,
  Industry.AIRCRAFT_SUPPLIES,
];

/** 論理端末 kinds: netNACCS, webNACCS (certificate), ebMS, 一般NACCS terminal. */
export enum TerminalType {
  NET = 'NET',
  WEB = 'WEB',
  EBMS = 'EBMS',
  GENERAL = 'GENERAL',
}

/** 回線種別: 専用線 / BB光. */
export enum LineType {
  LEASED = 'LEASED',
  FIBER = 'FIBER',
}

/** 接続方式 of a 一般NACCS line. */
export enum LineConnectionMethod {
  INTERACTIVE = 'INTERACTIVE', // 一般接続(インタラクティブ)
  GATEWAY = 'GATEWAY', // ゲートウェイ接続(自社システム)
}

/** 保守時間帯. Options exist only with H24_365. */
export enum MaintenanceHours {
  H24_365 = 'H24_365',
  WEEKDAY_DAYTIME = 'WEEKDAY_DAYTIME',
}

/** 屋内配線工事. */
export enum IndoorWiring {
  CENTER_RENTAL = 'CENTER_RENTAL', // センター手配(配線レンタル)
  CUSTOMER = 'CUSTOMER', // お客様手配
}

export enum MailboxType {
  SMTP_POP3 = 'SMTP_POP3',
  EDIFACT = 'EDIFACT',
}

export enum Plan {
  A = 'A',
  B = 'B',
}

export enum PaymentMethod {
  DEBIT = 'DEBIT',
  TRANSFER = 'TRANSFER',
}

/** その他の契約変更 — exactly one, never with checkbox items. */
export enum OtherChange {
  EQUIPMENT_SHARING = 'EQUIPMENT_SHARING',
  JOINT_USE = 'JOINT_USE',
  JOINT_USE_NEW_OFFICE = 'JOINT_USE_NEW_OFFICE',
  TRANSFER = 'TRANSFER',
  SUCCESSION = 'SUCCESSION',
  TERMINATION = 'TERMINATION',
}

/** Checkbox items of the 変更申込 screen (seeds 002/003/004). */
export enum ChangeItem {
  COMPANY_OFFICE = 'COMPANY_OFFICE',
  CONTRACTOR = 'CONTRACTOR',
  HEAD_OFFICE = 'HEAD_OFFICE',
  MANAGER = 'MANAGER',
  INDUSTRY = 'INDUSTRY',
  USER_CODE = 'USER_CODE',
  IDENT_NO = 'IDENT_NO',
  NET_TERMINAL = 'NET_TERMINAL',
  WEB_CERTIFICATE = 'WEB_CERTIFICATE',
  GENERAL_LINE = 'GENERAL_LINE',
  GENERAL_TERMINAL = 'GENERAL_TERMINAL',
  MAILBOX = 'MAILBOX',
  PLAN = 'PLAN',
  STATISTICS = 'STATISTICS',
  BONDED_RECORD_SERVICE = 'BONDED_RECORD_SERVICE',
  BILLING_ADDRESS = 'BILLING_ADDRESS',
  BILLING_CONTACT = 'BILLING_CONTACT',
  PAYMENT_METHOD = 'PAYMENT_METHOD',
}

/** Row action inside an application section. */
export enum RowAction {
  ADD = 'ADD',
  CHANGE = 'CHANGE',
  DELETE = 'DELETE',
}

export enum AttachmentKind {
  SYSTEM_DIAGRAM = 'SYSTEM_DIAGRAM', // システム構成図
  POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY', // 委任状
  OTHER = 'OTHER',
}

export enum Role {
  ADMIN = 'ADMIN',
  SUPERVISOR = 'SUPERVISOR',
  REVIEWER = 'REVIEWER',
  SUPPORT = 'SUPPORT',
  INTEGRATOR = 'INTEGRATOR',
}

export enum OfficeStatus {
  PENDING = 'PENDING', // 新規申込の審査中: no code issued yet
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

/** 新着情報 categories as NSS shows them. */
export enum NoticeCategory {
  APPLICATION = 'APPLICATION', // 利用申込
  SYSTEM_SETTINGS = 'SYSTEM_SETTINGS', // システム設定
  BILLING = 'BILLING', // 利用料金
  CERTIFICATE_REISSUE = 'CERTIFICATE_REISSUE', // 証明書再発行
}

export enum CertificateStatus {
  PENDING = 'PENDING', // 発行待ち
  ACQUIRED = 'ACQUIRED', // 取得済
  REVOKED = 'REVOKED', // 失効
  STOPPED = 'STOPPED', // 停止
  EXPIRED = 'EXPIRED', // 期限切れ
}

/** What the audit log records (監査ログの操作); the database refuses any other (CHECK). */
export enum AuditAction {
  LOGIN_OK = 'LOGIN_OK', // サインイン
  LOGIN_FAILED = 'LOGIN_FAILED', // サインイン失敗
  LOGIN_LOCKED = 'LOGIN_LOCKED', // アカウントロック
  LOGOUT = 'LOGOUT', // サインアウト
  PASSWORD_CHANGE = 'PASSWORD_CHANGE', // パスワード変更
  PASSWORD_REVEAL = 'PASSWORD_REVEAL', // パスワード参照
  STAFF_CREATE = 'STAFF_CREATE', // 職員の作成
  STAFF_UPDATE = 'STAFF_UPDATE', // 職員の変更
  STAFF_PASSWORD_RESET = 'STAFF_PASSWORD_RESET', // 職員のパスワードリセット
  API_KEY_CREATE = 'API_KEY_CREATE', // APIキーの作成
  API_KEY_REVOKE = 'API_KEY_REVOKE', // APIキーの失効
  API_KEY_USE = 'API_KEY_USE', // APIキーの使用
  TEMPLATE_SAVE = 'TEMPLATE_SAVE', // テンプレートの保存
  EMAIL_RESEND = 'EMAIL_RESEND', // メールの再送
  CSV_EXPORT = 'CSV_EXPORT', // CSVの書き出し
  JOB_RUN = 'JOB_RUN', // ジョブの実行
  OFFICE_CLOSE = 'OFFICE_CLOSE', // 事業所の契約解除 (効力発生)
  CERTIFICATE_ISSUE = 'CERTIFICATE_ISSUE', // 証明書の発行
  CERTIFICATE_REISSUE = 'CERTIFICATE_REISSUE', // 証明書の再発行
  CERTIFICATE_REVOKE = 'CERTIFICATE_REVOKE', // 証明書の失効
  CERTIFICATE_ACQUIRE = 'CERTIFICATE_ACQUIRE', // 証明書の取得
  CERTIFICATE_AUTH_FAILED = 'CERTIFICATE_AUTH_FAILED', // 証明書取得の認証失敗
  CERTIFICATE_STOP = 'CERTIFICATE_STOP', // 証明書の停止 (取得期限切れ)
  CERTIFICATE_EXPIRE = 'CERTIFICATE_EXPIRE', // 証明書の期限切れ
  CERTIFICATE_CLOSE = 'CERTIFICATE_CLOSE', // 証明書の終了 (事業所の契約解除)
}

export enum EmailStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  DEAD = 'DEAD',
}

export enum HistoryAction {
  SUBMIT = 'SUBMIT',
  ASSIGN = 'ASSIGN',
  UNASSIGN = 'UNASSIGN',
  START_REVIEW = 'START_REVIEW',
  RETURN = 'RETURN',
  RESUBMIT = 'RESUBMIT',
  APPROVE = 'APPROVE',
  WITHDRAW = 'WITHDRAW',
  CANCEL = 'CANCEL',
  COMMENT = 'COMMENT',
  INTERNAL_NOTE = 'INTERNAL_NOTE',
  SYSTEM_SETTINGS = 'SYSTEM_SETTINGS',
  PASSWORD_READ = 'PASSWORD_READ',
  PASSWORD_REISSUE = 'PASSWORD_REISSUE',
}

const enums = {
  ApplicationStatus, ApplicationKind, Connection, SystemCategory, ProcessingMethod, Industry, TerminalType, LineType,
  LineConnectionMethod, MaintenanceHours, IndoorWiring, MailboxType, Plan, PaymentMethod, OtherChange, ChangeItem,
  RowAction, AttachmentKind, Role, OfficeStatus, NoticeCategory, CertificateStatus, EmailStatus, HistoryAction, AuditAction,
};
for (const [name, e] of Object.entries(enums)) registerEnumType(e, { name });

/** SQL `IN (...)` list of an enum's values, for CHECK constraints. */
export const sqlIn = (e: Record<string, string>): string => `(${Object.values(e).map((v) => `'${v}'`).join(', ')})`;
