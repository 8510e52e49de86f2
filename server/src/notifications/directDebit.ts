import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationKind, ChangeItem, NoticeCategory, PaymentMethod } from '../common/enums.js';
import type { SecretBox } from '../common/secrets.js';
import type { Application } from '../applications/Application.js';
import { enqueueMail } from './outbox.js';
import { NOTICE_TEXT, addNotice } from './notices.js';
import { applicationRecipients, applicationVariables } from './variables.js';

/**
 * Whether an approved application makes the center send the 預金口座振替依頼書 (口座振替申込専用紙). Seed 001, 請求先:
 * "口座振替を希望の方 … 同一口座振替を希望しない場合 別途「預金口座振替依頼書についてのお知らせ」メールを送付いたします" —
 * a new application paying by 口座振替 from an account of its own, or a change application whose 支払の方法 becomes
 * such a 口座振替. Not for 同一口座振替 (an account already registered) nor for 一括請求 (billed to another 請求先).
 */
export function needsDirectDebitForm(app: Application): boolean {
  const b = app.billing;
  if (!b || b.paymentMethod !== PaymentMethod.DEBIT || b.sameAccount || b.consolidated) return false;
  return app.kind === ApplicationKind.NEW || app.changeItems.includes(ChangeItem.PAYMENT_METHOD);
}

/**
 * On approval: the 新着情報 under 利用料金 (seed 002: "口座振替申込専用紙を送付しました。受領しましたら、必要事項を記入し
 * NACCSセンターに郵送してください。") and the 「預金口座振替依頼書についてのお知らせ」 mail to the 申込担当者 and the
 * 請求 addresses, both in the approval's transaction (persist only; the approval writes them).
 */
export function noticeDirectDebitForm(em: EntityManager, box: SecretBox, app: Application, at: Date): void {
  if (!needsDirectDebitForm(app)) return;
  addNotice(em, app, NoticeCategory.BILLING, NOTICE_TEXT.directDebitForm, at);
  const b = app.billing!;
  const billingName = [b.companyName ?? app.companyProfile?.name, b.officeName ?? app.officeProfile?.name].filter(Boolean).join(' ');
  enqueueMail(em, box, {
    key: 'direct-debit-form', application: app,
    recipients: [...applicationRecipients(app).slice(0, 1), b.contact?.email ?? '', ...(b.emails ?? [])],
    variables: { ...applicationVariables(app), billingCode: app.office?.billingCode, billingName: billingName || undefined },
  });
}
