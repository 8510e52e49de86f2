// Identifier allocation that does not collide when many approvals run at once, in any number of server processes.
// A claim takes, in order, the candidates that are neither taken (no row has them) nor being claimed by another
// transaction right now: each candidate is guarded by a transaction-scoped advisory lock tried without waiting
// (pg_try_advisory_xact_lock), so two approvals never pick the same value and never wait for each other; the lock
// goes with the transaction (committed: the row has the value; rolled back: the value is free again), and the value
// is looked up after the lock is held, so one committed by the lock's previous holder is seen. Several claims
// of one approval run in one statement. Serial identifiers within a company (事業所コード, 利用者コード, メールボックスID,
// 識別番号) are the next free ones under a row lock on the company or the 利用者コード (lockCompany / lockUserCode).
import { quoteIdent } from '../common/sql.js';
import type { EntityManager } from '@mikro-orm/postgresql';

// Every statement here runs in the caller's transaction (em.execute): the advisory locks and row locks last until
// it ends.

/** Advisory-lock namespaces (the first key of pg_try_advisory_xact_lock(int, int)): one per identifier. */
export const CLAIM = {
  abbreviation: 71_001,
  billingCode: 71_002,
  ipAddress: 71_003,
  terminalName: 71_004,
} as const;

/** Where a value is taken: a row of `table` has it in `column` (identifiers from code, never from input). */
interface Taken {
  table: string;
  column: string;
}

export interface Claim {
  namespace: number;
  taken: Taken;
  /** How many values. */
  count: number;
  /** The candidates, in order of preference. */
  candidates: readonly string[];
}

/** The host addresses of a CIDR pool in order, as a claim's candidates generated in SQL (a /16 has 65,534). */
export interface PoolClaim {
  namespace: number;
  taken: Taken;
  count: number;
  pool: string;
}


/**
 * Claims every request in one statement; each answer holds at most `count` values (fewer when the candidates ran
 * out: the caller draws new random candidates or reports the space exhausted).
 */
export async function claim<K extends string>(em: EntityManager, requests: Record<K, Claim | PoolClaim>): Promise<Record<K, string[]>> {
  const keys = Object.keys(requests) as K[];
  if (!keys.length) return {} as Record<K, string[]>;
  const params: unknown[] = [];
  const parts = keys.map((key, i) => {
    const r = requests[key] as Claim & PoolClaim;
    const taken = `not exists (select 1 from ${quoteIdent(r.taken.table)} x where x.${quoteIdent(r.taken.column)} = u.c)`;
    let source: string;
    if (r.pool !== undefined) {
      const [, bits] = r.pool.split('/');
      params.push(r.pool, 2 ** (32 - Number(bits)) - 2);
      source = `(select host(network(?::cidr) + g) as c, g as ord from generate_series(1, ?::bigint) g) u`;
    } else {
      // As JSON: the driver layer would spread an array parameter into a list.
      params.push(JSON.stringify(r.candidates));
      source = `json_array_elements_text(?::json) with ordinality u(c, ord)`;
    }
    params.push(r.namespace, r.taken.table, r.taken.column, r.count);
    // The fence (offset 0) keeps the order and skips what this statement's snapshot already sees taken; then each
    // candidate is locked and looked up afresh (claim_identifier, db/migrations) until `count` are claimed.
    return `coalesce((select array_agg(p.c) from (select f.c from (select u.c from ${source} where ${taken} order by u.ord offset 0) f
      where claim_identifier(?, ?, ?, f.c) limit ?) p), '{}') as "k${i}"`;
  });
  const [row] = await em.execute<Array<Record<string, string[]>>>(`select ${parts.join(', ')}`, params);
  return Object.fromEntries(keys.map((key, i) => [key, row![`k${i}`] ?? []])) as Record<K, string[]>;
}

/** Serial identifiers of a company (事業所コード, 利用者コード, メールボックスID) are allocated under its row lock. */
export async function lockCompany(em: EntityManager, companyId: string): Promise<void> {
  await em.execute('select 1 from "company" where "id" = ? for no key update', [companyId]);
}

/**
 * 識別番号 of a 利用者コード (shared ones too) are allocated under the code's row lock; returns those taken. Two
 * statements: the read after the lock sees what the lock's previous holder committed.
 */
export async function lockUserCode(em: EntityManager, userCodeId: string): Promise<Set<string>> {
  await em.execute('select 1 from "user_code" where "id" = ? for no key update', [userCodeId]);
  const rows = await em.execute<Array<{ ident_no: string }>>('select ident_no from "user_id" where user_code_id = ?', [userCodeId]);
  return new Set(rows.map((r) => r.ident_no));
}
