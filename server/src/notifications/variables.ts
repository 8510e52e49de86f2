import { japaneseDate } from '../common/dates.js';
import { fullName } from '../common/embeddables.js';
import type { Application } from '../applications/Application.js';
import { ApplicationKind } from '../common/enums.js';

/** The addressee block and receipt of every application mail (申込担当者 宛). */
export function applicationVariables(app: Application): Record<string, unknown> {
  return {
    companyName: app.companyProfile?.name ?? app.applicantCompanyName,
    officeName: app.officeProfile?.name,
    department: app.applicant.department,
    recipientName: fullName(app.applicant),
    receiptNo: app.receiptNo,
    receivedDate: japaneseDate(app.receivedAt),
    newApplication: app.kind === ApplicationKind.NEW,
  };
}

/** 申込担当者 and 管理責任者: who hears about an application. */
export const applicationRecipients = (app: Application): string[] => [app.applicant.email ?? '', app.officeProfile?.manager?.email ?? ''];
