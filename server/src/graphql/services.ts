import type { Config } from '../config.js';
import { SecretBox } from '../common/secrets.js';
import type { Clock } from '../common/clock.js';
import { TokenService } from '../staff/tokens.js';

/** Long-lived services shared by every request. */
export interface Services {
  config: Config;
  tokens: TokenService;
  secrets: SecretBox;
  /** Business time (config.clock): every service and job reads the time from it. */
  clock: Clock;
}

export function createServices(config: Config): Services {
  return {
    config,
    tokens: new TokenService(config.tokenSecret, config.tokenTtlSeconds, config.clock),
    secrets: new SecretBox(config.secretKey),
    clock: config.clock,
  };
}
