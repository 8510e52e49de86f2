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
