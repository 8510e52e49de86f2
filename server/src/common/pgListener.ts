// One connection of a server process that LISTENs to PostgreSQL channels, reconnecting until closed. Who listens
// learns when it is listening and when it is not (nothing heard while down: callers fall back or tell their clients
// to read afresh).
import pg from 'pg';
import { logger } from './logger.js';

export interface PgListenerHandlers {
  notification(channel: string, payload: string): void;
  /** Listening (true) after every (re)connection, not listening (false) when the connection is lost. */
  state?(listening: boolean): void;
}

export class PgListener {
  private client?: pg.Client;
  private closed = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly handlers: PgListenerHandlers,
    private readonly name: string,
  ) {}

  /** Starts listening (and keeps reconnecting every second until close()). */
  async start(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: `naccs ${this.name}` });
    const down = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.handlers.state?.(false);
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.start(), 1000).unref();
    };
    this.client = client;
    client.on('error', (e) => {
      logger.warn({ err: e.message, listener: this.name }, 'listening connection lost');
      down();
    });
    client.on('end', down);
    client.on('notification', (n) => {
      if (n.payload !== undefined) this.handlers.notification(n.channel, n.payload);
    });
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`listen ${channel}`);
      if (this.client === client) this.handlers.state?.(true);
    } catch (e) {
      logger.warn({ err: (e as Error).message, listener: this.name }, 'cannot listen');
      down();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (client) this.handlers.state?.(false);
    await client?.end().catch(() => {});
  }
}
