// The review of one application, for the status it is to end in: which steps (assign, 社内メモ, return with a
// question, resubmission, approval, withdrawal, cancellation), at which instants (random gaps after the receipt,
// compressed to end before the seeding instant), and for an approval its 利用開始日 — as reviewers do it: a business
// day, at least five business days after the approval and not before the desired date.
import { addDays } from '../../server/src/calendar/businessDays.js';
import { SYSTEM_SETTINGS_BUSINESS_DAYS } from '../../server/src/calendar/CalendarService.js';
import type { Actor } from '../../server/src/review/history.js';
import {
  DAY, HOUR, MINUTE, addBusinessDays, between, chance, int, jstDate, onOrAfterBusinessDay, pick, rnd,
} from './factories/random.js';

export type Status = 'RECEIVED' | 'IN_REVIEW' | 'RETURNED' | 'APPROVED' | 'WITHDRAWN' | 'CANCELLED';

export interface ReviewStep {
  kind: 'assign' | 'note' | 'return' | 'resubmit' | 'approve' | 'withdraw' | 'cancel';
  /** Hours after the previous step (min, max). */
  gap: readonly [number, number];
  at: number;
}

export interface ReviewPath {
  steps: ReviewStep[];
  assignee: Actor;
  approveAt?: number;
  startDate?: string;
  /** Approved, then cancelled by the deadline job (its システム設定申込 never came). */
  systemCancel: boolean;
  /** The desired start date after the resubmissions (moved when it came too close). */
  desiredStartDate: string;
  /** When the application is decided (Infinity while it is open). */
  endsAt: number;
}

const OPEN_STATUSES: readonly Status[] = ['RECEIVED', 'IN_REVIEW', 'RETURNED'];

/**
 * The review path of an application received at `s.receivedAt` that is to end in `s.status`. `desired` is its
 * 利用開始希望日 and `lead` the standard lead time (business days) a resubmission keeps to when it moves the date.
 */
export function reviewPath(
  s: { status: Status; receivedAt: number; deadlineCancel?: boolean },
  kind: 'NEW' | 'CHANGE',
  desired: string,
  lead: number,
  at: { now: number; today: string; reviewers: readonly Actor[] },
): ReviewPath {
  const steps: Array<Omit<ReviewStep, 'at'>> = [];
  const assignee = pick(at.reviewers);
  const startReview = () => {
    steps.push({ kind: 'assign', gap: [0.3, 30] });
    if (chance(0.1)) steps.push({ kind: 'note', gap: [0.2, 6] });
  };
  const cycle = () => {
    steps.push({ kind: 'return', gap: [1, 48] });
    steps.push({ kind: 'resubmit', gap: [3, 96] });
  };
  let systemCancel = false;
  switch (s.status) {
    case 'RECEIVED':
      break;
    case 'IN_REVIEW':
      startReview();
      if (chance(0.15)) cycle();
      break;
    case 'RETURNED':
      startReview();
      if (chance(0.1)) cycle();
      steps.push({ kind: 'return', gap: [1, 48] });
      break;
    case 'APPROVED':
      startReview();
      if (chance(0.15)) cycle();
      steps.push({ kind: 'approve', gap: [2, 72] });
      break;
    case 'WITHDRAWN': {
      const r = rnd();
      if (r >= 0.3) startReview();
      if (r >= 0.6) steps.push({ kind: 'return', gap: [1, 48] });
      steps.push({ kind: 'withdraw', gap: [6, 200] });
      break;
    }
    case 'CANCELLED':
      // Only a new application has a システム設定申込 deadline (and so the automatic cancellation).
      systemCancel = kind === 'NEW' && (!!s.deadlineCancel || (s.receivedAt < at.now - 100 * DAY && chance(0.6)));
      if (systemCancel) {
        startReview();
        steps.push({ kind: 'approve', gap: [2, 72] });
      } else {
        if (chance(0.6)) startReview();
        steps.push({ kind: 'cancel', gap: [6, 200] });
      }
      break;
  }
  const gaps = steps.map((x) => between(x.gap[0], x.gap[1]) * HOUR);
  const available = at.now - 5 * MINUTE - s.receivedAt;
  const sum = gaps.reduce((a, b) => a + b, 0);
  const scale = sum > available ? (available * 0.95) / sum : 1;
  let t = s.receivedAt;
  const timed: ReviewStep[] = steps.map((x, i) => ({ ...x, at: Math.round((t += gaps[i]! * scale)) }));
  // A resubmission moves the desired start date when the old one has come too close.
  let desiredStartDate = desired;
  for (const x of timed.filter((y) => y.kind === 'resubmit')) {
    const date = jstDate(x.at);
    if (desiredStartDate <= addBusinessDays(date, 1)) desiredStartDate = addBusinessDays(date, lead + int(0, 5));
  }
  const approve = timed.find((x) => x.kind === 'approve');
  let startDate: string | undefined;
  if (approve) {
    const earliest = addBusinessDays(jstDate(approve.at), 5);
    const wanted = onOrAfterBusinessDay(desiredStartDate);
    startDate = wanted > earliest ? wanted : earliest;
    // The job cancels it the day after its deadline: that day must have come.
    if (systemCancel && addDays(addBusinessDays(startDate, -SYSTEM_SETTINGS_BUSINESS_DAYS), 1) >= at.today) {
      timed.pop();
      timed.push({ kind: 'cancel', gap: [0, 0], at: approve.at });
      systemCancel = false;
      startDate = undefined;
    }
  }
  const approveAt = timed.find((x) => x.kind === 'approve')?.at;
  const last = timed.length ? timed[timed.length - 1]!.at : s.receivedAt;
  return {
    steps: timed, assignee, approveAt, startDate, systemCancel, desiredStartDate,
    endsAt: OPEN_STATUSES.includes(s.status) ? Infinity : last,
  };
}
