// The one rule of what a caller may do with an application: every role × status × ownership, against an expectation
// written out independently (the conditions the console applied before it asked the server).
import { describe, expect, it } from 'vitest';
import { ApplicationKind, ApplicationStatus, Role } from '../common/enums.js';
import { ApiKeyScope } from '../graphql/access.js';
import { ApplicationAction as A, availableActions, mayActOn, type ActionCaller, type ActionSubject } from './availableActions.js';

const ME = 'staff-me';
const OTHER = 'staff-other';
const STATUSES = Object.values(ApplicationStatus);
const OPEN: ApplicationStatus[] = [ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW, ApplicationStatus.RETURNED];
const OWNERSHIP = { unassigned: undefined, mine: ME, other: OTHER } as const;
const CALLERS: Record<string, ActionCaller> = {
  ADMIN: { roles: [Role.ADMIN], staffId: ME },
  SUPERVISOR: { roles: [Role.SUPERVISOR], staffId: ME },
  REVIEWER: { roles: [Role.REVIEWER], staffId: ME },
  SUPPORT: { roles: [Role.SUPPORT], staffId: ME },
  INTEGRATOR: { roles: [Role.INTEGRATOR], scopes: [ApiKeyScope.READ, ApiKeyScope.SUBMIT] },
};

/** The expectation, spelled out per action. */
function expected(role: string, app: ActionSubject): A[] {
  const supervisor = role === 'SUPERVISOR';
  const reviewer = role === 'REVIEWER' || supervisor;
  const open = OPEN.includes(app.status);
  const mine = app.assigneeId === ME;
  const ownable = supervisor || !app.assigneeId || mine;
  const out: A[] = [];
  if (reviewer && open && !mine && (supervisor || !app.assigneeId)) out.push(A.ASSIGN_TO_ME);
  if (supervisor && open) out.push(A.ASSIGN_OTHER);
  if (reviewer && open && app.assigneeId && (supervisor || mine)) out.push(A.UNASSIGN);
  if (reviewer && app.status === ApplicationStatus.IN_REVIEW && ownable) out.push(A.RETURN, A.APPROVE);
  if (supervisor && (open || app.status === ApplicationStatus.APPROVED)) out.push(A.CANCEL);
  if (reviewer || role === 'SUPPORT') out.push(A.ADD_INTERNAL_NOTE);
  if ((reviewer || role === 'INTEGRATOR') && app.status === ApplicationStatus.APPROVED && app.kind === ApplicationKind.NEW
    && app.systemSettingsDeadline && !app.systemSettingsRecordedAt) out.push(A.RECORD_SYSTEM_SETTINGS);
  if (supervisor && app.status === ApplicationStatus.APPROVED) out.push(A.REISSUE_PASSWORD);
  if ((reviewer || role === 'INTEGRATOR') && app.status === ApplicationStatus.RETURNED) out.push(A.RESUBMIT);
  if ((reviewer || role === 'INTEGRATOR') && open) out.push(A.WITHDRAW);
  return out;
}

describe('availableActions: role × status × ownership', () => {
  for (const [role, caller] of Object.entries(CALLERS)) {
    for (const status of STATUSES) {
      for (const [owner, assigneeId] of Object.entries(OWNERSHIP)) {
        it(`${role}, ${status}, ${owner}`, () => {
          // An approved new application waits for its システム設定申込 (a deadline, nothing recorded).
          const app: ActionSubject = {
            status, kind: ApplicationKind.NEW, assigneeId,
            systemSettingsDeadline: status === ApplicationStatus.APPROVED ? '2099-01-01' : undefined,
          };
          expect(new Set(availableActions(app, caller))).toEqual(new Set(expected(role, app)));
        });
      }
    }
  }
});

describe('availableActions: the rest of the console’s conditions', () => {
  const approved = (over: Partial<ActionSubject>): ActionSubject =>
    ({ status: ApplicationStatus.APPROVED, kind: ApplicationKind.NEW, systemSettingsDeadline: 'some-day', ...over });

  it('システム設定申込 only for a new application with a deadline, not yet recorded', () => {
    const reviewer = CALLERS.REVIEWER!;
    expect(availableActions(approved({}), reviewer)).toContain(A.RECORD_SYSTEM_SETTINGS);
    expect(availableActions(approved({ systemSettingsRecordedAt: new Date(0) }), reviewer)).not.toContain(A.RECORD_SYSTEM_SETTINGS);
    expect(availableActions(approved({ systemSettingsDeadline: null }), reviewer)).not.toContain(A.RECORD_SYSTEM_SETTINGS);
    expect(availableActions(approved({ kind: ApplicationKind.CHANGE }), reviewer)).not.toContain(A.RECORD_SYSTEM_SETTINGS);
  });

  it('an API key needs the scope of the operation (SUBMIT for 再申込, 取下げ, システム設定申込)', () => {
    const readOnly: ActionCaller = { roles: [Role.INTEGRATOR], scopes: [ApiKeyScope.READ] };
    expect(availableActions(approved({}), readOnly)).toEqual([]);
    expect(availableActions({ status: ApplicationStatus.RETURNED, kind: ApplicationKind.NEW }, readOnly)).toEqual([]);
    expect(availableActions({ status: ApplicationStatus.RETURNED, kind: ApplicationKind.NEW }, CALLERS.INTEGRATOR!)).toEqual([A.RESUBMIT, A.WITHDRAW]);
  });

  it('a reviewer who is also support desk: a colleague\'s application allows only what needs no ownership', () => {
    const both: ActionCaller = { roles: [Role.REVIEWER, Role.SUPPORT], staffId: ME };
    expect(availableActions({ status: ApplicationStatus.IN_REVIEW, kind: ApplicationKind.NEW, assigneeId: OTHER }, both)).toEqual([A.ADD_INTERNAL_NOTE, A.WITHDRAW]);
  });

  it('mayActOn: a reviewer on unassigned or own applications, a supervisor on any, nobody without a staff id on another’s', () => {
    expect(mayActOn(undefined, { roles: [Role.REVIEWER], staffId: ME })).toBe(true);
    expect(mayActOn(ME, { roles: [Role.REVIEWER], staffId: ME })).toBe(true);
    expect(mayActOn(OTHER, { roles: [Role.REVIEWER], staffId: ME })).toBe(false);
    expect(mayActOn(OTHER, { roles: [Role.SUPERVISOR], staffId: ME })).toBe(true);
    expect(mayActOn(OTHER, { roles: [] })).toBe(false);
  });
});
