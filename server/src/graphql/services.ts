import type { Config } from '../config.js';
import { SecretBox } from '../common/secrets.js';
import type { Clock } from '../common/clock.js';
import { TokenService } from '../staff/tokens.js';
import { StaffSessions } from '../staff/sessions.js';
import { ApplicationEvents } from '../events/ApplicationEvents.js';

/** Long-lived services shared by every request. */
export interface Services {
  config: Config;
  tokens: TokenService;
  /** Staff rows behind sessions, remembered until a change is heard. */
  sessions: StaffSessions;
  /** What PostgreSQL announces (every history entry, 閲覧中), for this process's subscriptions. */
  events: ApplicationEvents;
  secrets: SecretBox;
  /** Business time (config.clock): every service and job reads the time from it. */
  clock: Clock;
}

/** The services of one server process; `databaseUrl` is where staff changes and events are listened to. */
export function createServices(config: Config, databaseUrl: string): Services {
  return {
    config,
    tokens: new TokenService(config.tokenSecret, config.tokenTtlSeconds, config.clock),
    sessions: new StaffSessions(databaseUrl),
    events: new ApplicationEvents(databaseUrl),
    secrets: new SecretBox(config.secretKey),
    clock: config.clock,
  };
}
