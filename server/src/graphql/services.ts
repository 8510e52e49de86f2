import type { Config } from '../config.js';
import { SecretBox } from '../common/secrets.js';
import { TokenService } from '../staff/tokens.js';

/** Long-lived services shared by every request. */
export interface Services {
  config: Config;
  tokens: TokenService;
  secrets: SecretBox;
}

export function createServices(config: Config): Services {
  return {
    config,
    tokens: new TokenService(config.tokenSecret, config.tokenTtlSeconds),
    secrets: new SecretBox(config.secretKey),
  };
}
