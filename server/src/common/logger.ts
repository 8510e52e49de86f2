import { pino } from 'pino';

/** The one logger. Secrets never go in: passwords, tokens and auth codes are redacted by path too. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  redact: ['*.password', '*.token', '*.passwordHash', 'req.headers.authorization', '*.authCode2', '*.authCode3'],
});
