import { ApplicationKind, ApplicationStatus } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import { addDays } from '../calendar/businessDays.js';
import type { Application } from './Application.js';

// The dates of 申込結果 (seeds 002/003: 利用開始日, 契約満了日, 利用申込書提出締切日, システム設定申込締切日) that are not
// stored columns: each derived from the application in one place, for the application's fields and its ID通知内容.

type Dated = Pick<Application, 'kind' | 'status' | 'startDate' | 'reviewedAt'>;

/**
 * 契約満了日: the last day of the contract a 解約申込 (契約解除・事業所廃止) ends — the day before its 適用日, from which
 * the office and everything of it stop working (IssuanceService closes them with endDate = 適用日). Other kinds
 * end no contract ("-" on the screen, like 契約満了希望日 in seed 003).
 */
export function contractEndDate(app: Dated): string | undefined {
  if (app.kind !== ApplicationKind.TERMINATION || !app.startDate || !decided(app)) return undefined;
  return addDays(app.startDate, -1);
}

/**
 * 利用申込書提出締切日: since the revision of システム利用規程 第12条第1項 (2019-07-21) the 申込書 is not mailed —
 * "NSSによる利用申込に対する審査終了をもって申込書提出の扱いとなります" — so the form counts as submitted, and its
 * deadline met, on the 審査終了日. Before the review ends there is none to show.
 */
export function applicationFormDeadline(app: Dated): string | undefined {
  return decided(app) && app.reviewedAt ? todayInJapan(app.reviewedAt) : undefined;
}

const decided = (app: Dated): boolean => app.status === ApplicationStatus.APPROVED || app.status === ApplicationStatus.CANCELLED;
