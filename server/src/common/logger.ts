import { pino } from 'pino';

/**
 * The one logger. Secrets never go in: passwords, tokens, keys and auth codes are redacted by path too, and request
 * logs carry no headers (ops/requestLog.ts). main.ts sets the configured LOG_LEVEL (config.ts) at start; tests are
 * silent unless LOG_LEVEL asks otherwise.
 */
export const logger = pino({
  level: process.env.VITEST ? (process.env.LOG_LEVEL ?? 'silent') : 'info',
  redact: [
    '*.password', '*.newPassword', '*.currentPassword', '*.token', '*.secret', '*.passwordHash', '*.authCode2', '*.authCode3',
    'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  ],
});
