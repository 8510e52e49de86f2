// Identifier allocation that does not collide when many approvals run at once, in any number of server processes.
// A claim takes, in order, the candidates that are neither taken (no row has them) nor being claimed by another
// transaction right now: each candidate is guarded by a transaction-scoped advisory lock tried without waiting
// (pg_try_advisory_xact_lock), so two approvals never pick the same value and never wait for each other; the lock
// goes with the transaction (committed: the row has the value; rolled back: the value is free again), and the value
// is looked up after the lock is held, so one committed by the lock's previous holder is seen. Several claims
// of one approval run in one statement. Serial identifiers within a company (事業所コード, 利用者コード, メールボックスID,
// 識別番号) are the next free ones under a row lock on the company or the 利用者コード (lockCompany / lockUserCode).
// A pool (IP addresses) is walked lazily from where this process last claimed, then from its start: each address
// looked up by the index until enough are claimed, never the whole pool sorted (a /16 is 65,534 addresses).
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
 * Where the next free address of a pool probably is, per database and pool: one past the last this process claimed
 * (addresses are never given back, so the ones below are taken). Only where the walk starts: every candidate is still
 * looked up and locked, and the walk goes on from the pool's start, so an address freed below is found too.
 */
const poolHints = new Map<string, number>();

/** An IPv4 address as a number. */
const ipNumber = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);


/**
 * Claims every request in one statement; each answer holds at most `count` values (fewer when the candidates ran
 * out: the caller draws new random candidates or reports the space exhausted).
 */
export async function claim<K extends string>(em: EntityManager, requests: Record<K, Claim | PoolClaim>): Promise<Record<K, string[]>> {
  const keys = Object.keys(requests) as K[];
  if (!keys.length) return {} as Record<K, string[]>;
  const params: unknown[] = [];
  const database = String(em.config.get('dbName') ?? '');
  const parts = keys.map((key, i) => {
    const r = requests[key] as Claim & PoolClaim;
    let candidates: string;
    if (r.pool !== undefined) {
      // The pool's addresses from the hint to its end, then from its start: generated one at a time (a set-returning
      // function in the select list, appended in order), each looked up by the index (a subquery with a limit is not
      // turned into a join), so the walk stops as soon as enough are claimed.
      const [, bits] = r.pool.split('/');
      const size = 2 ** (32 - Number(bits)) - 2;
      const hint = Math.min(Math.max(1, poolHints.get(`${database} ${r.pool}`) ?? 1), size);
      params.push(r.pool, hint, size, hint - 1);
      candidates = `select u.c from (select host(network(?::cidr) + s.g) as c from (select generate_series(?::bigint, ?::bigint) as g
        union all select generate_series(1, ?::bigint)) s) u
        where (select 1 from ${quoteIdent(r.taken.table)} x where x.${quoteIdent(r.taken.column)} = u.c limit 1) is null offset 0`;
    } else {
      // As JSON: the driver layer would spread an array parameter into a list.
      params.push(JSON.stringify(r.candidates));
      candidates = `select u.c from json_array_elements_text(?::json) with ordinality u(c, ord)
        where not exists (select 1 from ${quoteIdent(r.taken.table)} x where x.${quoteIdent(r.taken.column)} = u.c) order by u.ord offset 0`;
    }
    params.push(r.namespace, r.taken.table, r.taken.column, r.count);
    // The fence (offset 0) keeps the order and skips what this statement's snapshot already sees taken; then each
    // candidate is locked and looked up afresh (claim_identifier, db/migrations) until `count` are claimed.
    return `coalesce((select array_agg(p.c) from (select f.c from (${candidates}) f
      where claim_identifier(?, ?, ?, f.c) limit ?) p), '{}') as "k${i}"`;
  });
  const [row] = await em.execute<Array<Record<string, string[]>>>(`select ${parts.join(', ')}`, params);
  const got = Object.fromEntries(keys.map((key, i) => [key, row![`k${i}`] ?? []])) as Record<K, string[]>;
  for (const key of keys) {
    const r = requests[key] as PoolClaim;
    if (r.pool === undefined || !got[key].length) continue;
    const base = ipNumber(r.pool.split('/')[0]!);
    poolHints.set(`${database} ${r.pool}`, Math.max(...got[key].map((ip) => ipNumber(ip) - base)) + 1);
  }
  return got;
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
