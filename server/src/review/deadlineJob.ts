import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationKind, ApplicationStatus, NoticeCategory } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import type { Clock } from '../common/clock.js';
import type { SecretBox } from '../common/secrets.js';
import { Application } from '../applications/Application.js';
import { NOTICE_TEXT } from '../notifications/notices.js';
import { SYSTEM_ACTOR } from './history.js';
import { ReviewService } from './ReviewService.js';

const BATCH = 50;

/** The キャンセル reason the job records (and the demo's cancelled approvals carry). */
export const deadlineCancelReason = (deadline: string): string =>
  `システム設定申込締切日 (${deadline}) までにシステム設定申込が行われなかったため。`;

/**
 * Cancels approved new applications whose システム設定申込 did not arrive by its deadline. Safe with several server
 * processes at once: each batch claims its rows with FOR UPDATE SKIP LOCKED and re-checks them in its transaction,
 * so every overdue application is cancelled exactly once. Returns how many were cancelled.
 */
export async function cancelOverdueApplications(root: EntityManager, secrets: SecretBox, clock: Clock): Promise<number> {
  const today = todayInJapan(clock.now());
  let total = 0;
  for (;;) {
    const cancelled = await root.fork().transactional(async (em) => {
      const rows = await em.getConnection().execute<{ id: string }[]>(
        `select id from application
          where status = 'APPROVED' and kind = ? and system_settings_recorded_at is null and system_settings_deadline < ?
          order by system_settings_deadline limit ${BATCH} for update skip locked`,
        [ApplicationKind.NEW, today], 'all', em.getTransactionContext(),
      );
      if (!rows.length) return 0;
      const apps = await em.find(Application, { id: { $in: rows.map((r) => r.id) } });
      const review = new ReviewService(em, secrets, clock);
      for (const app of apps) {
        const reason = deadlineCancelReason(app.systemSettingsDeadline!);
        await review.cancelLocked(em, app, ApplicationStatus.APPROVED, ApplicationStatus.CANCELLED, reason, SYSTEM_ACTOR, NOTICE_TEXT.cancelledDeadline, NoticeCategory.SYSTEM_SETTINGS);
      }
      await em.flush();
      return apps.length;
    });
    total += cancelled;
    if (cancelled < BATCH) return total;
  }
}
