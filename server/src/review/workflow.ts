import { LoadStrategy, LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, HistoryAction } from '../common/enums.js';
import { DomainError, ErrorCode, notFound } from '../common/errors.js';
import { Application } from '../applications/Application.js';

/** What staff write to a customer or among themselves (確認事項, 社内メモ, reasons): at most this many characters. */
export const MESSAGE_MAX = 2_000;

const S = ApplicationStatus;
/** The statuses in which an application is still open (waiting for the customer or a reviewer). */
export const OPEN = [S.RECEIVED, S.IN_REVIEW, S.RETURNED];

/** Which statuses each action may start from, and where it leads (SPEC.md workflow). */
export const TRANSITIONS: Partial<Record<HistoryAction, { from: ApplicationStatus[]; to?: ApplicationStatus }>> = {
  [HistoryAction.START_REVIEW]: { from: [S.RECEIVED], to: S.IN_REVIEW },
  [HistoryAction.RETURN]: { from: [S.IN_REVIEW], to: S.RETURNED },
  [HistoryAction.RESUBMIT]: { from: [S.RETURNED], to: S.IN_REVIEW },
  [HistoryAction.APPROVE]: { from: [S.IN_REVIEW], to: S.APPROVED },
  [HistoryAction.WITHDRAW]: { from: OPEN, to: S.WITHDRAWN },
  [HistoryAction.CANCEL]: { from: [...OPEN, S.APPROVED], to: S.CANCELLED },
  // Assignment does not end a status: a 受付 application enters 審査中 (set by the service); others keep theirs.
  [HistoryAction.ASSIGN]: { from: OPEN },
  [HistoryAction.UNASSIGN]: { from: OPEN },
};

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  RECEIVED: '受付', IN_REVIEW: '審査中', RETURNED: '確認事項あり', APPROVED: '審査終了', WITHDRAWN: '取下げ', CANCELLED: 'キャンセル',
};
const ACTION_LABEL: Partial<Record<HistoryAction, string>> = {
  START_REVIEW: '審査開始', ASSIGN: '担当割当', UNASSIGN: '担当解除', RETURN: '確認事項の送付(差戻し)', RESUBMIT: '再申込', APPROVE: '審査終了(承認)', WITHDRAW: '取下げ', CANCEL: 'キャンセル',
};

/**
 * Loads an application for a state change: row-locked in the caller's transaction, its version checked against
 * the caller's (CONFLICT when stale) and the action checked against its status (INVALID_TRANSITION).
 */
export async function lockForTransition(
  em: EntityManager,
  id: string,
  expectedVersion: number,
  action: HistoryAction,
  populate: readonly string[] = [],
): Promise<{ app: Application; from: ApplicationStatus; to: ApplicationStatus }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('指定された申込');
  // What the action needs comes in the same statement (joined); only the application's row is locked.
  const app = await em.findOne(Application, { id }, {
    lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['a0'], populate: populate as never[], strategy: LoadStrategy.JOINED,
  });
  if (!app) throw notFound('指定された申込');
  if (app.version !== expectedVersion) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `他の担当者が先に更新しました (申込受付番号 ${app.receiptNo}: 現在のバージョン ${app.version}, 指定 ${expectedVersion})。画面を再読み込みしてください。`,
      { currentVersion: app.version },
    );
  }
  const rule = TRANSITIONS[action]!;
  if (!rule.from.includes(app.status)) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `申込受付番号 ${app.receiptNo} は「${STATUS_LABEL[app.status]}」のため${ACTION_LABEL[action] ?? action}はできません。`,
      { status: app.status },
    );
  }
  return { app, from: app.status, to: rule.to ?? app.status };
}
