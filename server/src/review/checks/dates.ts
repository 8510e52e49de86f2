import { ApplicationKind } from '../../common/enums.js';
import { OPEN } from '../workflow.js';
import { CheckSeverity, finding, type Check } from './types.js';

const undecided = (status: Parameters<typeof OPEN.includes>[0]) => OPEN.includes(status);

/**
 * 利用開始希望日 inside the standard lead time (60 business days for a line to be laid, 10 other new, 5 change —
 * CalendarService.leadTime, counted from 受付 as the approve dialog's warning).
 */
export const desiredDateInsideLeadTime: Check = ({ app, advice }) =>
  undecided(app.status) && advice.desiredDateTooSoon
    ? [finding('DESIRED_DATE_INSIDE_LEAD_TIME', CheckSeverity.WARNING, 'desiredStartDate',
      `利用開始希望日 ${app.desiredStartDate} は標準日数 (${advice.leadTimeBusinessDays}営業日) から求めた最短の利用開始日 ${advice.earliestStartDate} より前です。`)]
    : [];

/** The システム設定申込締切日 (希望日 − 4 business days, new applications) is already past today. */
export const systemSettingsDeadlinePassed: Check = ({ app, today, desiredDateDeadline }) =>
  undecided(app.status) && app.kind === ApplicationKind.NEW && desiredDateDeadline && desiredDateDeadline < today
    ? [finding('SYSTEM_SETTINGS_DEADLINE_PASSED', CheckSeverity.BLOCKER, 'desiredStartDate',
      `利用開始希望日 ${app.desiredStartDate} のシステム設定申込締切日 (${desiredDateDeadline}) は既に過ぎています。利用開始日を後ろにずらす必要があります。`)]
    : [];
