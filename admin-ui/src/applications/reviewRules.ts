import type { Application, ApplicationAction } from '../types';

/**
 * Which review actions the console offers on an application: exactly those the server lists in the record's
 * availableActions (its workflow table, the ownership rule and the role table: server/src/review/availableActions.ts).
 * The console keeps no copy of those rules; a record read without availableActions offers nothing.
 */

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

/** The server's action behind each of the console's buttons. */
const ACTION: Record<keyof ReviewActions, ApplicationAction> = {
  assignToMe: 'ASSIGN_TO_ME',
  assignOther: 'ASSIGN_OTHER',
  unassign: 'UNASSIGN',
  return: 'RETURN',
  approve: 'APPROVE',
  cancel: 'CANCEL',
  internalNote: 'ADD_INTERNAL_NOTE',
  recordSystemSettings: 'RECORD_SYSTEM_SETTINGS',
  reissuePassword: 'REISSUE_PASSWORD',
};

export const reviewActionsFor = (app: Pick<Application, 'availableActions'> | undefined): ReviewActions => {
  const available = app?.availableActions ?? [];
  const actions = {} as ReviewActions;
  for (const key of Object.keys(ACTION) as Array<keyof ReviewActions>) actions[key] = available.includes(ACTION[key]);
  return actions;
};

/** ID通知内容 exists once an application is approved (and stays readable after a cancellation). */
export const hasIdNotice = (app: Pick<Application, 'status' | 'startDate'> | undefined): boolean =>
  !!app && (app.status === 'APPROVED' || (app.status === 'CANCELLED' && !!app.startDate));
