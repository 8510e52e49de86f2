import type { EntityManager } from '@mikro-orm/postgresql';
import type { Application } from '../../applications/Application.js';
import { ApplicationKind, ApplicationStatus, OtherChange, RowAction, type AttachmentKind } from '../../common/enums.js';
import type { CalendarService } from '../../calendar/CalendarService.js';
import { asksForNewLine } from '../../calendar/CalendarService.js';
import { OPEN } from '../workflow.js';
import { requiredAttachmentMissing } from './attachments.js';
import { customsOfficeUnusual, emailDomainDiffers } from './contacts.js';
import { desiredDateInsideLeadTime, systemSettingsDeadlinePassed } from './dates.js';
import { otherOpenApplication } from './siblings.js';
import { ApplicationCheck, CheckSeverity, CheckSummary, type Check, type CheckInput, type OpenSibling } from './types.js';
import { changeLeavesNoIds, industriesRefusedBySingleSignOn, sharedUserCodeUnusable } from './userIds.js';

export { ApplicationCheck, CheckSeverity, CheckSummary } from './types.js';

/** The automatic pre-review checklist, in the order the application page lists the findings' kinds. */
export const CHECKS: readonly Check[] = [
  systemSettingsDeadlinePassed,
  desiredDateInsideLeadTime,
  requiredAttachmentMissing,
  industriesRefusedBySingleSignOn,
  sharedUserCodeUnusable,
  changeLeavesNoIds,
  otherOpenApplication,
  customsOfficeUnusual,
  emailDomainDiffers,
];

const ORDER: Record<CheckSeverity, number> = { BLOCKER: 0, WARNING: 1, INFO: 2 };

/** Every check's findings for one application, the heaviest first. */
export function runChecks(input: CheckInput): ApplicationCheck[] {
  return CHECKS.flatMap((check) => check(input)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export function summarize(checks: readonly ApplicationCheck[]): CheckSummary {
  const count = (s: CheckSeverity) => checks.filter((c) => c.severity === s).length;
  return Object.assign(new CheckSummary(), { info: count(CheckSeverity.INFO), warning: count(CheckSeverity.WARNING), blocker: count(CheckSeverity.BLOCKER) });
}

const groupBy = <T extends { application_id: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.application_id, [...(out.get(r.application_id) ?? []), r]);
  return out;
};

/**
 * What the checks read for a page of applications, in a fixed number of statements whatever the page size: the
 * calendar (once per service), the lines (the caller's batch, shared with startDateAdvice), and one statement each for
 * attachment kinds, 利用者ID rows, the other open applications of the same office or company, and the shared 利用者コード.
 */
export async function loadCheckInputs(
  em: EntityManager,
  apps: readonly Application[],
  today: string,
  calendar: CalendarService,
  linesOf: (app: Application) => Promise<Array<{ action: RowAction; place?: unknown }>>,
): Promise<CheckInput[]> {
  const ids = apps.map((a) => a.id);
  const sql = em.getConnection();
  const [attachments, userIds, siblings, sharedCodes, remaining, lines] = await Promise.all([
    sql.execute<Array<{ application_id: string; kind: AttachmentKind }>>('select application_id, kind from attachment where application_id in (?)', [ids]),
    sql.execute<Array<{ application_id: string; user_code: string | null; action: string; industries: string[]; position: number }>>(
      `select c.application_id, c.user_code, i.action::text, i.industries::text[] as industries, i.position
         from application_user_id i join application_user_code c on c.id = i.user_code_id
        where c.application_id in (?) order by c.position, i.position`, [ids]),
    // Materialized steps: the page's companies, then the open applications (a short list); joined by company. A
    // planner left to itself (fresh statistics or none) nests the four-way join into seconds.
    sql.execute<Array<{ application_id: string; id: string; receipt_no: string; same_office: boolean }>>(
      `with mine as materialized (
         select a.id, a.office_id, o.company_id from application a join office o on o.id = a.office_id where a.id in (?)
       ), open as materialized (
         select a.id, a.receipt_no, a.office_id, a.received_at, o.company_id
           from application a join office o on o.id = a.office_id where a.status in (?)
       )
       select mine.id as application_id, open.id, open.receipt_no, open.office_id = mine.office_id as same_office
         from mine join open on open.company_id = mine.company_id and open.id <> mine.id
        order by open.received_at, open.id`, [ids, OPEN]),
    // A shared code issued and not ended (one yet to start counts: the sharing starts with it), and whether an abolition (契約解除・事業所廃止) of its office is open or yet to apply.
    sql.execute<Array<{ application_id: string; user_code: string; position: number; found: boolean; owner_terminating: boolean }>>(
      `select c.application_id, c.user_code, c.position, uc.id is not null as found,
              exists (select 1 from application t where t.office_id = uc.office_id and t.other_change = ? and t.id <> c.application_id
                        and (t.status in (?) or (t.status = ? and t.start_date > ?::date))) as owner_terminating
         from application_user_code c
         left join user_code uc on uc.code = upper(c.user_code) and (uc.end_date is null or uc.end_date > ?::date)
        where c.application_id in (?) and c.shared and c.action = ? and c.user_code is not null
        order by c.position`, [OtherChange.TERMINATION, OPEN, ApplicationStatus.APPROVED, today, today, ids, RowAction.ADD]),
    // A change application's office: each live 利用者コード with the 識別番号 the change keeps and adds.
    sql.execute<Array<{ application_id: string; code: string; kept: string | number; added: string | number; code_deleted: boolean }>>(
      `with mine as materialized (
         select a.id, a.office_id from application a where a.id in (?) and a.kind = ? and a.office_id is not null
       ), asked as materialized (
         select c.application_id, upper(c.user_code) as code, c.action as code_action, i.action, upper(i.ident_no) as ident_no, i.ident_count
           from application_user_code c left join application_user_id i on i.user_code_id = c.id
          where c.application_id in (select id from mine) and c.user_code is not null
       ), live as materialized (
         select mine.id as application_id, uc.code, u.ident_no
           from mine join user_id u on u.office_id = mine.office_id and (u.end_date is null or u.end_date > ?::date)
           join user_code uc on uc.id = u.user_code_id
       )
       select live.application_id, live.code,
              count(*) filter (where not exists (select 1 from asked where asked.application_id = live.application_id
                and asked.code = live.code and asked.action = ? and asked.ident_no = live.ident_no)) as kept,
              (select coalesce(sum(asked.ident_count), 0) from asked where asked.application_id = live.application_id
                and asked.code = live.code and asked.action = ?) as added,
              exists (select 1 from asked where asked.application_id = live.application_id and asked.code = live.code
                and asked.code_action = ?) as code_deleted
         from live group by live.application_id, live.code order by live.code`,
      [ids, ApplicationKind.CHANGE, today, RowAction.DELETE, RowAction.ADD, RowAction.DELETE]),
    Promise.all(apps.map(linesOf)),
  ]);
  const attachmentsOf = groupBy(attachments);
  const userIdsOf = groupBy(userIds);
  const siblingsOf = groupBy(siblings);
  const sharedOf = groupBy(sharedCodes);
  const remainingOf = groupBy(remaining);
  return Promise.all(apps.map(async (app, i) => ({
    app,
    today,
    advice: await calendar.advise(app, asksForNewLine(lines[i]!)),
    desiredDateDeadline: app.kind === ApplicationKind.NEW && app.desiredStartDate ? await calendar.systemSettingsDeadline(app.desiredStartDate) : undefined,
    lines: lines[i]!,
    attachments: (attachmentsOf.get(app.id) ?? []).map((a) => a.kind),
    userIds: (userIdsOf.get(app.id) ?? []).map((u) => ({ action: u.action, industries: u.industries, userCode: u.user_code ?? undefined, position: u.position })),
    siblings: (siblingsOf.get(app.id) ?? []).map((s): OpenSibling => ({ id: s.id, receiptNo: s.receipt_no, sameOffice: s.same_office })),
    sharedCodes: (sharedOf.get(app.id) ?? []).map((c) => ({ userCode: c.user_code, position: c.position, found: c.found, ownerTerminating: c.owner_terminating })),
    remainingIds: (remainingOf.get(app.id) ?? []).map((r) => ({ userCode: r.code, kept: Number(r.kept), added: Number(r.added), codeDeleted: r.code_deleted })),
  })));
}
