import type { Application, ReviewQueueCounts } from '../types';

/** One bar of an age distribution: open applications whose age lies in [from, to] (to null: and above). */
export interface AgeBucket {
  label: string;
  from?: number | null;
  to?: number | null;
  count: number;
}

/** Service-level breaches among the open applications (and approvals awaiting their システム設定申込). */
export interface Breaches {
  /** 利用開始希望日 inside the standard lead time from 受付. */
  insideLeadTime: number;
  /** システム設定申込締切日 passed or within 2 business days, not yet recorded. */
  systemSettingsDeadline: number;
  /** 確認事項あり waiting on the customer for more than returnedWaitingDays days. */
  returnedWaiting: number;
  returnedWaitingDays: number;
}

export interface ReviewerLoad {
  staffId: string;
  name: string;
  open: number;
  assignedToday: number;
  approvedThisWeek: number;
}

export interface WeekThroughput {
  /** Monday of the week (YYYY-MM-DD). */
  weekStart: string;
  new: number;
  change: number;
  termination: number;
}

/** The server's reviewDashboard, with the id react-admin caches it under. */
export interface ReviewDashboard {
  id: string;
  /** The instant the figures were read (ISO). */
  asOf: string;
  /** The server's business today (YYYY-MM-DD). */
  today: string;
  queueCounts: Omit<ReviewQueueCounts, 'id'>;
  receivedAge: AgeBucket[];
  startAge: AgeBucket[];
  breaches: Breaches;
  workload: ReviewerLoad[];
  throughput: WeekThroughput[];
  oldestUnassigned: Application[];
}
