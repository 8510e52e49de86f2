import { registerEnumType } from 'type-graphql';
import { Role } from '../common/enums.js';

// The one authorization table: every query and mutation → the roles that may call it. Resolvers take their
// @Authorized(...) from here, the console hides what a role may not do from the same names, and a test calls every
// operation with every role (and without a token) against it — an operation without a row fails that test.

const { ADMIN, SUPERVISOR, REVIEWER, SUPPORT, INTEGRATOR } = Role;
/** Center staff who read applications. */
const STAFF = [ADMIN, SUPERVISOR, REVIEWER, SUPPORT] as const;
/** Staff and integrators (the NSS portal, reporting tools). */
const READERS = [...STAFF, INTEGRATOR] as const;
const REVIEWERS = [REVIEWER, SUPERVISOR] as const;
/** The portal submits; staff take applications by phone or paper. */
const SUBMITTERS = [INTEGRATOR, REVIEWER, SUPERVISOR] as const;

export const PUBLIC = 'PUBLIC' as const;

export const ACCESS = {
  // staff and sessions
  login: PUBLIC,
  me: STAFF,
  logout: STAFF,
  changePassword: STAFF,
  staffMembers: STAFF,
  staffAccounts: [ADMIN],
  createStaff: [ADMIN],
  updateStaff: [ADMIN],
  resetStaffPassword: [ADMIN],
  apiKeys: [ADMIN],
  createApiKey: [ADMIN],
  revokeApiKey: [ADMIN],
  auditLog: [ADMIN],
  // applications
  application: READERS,
  applications: READERS,
  applicationsExport: READERS,
  reviewQueueCounts: READERS,
  attachmentContent: READERS,
  registerProvisionalAccount: SUBMITTERS,
  submitNewApplication: SUBMITTERS,
  submitChangeApplication: SUBMITTERS,
  submitCustomsOfficerApplication: SUBMITTERS,
  resubmitApplication: SUBMITTERS,
  withdrawApplication: SUBMITTERS,
  // review
  assignApplication: REVIEWERS,
  unassignApplication: REVIEWERS,
  returnApplication: REVIEWERS,
  approveApplication: REVIEWERS,
  cancelApplication: [SUPERVISOR],
  addInternalNote: [REVIEWER, SUPERVISOR, SUPPORT],
  recordSystemSettings: [INTEGRATOR, ...REVIEWERS],
  suggestedAbbreviation: REVIEWERS,
  approvalPreview: REVIEWERS,
  reviewDashboard: READERS,
  // live updates (subscriptions) and 閲覧中
  applicationChanged: READERS,
  reviewQueueChanged: READERS,
  applicationViewersChanged: STAFF,
  viewApplication: STAFF,
  leaveApplication: STAFF,
  // offices, calendar, notices
  office: READERS,
  offices: READERS,
  businessCalendar: READERS,
  addClosureDay: [ADMIN],
  removeClosureDay: [ADMIN],
  notices: READERS,
  // issuance
  idNotice: READERS,
  reissuePassword: [SUPERVISOR],
  // notifications
  notificationTemplates: [SUPERVISOR, REVIEWER, ADMIN],
  notificationTemplate: [SUPERVISOR, REVIEWER, ADMIN],
  previewNotification: [SUPERVISOR, REVIEWER, ADMIN],
  saveNotificationTemplate: [SUPERVISOR],
  rollbackNotificationTemplate: [SUPERVISOR],
  sendTestNotification: [SUPERVISOR],
  outboundEmails: [SUPERVISOR, REVIEWER, SUPPORT, ADMIN],
  resendEmail: [SUPERVISOR],
  // certificates
  certificates: READERS,
  issueCertificates: REVIEWERS,
  reissueCertificate: [SUPERVISOR],
  revokeCertificate: [SUPERVISOR],
} as const satisfies Record<string, readonly Role[] | typeof PUBLIC>;

export type Operation = keyof typeof ACCESS;

/** The roles of an operation, for @Authorized(...roles(name)). */
export function roles(operation: Operation): Role[] {
  const entry = ACCESS[operation];
  return entry === PUBLIC ? [] : [...entry];
}

/** The operations staff with these roles may call: the console shows only what they allow (Staff.operations). */
export const operationsOf = (staffRoles: readonly Role[]): Operation[] =>
  (Object.keys(ACCESS) as Operation[]).filter((op) => {
    const entry = ACCESS[op];
    return entry !== PUBLIC && (entry as readonly Role[]).some((r) => staffRoles.includes(r));
  });

/**
 * Sensitive fields, in the same table: who may read them in clear. Everyone else gets them masked — issued passwords
 * and 認証コード2/3 (they follow the password rule) as ********, staff e-mails as t***@domain (self excepted).
 */
export const FIELD_ACCESS = {
  password: [REVIEWER, SUPERVISOR, INTEGRATOR],
  staffEmail: [ADMIN],
} as const satisfies Record<string, readonly Role[]>;

export const mayRead = (field: keyof typeof FIELD_ACCESS, callerRoles: readonly Role[]): boolean =>
  callerRoles.some((r) => (FIELD_ACCESS[field] as readonly Role[]).includes(r));

/** What an integrator API key may do, besides its role: read, submit, read passwords. */
export enum ApiKeyScope {
  READ = 'READ',
  SUBMIT = 'SUBMIT',
  REVEAL_PASSWORDS = 'REVEAL_PASSWORDS',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'APIキーの権限',
  valuesConfig: {
    READ: { description: '参照: 利用申込・事業所・新着情報・ID通知内容 (パスワードは伏せる)・デジタル証明書・営業日' },
    SUBMIT: { description: '申込: 仮アカウント・新規/変更申込・再申込・取下げ・システム設定申込の記録' },
    REVEAL_PASSWORDS: { description: 'パスワード参照: ID通知内容のパスワードと認証コード (参照期間内; 参照は記録)' },
  },
});
/** Every scope: keys made before scopes existed, and createApiKey without scopes. */
export const ALL_SCOPES: readonly ApiKeyScope[] = [ApiKeyScope.READ, ApiKeyScope.SUBMIT, ApiKeyScope.REVEAL_PASSWORDS];

/** The operations an integrator key may call at all. */
export type IntegratorOperation = {
  [K in Operation]: (typeof ACCESS)[K] extends readonly Role[] ? (typeof Role.INTEGRATOR extends (typeof ACCESS)[K][number] ? K : never) : never;
}[Operation];

/**
 * The scope each integrator operation needs (a key without it is FORBIDDEN), and how a key limited to named companies
 * or offices is held to them: `list` (the resolver reads only their records), `new` (refused: it would make a new
 * company), `none` (nothing of a company's), or the argument naming the application / office / attachment (another
 * company's is NOT_FOUND, as if it did not exist). A new integrator operation without a row here does not compile.
 */
export type KeyLimit = 'list' | 'new' | 'none'
  | { applicationId: string; receiptNo?: string } | { officeId?: string; officeCode: string } | { attachmentId: string };
export const KEY_ACCESS: { [K in IntegratorOperation]: { scope: ApiKeyScope; limit: KeyLimit } } = {
  application: { scope: ApiKeyScope.READ, limit: { applicationId: 'id', receiptNo: 'receiptNo' } },
  applications: { scope: ApiKeyScope.READ, limit: 'list' },
  applicationsExport: { scope: ApiKeyScope.READ, limit: 'list' },
  reviewQueueCounts: { scope: ApiKeyScope.READ, limit: 'list' },
  attachmentContent: { scope: ApiKeyScope.READ, limit: { attachmentId: 'id' } },
  registerProvisionalAccount: { scope: ApiKeyScope.SUBMIT, limit: 'new' },
  submitNewApplication: { scope: ApiKeyScope.SUBMIT, limit: 'new' },
  submitChangeApplication: { scope: ApiKeyScope.SUBMIT, limit: { officeCode: 'officeCode' } },
  submitCustomsOfficerApplication: { scope: ApiKeyScope.SUBMIT, limit: { officeCode: 'officeCode' } },
  resubmitApplication: { scope: ApiKeyScope.SUBMIT, limit: { applicationId: 'id' } },
  withdrawApplication: { scope: ApiKeyScope.SUBMIT, limit: { applicationId: 'id' } },
  recordSystemSettings: { scope: ApiKeyScope.SUBMIT, limit: { applicationId: 'applicationId' } },
  office: { scope: ApiKeyScope.READ, limit: { officeId: 'id', officeCode: 'code' } },
  offices: { scope: ApiKeyScope.READ, limit: 'list' },
  businessCalendar: { scope: ApiKeyScope.READ, limit: 'none' },
  // Addressed by office code, receipt no. or provisional account: the resolver holds a limited key to its offices.
  notices: { scope: ApiKeyScope.READ, limit: 'list' },
  idNotice: { scope: ApiKeyScope.READ, limit: { applicationId: 'applicationId' } },
  certificates: { scope: ApiKeyScope.READ, limit: 'list' },
  // The center's whole workload: a key limited to some offices is refused by the resolver (review/dashboard).
  reviewDashboard: { scope: ApiKeyScope.READ, limit: 'list' },
  // Subscriptions: held to the key's offices when they start (events/EventResolver.ts listenerOf).
  applicationChanged: { scope: ApiKeyScope.READ, limit: 'list' },
  reviewQueueChanged: { scope: ApiKeyScope.READ, limit: 'list' },
};

/** Who asks: their roles, their staff id (staff) and, for an integrator's API key, its scopes. */
export interface ActionCaller {
  roles: readonly Role[];
  staffId?: string;
  scopes?: readonly ApiKeyScope[];
}

/** Whether the caller may call the operation at all: its roles (ACCESS) and, for an API key, the scope (KEY_ACCESS). */
export function mayCall(operation: Operation, caller: ActionCaller): boolean {
  const entry = ACCESS[operation];
  if (entry === PUBLIC) return true;
  if (!(entry as readonly Role[]).some((r) => caller.roles.includes(r))) return false;
  if (!caller.scopes) return true;
  const needed = (KEY_ACCESS as Partial<Record<Operation, { scope: ApiKeyScope }>>)[operation]?.scope;
  return !!needed && caller.scopes.includes(needed);
}

/** Field-level scopes: a key reads these in clear only with the scope (passwords: REVEAL_PASSWORDS). */
export const FIELD_SCOPE: { [F in keyof typeof FIELD_ACCESS]?: ApiKeyScope } = { password: ApiKeyScope.REVEAL_PASSWORDS };

/**
 * The caller's roles as field rules (mayRead) should see them: a key lacking a field's scope reads it as a role that
 * may not (passwords masked, not readable).
 */
export function fieldRoles(caller: { roles: Role[]; apiKey?: { scopes: readonly ApiKeyScope[] } }, field: keyof typeof FIELD_ACCESS): Role[] {
  const scope = FIELD_SCOPE[field];
  if (!caller.apiKey || !scope || caller.apiKey.scopes.includes(scope)) return caller.roles;
  return caller.roles.filter((r) => r !== Role.INTEGRATOR);
}
