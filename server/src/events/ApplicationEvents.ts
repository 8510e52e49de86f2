// The events of one server process: what PostgreSQL announces (every history entry, at its commit, by whichever
// process made it: db/migrations/*_application_events.ts) handed to this process's subscribers. Several processes
// behind a load balancer each listen, so a subscriber gets every event whichever process it is connected to.
import { PgListener } from '../common/pgListener.js';
import { logger } from '../common/logger.js';
import type { ApplicationStatus, HistoryAction } from '../common/enums.js';

/** An entry of an application's history as announced (the application as its transaction left it). */
export interface ApplicationChange {
  id: string;
  receiptNo: string;
  officeId: string | null;
  status: ApplicationStatus;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
  action: HistoryAction;
  actorId: string | null;
  actorName: string;
  /** 社内メモ and other entries the customer's side never sees. */
  internal: boolean;
  at: string;
}

/** Who has an application open right now. */
export interface ViewersChange {
  applicationId: string;
  viewers: Array<{ staffId: string; name: string }>;
}

export type EventMap = { application_changed: ApplicationChange; application_viewers: ViewersChange };
export type Channel = keyof EventMap;
const CHANNELS: Channel[] = ['application_changed', 'application_viewers'];

/** A subscriber that does not read its events is cut off beyond this many waiting (a stalled socket must not grow the heap). */
const MAX_WAITING = 1_000;

export class ApplicationEvents {
  private readonly subscribers = new Map<Channel, Set<Subscriber<any>>>(CHANNELS.map((c) => [c, new Set()]));
  private readonly listener: PgListener;

  constructor(connectionString: string) {
    this.listener = new PgListener(connectionString, CHANNELS, {
      notification: (channel, payload) => {
        let event: unknown;
        try {
          event = JSON.parse(payload);
        } catch {
          logger.warn({ channel }, 'an event that is not JSON was ignored');
          return;
        }
        for (const s of this.subscribers.get(channel as Channel) ?? []) s.push(event);
      },
    }, 'application events');
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  async close(): Promise<void> {
    await this.listener.close();
    for (const set of this.subscribers.values()) for (const s of set) s.end();
  }

  /** How many subscriptions this process serves (metrics, tests). */
  get size(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /** The events of a channel that pass `keep`, from now until the iterator is returned (the client unsubscribes). */
  subscribe<C extends Channel>(channel: C, keep: (event: EventMap[C]) => boolean = () => true): AsyncIterableIterator<EventMap[C]> {
    const set = this.subscribers.get(channel)!;
    const subscriber = new Subscriber<EventMap[C]>(keep, () => set.delete(subscriber));
    set.add(subscriber);
    return subscriber;
  }
}

/** One subscription's queue: events wait here until the transport takes them. */
class Subscriber<T> implements AsyncIterableIterator<T> {
  private readonly waiting: T[] = [];
  private taker?: (r: IteratorResult<T>) => void;
  private done = false;

  constructor(private readonly keep: (event: T) => boolean, private readonly unsubscribe: () => void) {}

  push(event: T): void {
    if (this.done || !this.keep(event)) return;
    if (this.taker) {
      const take = this.taker;
      this.taker = undefined;
      take({ value: event, done: false });
    } else if (this.waiting.length >= MAX_WAITING) {
      logger.warn('a subscriber that stopped reading was cut off');
      this.end();
    } else this.waiting.push(event);
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.unsubscribe();
    this.waiting.length = 0;
    this.taker?.({ value: undefined, done: true });
    this.taker = undefined;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.waiting.length) return Promise.resolve({ value: this.waiting.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.taker = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
