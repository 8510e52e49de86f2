// Integrator API keys are held to their scopes and limits here (graphql/access.ts KEY_ACCESS says what each operation
// needs): the auth checker refuses a missing scope before the resolver runs and answers NOT_FOUND for another
// company's application or office named in the arguments; list resolvers read only the key's offices (keyOfficeIds).
import type { GraphQLResolveInfo } from 'graphql';
import { forbidden, notFound } from '../common/errors.js';
import { ApiKeyScope, KEY_ACCESS, type KeyLimit } from '../graphql/access.js';
import { loader, type Context } from '../graphql/context.js';
import { boundRead } from '../db/prepared.js';

/** Japanese names of the scopes (errors, console). */
export const SCOPE_LABEL: Record<ApiKeyScope, string> = {
  READ: '参照',
  SUBMIT: '申込',
  REVEAL_PASSWORDS: 'パスワード参照',
};

const UUID = /^[0-9a-f-]{36}$/i;
/** Matches no office: a limit naming nothing that exists (yet) shows nothing. */
const NO_OFFICE = '00000000-0000-0000-0000-000000000000';
const code = (value: unknown): string => String(value).normalize('NFKC').trim().toUpperCase();

/** Whether a key is limited to named companies or offices. */
export const isLimited = (key: { companyCodes: string[]; officeCodes: string[] } | undefined): boolean =>
  !!key && (key.companyCodes.length > 0 || key.officeCodes.length > 0);

/**
 * The ids of the offices a limited key may see — its named offices and every office of its named companies, read
 * once per request — or undefined when the caller is not so limited (staff, or a key without limits).
 */
export function keyOfficeIds(ctx: Context): Promise<string[] | undefined> {
  const key = ctx.apiKey;
  if (!key || !isLimited(key)) return Promise.resolve(undefined);
  return loader(ctx, 'keyOfficeIds', async () => {
    const rows = await boundRead<{ id: string }>(ctx.em,
      'select o."id" from "office" o join "company" c on c."id" = o."company_id" where o."code" = any(?) or c."abbreviation" = any(?)',
      [key.officeCodes, key.companyCodes]);
    return rows.length ? rows.map((r) => r.id) : [NO_OFFICE];
  });
}

/** The office of the record an argument names, and the NOT_FOUND its resolver would answer; undefined: not found. */
async function targetOffice(ctx: Context, limit: Exclude<KeyLimit, string>, args: Record<string, unknown>): Promise<{ officeId: string | null; missing: string } | undefined> {
  const one = async (sql: string, value: unknown, missing: string) => {
    const [row] = await boundRead<{ office_id: string | null }>(ctx.em, sql, [value]);
    return row ? { officeId: row.office_id, missing } : undefined;
  };
  if ('applicationId' in limit) {
    const id = args[limit.applicationId];
    const receiptNo = limit.receiptNo ? args[limit.receiptNo] : undefined;
    if (typeof id === 'string' && id) return UUID.test(id) ? one('select "office_id" from "application" where "id" = ?', id, '指定された申込') : undefined;
    if (typeof receiptNo === 'string' && receiptNo) return one('select "office_id" from "application" where "receipt_no" = ?', code(receiptNo), `申込受付番号 ${receiptNo} の申込`);
    return undefined;
  }
  if ('attachmentId' in limit) {
    const id = args[limit.attachmentId];
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    return one('select a."office_id" from "attachment" t join "application" a on a."id" = t."application_id" where t."id" = ?', id, '指定された添付ファイル');
  }
  const id = limit.officeId ? args[limit.officeId] : undefined;
  if (typeof id === 'string' && id) return UUID.test(id) ? one('select "id" as "office_id" from "office" where "id" = ?', id, '指定された事業所') : undefined;
  const officeCode = args[limit.officeCode];
  if (typeof officeCode === 'string' && officeCode) return one('select "id" as "office_id" from "office" where "code" = ?', code(officeCode), `事業所コード ${officeCode} の事業所`);
  return undefined;
}

/**
 * Holds an API key to the operation's scope (FORBIDDEN) and to its companies and offices: another company's record is
 * NOT_FOUND, exactly as one that does not exist; creating a new company is FORBIDDEN to a limited key.
 */
export async function checkKeyAccess(ctx: Context, info: GraphQLResolveInfo, args: Record<string, unknown>): Promise<void> {
  const key = ctx.apiKey;
  const root = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
  if (!key || !root) return;
  const access = (KEY_ACCESS as Record<string, { scope: ApiKeyScope; limit: KeyLimit } | undefined>)[info.fieldName];
  // Not an integrator operation: the role check has refused it already.
  if (!access) return;
  if (!key.scopes.includes(access.scope)) throw forbidden(`このAPIキーには「${SCOPE_LABEL[access.scope]}」の権限がありません。`);
  if (args.revealPasswords === true && !key.scopes.includes(ApiKeyScope.REVEAL_PASSWORDS)) {
    throw forbidden(`このAPIキーには「${SCOPE_LABEL.REVEAL_PASSWORDS}」の権限がありません。`);
  }
  const offices = await keyOfficeIds(ctx);
  if (!offices || access.limit === 'list' || access.limit === 'none') return;
  if (access.limit === 'new') throw forbidden('企業・事業所を限定したAPIキーでは、仮アカウント申込と新規利用申込はできません。');
  const target = await targetOffice(ctx, access.limit, args);
  if (target && (!target.officeId || !offices.includes(target.officeId))) throw notFound(target.missing);
}

/** A list's filter held to a limited key's offices (officeIds is no GraphQL field: only the server sets it). */
export async function withinKey<F extends { officeIds?: string[] }>(ctx: Context, filter: F | undefined): Promise<F | undefined> {
  const officeIds = await keyOfficeIds(ctx);
  return officeIds ? ({ ...filter, officeIds } as F) : filter;
}
