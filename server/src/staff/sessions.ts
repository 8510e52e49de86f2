// The staff rows behind sessions, remembered per process. Every staff request needs its row (active, roles, the
// sign-out instant); reading it per request was one statement of each read's two. A row is remembered only while this
// process listens to `staff_changed` (a trigger announces every update or delete of a staff row, whichever process
// made it): a change is forgotten as soon as PostgreSQL delivers it, and at once in the process that made it. When the
// listening connection is down nothing is remembered, and every request reads its row as before.
import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { PgListener } from '../common/pgListener.js';
import { Staff } from './Staff.js';

/** What a session needs of a staff row (the row as the database returns it). */
export type SessionRow = Record<string, unknown> & { id: string };

const CHANNEL = 'staff_changed';
/** A remembered row is read again after this long (monotonic time), whatever happens: a safety net, not the mechanism. */
const MAX_AGE_MS = 5 * 60_000;
const MAX_ROWS = 10_000;

export class StaffSessions {
  private readonly rows = new Map<string, { row: SessionRow; at: number }>();
  private readonly listener: PgListener;
  private listening = false;
  /** Moves on every change heard: a row read before a change must not be remembered after it. */
  private generation = 0;

  constructor(connectionString: string) {
    this.listener = new PgListener(connectionString, [CHANNEL], {
      notification: (_channel, staffId) => this.forget(staffId),
      state: (listening) => {
        if (!listening) this.stopRemembering();
        else this.listening = true;
      },
    }, CHANNEL);
  }

  /** Starts listening (and keeps reconnecting until close()); while down, session rows are read per request. */
  start(): Promise<void> {
    return this.listener.start();
  }

  async close(): Promise<void> {
    await this.listener.close();
    this.stopRemembering();
  }

  /** The generation to hand back to remember(): taken before the row is read. */
  mark(): number {
    return this.generation;
  }

  /** The remembered row of a staff member, or undefined (read it then). */
  get(staffId: string, now = performance.now()): SessionRow | undefined {
    const hit = this.rows.get(staffId);
    if (!hit) return undefined;
    if (now - hit.at > MAX_AGE_MS) {
      this.rows.delete(staffId);
      return undefined;
    }
    return hit.row;
  }

  /** Remembers a row read since `mark` — unless a change was heard meanwhile, or nobody is listening. */
  remember(row: SessionRow, mark: number, now = performance.now()): void {
    if (!this.listening || mark !== this.generation) return;
    if (this.rows.size >= MAX_ROWS) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(row.id, { row, at: now });
  }

  /** A staff row changed: read it afresh next time. */
  forget(staffId: string): void {
    this.generation++;
    this.rows.delete(staffId);
  }

  private stopRemembering(): void {
    this.listening = false;
    this.generation++;
    this.rows.clear();
  }
}

/**
 * The process that changes a staff row forgets it at once, after its flush: the NOTIFY of that change may be read
 * after the caller's next request (sign-out, then the next call with the old token).
 */
export function forgetOnFlush(sessions: StaffSessions): EventSubscriber {
  return {
    afterFlush({ uow }: FlushEventArgs) {
      for (const cs of uow.getChangeSets()) if (cs.entity instanceof Staff) sessions.forget(cs.entity.id);
    },
  };
}
