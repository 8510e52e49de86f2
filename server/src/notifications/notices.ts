import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationKind, NoticeCategory } from '../common/enums.js';
import type { Application } from '../applications/Application.js';
import { Notice } from './entities.js';

/** 新着情報 wording of the seeds, per event. */
export const NOTICE_TEXT = {
  returned: '利用申込内容に確認事項があります。通知内容をご確認の上、申込内容の修正、または取下げを行ってください。',
  approved: '利用申込の審査が終了しました。通知内容を確認してください。',
  // Seed 002 (新着情報) for a 変更(通関士).
  customsOfficerReturned: '通関士IDの追加申込に確認事項があります。通知内容をご確認の上、申込内容の修正、または取下げを行ってください。',
  customsOfficerApproved: '通関士IDの追加申込の審査を終了しました。追加した利用者を確認してください。',
  cancelledDeadline: 'システム設定申込が期日までに行われなかったため、利用申込をキャンセルしました。',
  cancelled: '利用申込をキャンセルしました。',
  withdrawn: '利用申込の取下げを受け付けました。',
  systemSettings: 'システム設定申込を受け付けました。',
  passwordReissued: 'パスワードを再発行しました。ID通知内容をご確認ください。',
  certificateIssued: 'デジタル証明書を発行しました。ID通知内容で認証コードを確認の上、デジタル証明書を取得してください。',
  // Seed 002 (新着情報, 利用料金).
  directDebitForm: '口座振替申込専用紙を送付しました。受領しましたら、必要事項を記入しNACCSセンターに郵送してください。',
  certificateReissued: 'デジタル証明書を再発行しました。NACCS掲示板よりデジタル証明書を取得の上、適用作業を実施願います。',
} as const;

/** The 新着情報 of a review's outcome in the wording of the application's kind (通関士IDの追加申込 or 利用申込). */
export function reviewNotice(app: Pick<Application, 'kind'>, outcome: 'approved' | 'returned'): string {
  if (app.kind !== ApplicationKind.CUSTOMS_OFFICER) return NOTICE_TEXT[outcome];
  return outcome === 'approved' ? NOTICE_TEXT.customsOfficerApproved : NOTICE_TEXT.customsOfficerReturned;
}

/** Adds a 新着情報 entry for the application's office (persist only; flushed with the event). */
export function addNotice(em: EntityManager, app: Application, category: NoticeCategory, message: string, at: Date): void {
  if (!app.office) return;
  em.persist(Object.assign(new Notice(), { office: app.office, application: app, category, message, at }));
}
