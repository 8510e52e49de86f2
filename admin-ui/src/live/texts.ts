import { useLocaleState } from 'react-admin';
import type { HistoryAction } from '../labels';

/**
 * The live texts of the console (banners, presence, the updates bar, 次の申込へ), Japanese and English, in one place:
 * what someone did to an application, as "<名前> が <動詞>" (HistoryAction → the verb).
 */
const ja = {
  actions: {
    SUBMIT: '申込を登録しました',
    ASSIGN: '担当しました',
    UNASSIGN: '担当を解除しました',
    START_REVIEW: '審査を開始しました',
    RETURN: '確認事項を送りました',
    RESUBMIT: '再申込しました',
    APPROVE: '審査を終了しました',
    WITHDRAW: '申込を取り下げました',
    CANCEL: '申込をキャンセルしました',
    COMMENT: 'コメントを追加しました',
    INTERNAL_NOTE: '社内メモを追加しました',
    SYSTEM_SETTINGS: 'システム設定申込を記録しました',
    PASSWORD_READ: 'パスワードを参照しました',
    PASSWORD_REISSUE: 'パスワードを再発行しました',
  } satisfies Record<HistoryAction, string>,
  assignedTo: (assignee: string) => `${assignee} に割り当てました`,
  acted: (actor: string, verb: string) => `${actor} が${verb}`,
  moreChanges: (n: number) => `(ほか ${n} 件)`,
  reload: '再読み込み',
  viewing: (name: string) => `${name} が閲覧中`,
  viewingNames: (names: string[]) => `${names.join('、')} が閲覧中`,
  assignee: (name: string) => `${name}が担当中`,
  assigneeWhy: '審査の操作は担当者 (または監督者) が行います。担当を替えるには監督者に依頼してください。',
  updates: (n: number) => `${n}件の更新があります`,
  show: '表示する',
  next: '次の申込へ',
  nextNone: 'この一覧に次の申込はありません',
  cursorHint: 'J/K で行を移動、Enter で開く',
};

type Texts = typeof ja;

const en: Texts = {
  actions: {
    SUBMIT: 'submitted the application',
    ASSIGN: 'took the application',
    UNASSIGN: 'unassigned the application',
    START_REVIEW: 'started the review',
    RETURN: 'returned it with questions',
    RESUBMIT: 'resubmitted the application',
    APPROVE: 'approved the application',
    WITHDRAW: 'withdrew the application',
    CANCEL: 'cancelled the application',
    COMMENT: 'added a comment',
    INTERNAL_NOTE: 'added an internal note',
    SYSTEM_SETTINGS: 'recorded the system settings',
    PASSWORD_READ: 'viewed the passwords',
    PASSWORD_REISSUE: 'reissued a password',
  },
  assignedTo: (assignee) => `assigned it to ${assignee}`,
  acted: (actor, verb) => `${actor} ${verb}`,
  moreChanges: (n) => `(and ${n} more)`,
  reload: 'Reload',
  viewing: (name) => `${name} is viewing`,
  viewingNames: (names) => `${names.join(', ')} viewing`,
  assignee: (name) => `Assigned to ${name}`,
  assigneeWhy: 'The review actions are for the assignee (or a supervisor). Ask a supervisor to reassign it.',
  updates: (n) => `${n} update${n === 1 ? '' : 's'}`,
  show: 'Show',
  next: 'Next application',
  nextNone: 'No next application in this list',
  cursorHint: 'J/K to move, Enter to open',
};

export const liveTexts = (locale: string): Texts => (locale === 'en' ? en : ja);

export const useLiveTexts = (): Texts => {
  const [locale] = useLocaleState();
  return liveTexts(locale);
};

export interface EventStaff {
  id?: string | null;
  name: string;
}

/** "審査 二郎 が確認事項を送りました" (an assignment to someone else names them). */
export const describeAction = (
  t: Texts,
  e: { action: HistoryAction; actor: EventStaff; assignee?: EventStaff | null },
): string => {
  const verb = e.action === 'ASSIGN' && e.assignee && e.assignee.id !== e.actor.id ? t.assignedTo(e.assignee.name) : t.actions[e.action] ?? e.action;
  return t.acted(e.actor.name, verb);
};
