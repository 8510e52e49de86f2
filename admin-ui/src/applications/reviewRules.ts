import { mayCall } from '../access';
import type { ApplicationStatus } from '../labels';
import type { Application } from '../types';

/**
 * Which review actions the console offers on an application: the status must allow the action (the server's
 * TRANSITIONS in review/workflow.ts) and the staff member must be allowed to call it (their operations), and a reviewer acts
 * only on applications that are unassigned or their own (ReviewService.checkOwner; supervisors act on any).
 * The server still decides; this only keeps buttons that would be refused off the screen.
 */

const OPEN: ApplicationStatus[] = ['RECEIVED', 'IN_REVIEW', 'RETURNED'];

export interface Me {
  id: string;
  roles: readonly string[];
  /** What the server's table lets this staff member call. */
  operations: readonly string[];
}

export interface ReviewActions {
  assignToMe: boolean;
  /** Supervisors: assign to another reviewer. */
  assignOther: boolean;
  unassign: boolean;
  return: boolean;
  approve: boolean;
  cancel: boolean;
  internalNote: boolean;
  recordSystemSettings: boolean;
  reissuePassword: boolean;
}

type Reviewable = Pick<Application, 'status' | 'kind' | 'assignee' | 'systemSettingsDeadline' | 'systemSettingsRecordedAt'>;

export const reviewActionsFor = (app: Reviewable | undefined, me: Me | undefined): ReviewActions => {
  const none: ReviewActions = {
    assignToMe: false,
    assignOther: false,
    unassign: false,
    return: false,
    approve: false,
    cancel: false,
    internalNote: false,
    recordSystemSettings: false,
    reissuePassword: false,
  };
  if (!app || !me) return none;
  const supervisor = me.roles.includes('SUPERVISOR');
  const open = OPEN.includes(app.status);
  const mine = app.assignee?.id === me.id;
  /** Unassigned or one's own (any, for a supervisor). */
  const ownable = supervisor || !app.assignee || mine;
  return {
    assignToMe: open && mayCall(me.operations, 'assignApplication') && !mine && (supervisor || !app.assignee),
    assignOther: open && supervisor && mayCall(me.operations, 'assignApplication'),
    unassign: open && !!app.assignee && mayCall(me.operations, 'unassignApplication') && (supervisor || mine),
    return: app.status === 'IN_REVIEW' && mayCall(me.operations, 'returnApplication') && ownable,
    approve: app.status === 'IN_REVIEW' && mayCall(me.operations, 'approveApplication') && ownable,
    cancel: (open || app.status === 'APPROVED') && mayCall(me.operations, 'cancelApplication'),
    internalNote: mayCall(me.operations, 'addInternalNote'),
    recordSystemSettings:
      app.status === 'APPROVED' &&
      app.kind === 'NEW' &&
      !!app.systemSettingsDeadline &&
      !app.systemSettingsRecordedAt &&
      mayCall(me.operations, 'recordSystemSettings'),
    reissuePassword: app.status === 'APPROVED' && mayCall(me.operations, 'reissuePassword'),
  };
};

/** ID通知内容 exists once an application is approved (and stays readable after a cancellation). */
export const hasIdNotice = (app: Pick<Application, 'status' | 'startDate'> | undefined): boolean =>
  !!app && (app.status === 'APPROVED' || (app.status === 'CANCELLED' && !!app.startDate));
