import type { Certificate } from './certificateTypes';
import { consoleNow } from '../components/consoleClock';

/** A waiting certificate whose 取得期限 is this close (days) is flagged. */
export const ACQUIRE_WARNING_DAYS = 14;
/** The renewal window the server uses for `renewable` (SPEC: renewal opens 28 days before expiry). */
export const RENEWAL_DAYS = 28;

const DAY = 86_400_000;

/** Today in Japan (YYYY-MM-DD): the center's deadlines are JST dates, whatever the browser's zone. */
export const todayInJapan = (now: Date = consoleNow()): string => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/** Whole days from today (JST) to an ISO date; negative once it has passed. */
export const daysUntilDate = (isoDate: string, now: Date = consoleNow()): number =>
  Math.round((Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) - Date.parse(`${todayInJapan(now)}T00:00:00Z`)) / DAY);

/** Days left before an instant (rounded up: "expires in 1 day" until it has). */
export const daysUntilInstant = (iso: string, now: Date = consoleNow()): number => Math.ceil((Date.parse(iso) - now.getTime()) / DAY);

export type CertificateWarning =
  | { kind: 'renewal'; days: number }
  | { kind: 'acquireSoon'; days: number; date: string }
  | { kind: 'acquireOverdue'; date: string }
  | { kind: 'locked'; attempts: number };

/**
 * What needs attention on a certificate: in its renewal window (expiring soon), not yet acquired close to (or past)
 * its 取得期限 — after which it is stopped —, or locked after 5 wrong 認証コード (only a reissue unlocks it).
 */
export const certificateWarnings = (c: Certificate, now: Date = consoleNow()): CertificateWarning[] => {
  const out: CertificateWarning[] = [];
  if (c.status === 'ACQUIRED' && c.renewable && c.notAfter) out.push({ kind: 'renewal', days: Math.max(0, daysUntilInstant(c.notAfter, now)) });
  if (c.status === 'PENDING' && c.acquireBy) {
    const days = daysUntilDate(c.acquireBy, now);
    if (days < 0) out.push({ kind: 'acquireOverdue', date: c.acquireBy });
    else if (days <= ACQUIRE_WARNING_DAYS) out.push({ kind: 'acquireSoon', days, date: c.acquireBy });
  }
  if (c.locked) out.push({ kind: 'locked', attempts: c.failedAttempts });
  return out;
};

/** The server decides what may be done with a certificate (Certificate.availableActions): 再発行 / 失効 buttons follow it. */
export const canReissue = (c: Pick<Certificate, 'availableActions'>): boolean => !!c.availableActions?.includes('REISSUE');
export const canRevoke = (c: Pick<Certificate, 'availableActions'>): boolean => !!c.availableActions?.includes('REVOKE');
