import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../common/enums.js';
import { ALL_SCOPES, type ApiKeyScope } from '../graphql/access.js';
import { ApiKey } from './security.js';

// Integrator API keys: `nk_<prefix>_<secret>`. The prefix finds the row; only a SHA-256 of the whole key is
// stored (keys are 256-bit random, so a fast hash is enough — unlike staff passwords).
const KEY = /^nk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export function isApiKey(token: string): boolean {
  return KEY.test(token);
}

export function newApiKeySecret(prefix = randomBytes(6).toString('hex').slice(0, 8)): { key: string; prefix: string } {
  return { key: `nk_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

/** Creates a key and returns its secret (shown once). */
export function createApiKey(
  em: EntityManager,
  input: { name: string; roles?: Role[]; expiresAt?: Date; key?: string; scopes?: ApiKeyScope[]; companyCodes?: string[]; officeCodes?: string[] },
): { apiKey: ApiKey; secret: string } {
  const { key, prefix } = input.key ? { key: input.key, prefix: KEY.exec(input.key)![1]! } : newApiKeySecret();
  const apiKey = Object.assign(new ApiKey(), {
    name: input.name,
    prefix,
    secretHash: hashKey(key),
    roles: input.roles ?? [Role.INTEGRATOR],
    expiresAt: input.expiresAt,
    scopes: input.scopes ?? [...ALL_SCOPES],
    companyCodes: input.companyCodes ?? [],
    officeCodes: input.officeCodes ?? [],
  });
  em.persist(apiKey);
  return { apiKey, secret: key };
}

/** The live key a bearer token names, or undefined (unknown, revoked, expired or wrong secret). */
export async function verifyApiKey(em: EntityManager, token: string, now: Date): Promise<ApiKey | undefined> {
  const m = KEY.exec(token);
  if (!m) return undefined;
  const key = await em.findOne(ApiKey, { prefix: m[1]! });
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return undefined;
  const a = Buffer.from(key.secretHash, 'hex');
  const b = Buffer.from(hashKey(token), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return key;
}

/** The demo NSS portal's key (documented in the README; demo databases only). */
export const DEMO_NSS_PORTAL_KEY = 'nk_nssportl_demo-only_NSS-portal_key_not-for-production';
