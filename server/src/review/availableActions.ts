// What a caller may do with an application now (issue 21): one rule, served as Application.availableActions to the
// console and to integrators, computed from the workflow table (TRANSITIONS), the ownership rule (mayActOn, which
// ReviewService's own checks use) and the role table (ACCESS, and an API key's scopes). The console keeps no copy.
import { registerEnumType } from 'type-graphql';
import { ApplicationKind, ApplicationStatus, HistoryAction, Role } from '../common/enums.js';

export type { ActionCaller };
import { mayCall, type ActionCaller, type Operation } from '../graphql/access.js';
import { TRANSITIONS } from './workflow.js';

export enum ApplicationAction {
  ASSIGN_TO_ME = 'ASSIGN_TO_ME',
  ASSIGN_OTHER = 'ASSIGN_OTHER',
  UNASSIGN = 'UNASSIGN',
  RETURN = 'RETURN',
  APPROVE = 'APPROVE',
  CANCEL = 'CANCEL',
  ADD_INTERNAL_NOTE = 'ADD_INTERNAL_NOTE',
  RECORD_SYSTEM_SETTINGS = 'RECORD_SYSTEM_SETTINGS',
  REISSUE_PASSWORD = 'REISSUE_PASSWORD',
  RESUBMIT = 'RESUBMIT',
  WITHDRAW = 'WITHDRAW',
}
registerEnumType(ApplicationAction, {
  name: 'ApplicationAction',
  description: '利用者が申込に対してできる操作 (Application.availableActions)',
  valuesConfig: {
    ASSIGN_TO_ME: { description: '自分に割り当て (assignApplication)' },
    ASSIGN_OTHER: { description: '他の審査担当者に割り当て (監督者; assignApplication の assigneeId)' },
    UNASSIGN: { description: '担当解除 (unassignApplication)' },
    RETURN: { description: '確認事項の送付・差戻し (returnApplication)' },
    APPROVE: { description: '審査終了・承認 (approveApplication)' },
    CANCEL: { description: 'キャンセル (監督者; cancelApplication)' },
    ADD_INTERNAL_NOTE: { description: '社内メモの追加 (addInternalNote)' },
    RECORD_SYSTEM_SETTINGS: { description: 'システム設定申込の受付を記録 (recordSystemSettings)' },
    REISSUE_PASSWORD: { description: 'パスワード再発行 (監督者; reissuePassword)' },
    RESUBMIT: { description: '再申込 (resubmitApplication)' },
    WITHDRAW: { description: '取下げ (withdrawApplication)' },
  },
});

/** What the rule reads of an application (an entity or a row of the read path). */
export interface ActionSubject {
  status: ApplicationStatus;
  kind: ApplicationKind;
  assigneeId?: string | null;
  systemSettingsDeadline?: string | null;
  systemSettingsRecordedAt?: Date | string | null;
}

/**
 * The ownership rule: a reviewer acts on applications unassigned or their own; a supervisor on any.
 * ReviewService refuses what this refuses (checkOwner, assign).
 */
export const mayActOn = (assigneeId: string | null | undefined, caller: Pick<ActionCaller, 'roles' | 'staffId'>): boolean =>
  caller.roles.includes(Role.SUPERVISOR) || !assigneeId || assigneeId === caller.staffId;

/** A システム設定申込 can be recorded for an approved new application with a deadline (ReviewService.recordSystemSettings). */
export const awaitsSystemSettings = (app: Pick<ActionSubject, 'status' | 'kind' | 'systemSettingsDeadline'>): boolean =>
  app.status === ApplicationStatus.APPROVED && app.kind === ApplicationKind.NEW && !!app.systemSettingsDeadline;

const from = (action: HistoryAction, status: ApplicationStatus): boolean => !!TRANSITIONS[action]?.from.includes(status);

/** Each action: the operation that performs it, and what the application must be (status, ownership) for it. */
const RULES: Record<ApplicationAction, { operation: Operation; allows: (app: ActionSubject, caller: ActionCaller) => boolean }> = {
  ASSIGN_TO_ME: {
    operation: 'assignApplication',
    // Only staff can be assignees; one's own application is not taken again; a colleague's only by a supervisor.
    allows: (a, c) => !!c.staffId && from(HistoryAction.ASSIGN, a.status) && a.assigneeId !== c.staffId && mayActOn(a.assigneeId, c),
  },
  ASSIGN_OTHER: {
    operation: 'assignApplication',
    allows: (a, c) => c.roles.includes(Role.SUPERVISOR) && from(HistoryAction.ASSIGN, a.status),
  },
  UNASSIGN: {
    operation: 'unassignApplication',
    allows: (a, c) => from(HistoryAction.UNASSIGN, a.status) && !!a.assigneeId && mayActOn(a.assigneeId, c),
  },
  RETURN: { operation: 'returnApplication', allows: (a, c) => from(HistoryAction.RETURN, a.status) && mayActOn(a.assigneeId, c) },
  APPROVE: { operation: 'approveApplication', allows: (a, c) => from(HistoryAction.APPROVE, a.status) && mayActOn(a.assigneeId, c) },
  CANCEL: { operation: 'cancelApplication', allows: (a) => from(HistoryAction.CANCEL, a.status) },
  ADD_INTERNAL_NOTE: { operation: 'addInternalNote', allows: () => true },
  // Recording twice is harmless (the service answers the recorded application), but there is nothing left to do.
  RECORD_SYSTEM_SETTINGS: { operation: 'recordSystemSettings', allows: (a) => awaitsSystemSettings(a) && !a.systemSettingsRecordedAt },
  // The passwords an approval issued (reissuePassword names them by code).
  REISSUE_PASSWORD: { operation: 'reissuePassword', allows: (a) => a.status === ApplicationStatus.APPROVED },
  RESUBMIT: { operation: 'resubmitApplication', allows: (a) => from(HistoryAction.RESUBMIT, a.status) },
  WITHDRAW: { operation: 'withdrawApplication', allows: (a) => from(HistoryAction.WITHDRAW, a.status) },
};

/** The actions the caller may take on the application now, in the enum's order. */
export function availableActions(app: ActionSubject, caller: ActionCaller): ApplicationAction[] {
  return (Object.keys(RULES) as ApplicationAction[]).filter((action) => {
    const rule = RULES[action];
    return mayCall(rule.operation, caller) && rule.allows(app, caller);
  });
}
