// Reads with bound values. MikroORM sends every statement as text with its values inlined, so PostgreSQL parses and
// plans each lookup anew (a different receipt number is a different text); the hot reads instead run on the ORM's own
// `pg` pool as named statements with bound values: parsed once per connection, then run from a cached plan (planning
// the JSON of a page cost PostgreSQL more than running it). A page's LIMIT and OFFSET stay literals in the text
// (projection.ts pageKeys): with `limit $1` a generic plan sorted the whole outbox to show 25 mails.
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';

/** Distinct statement texts given a name per process; beyond this, statements run unnamed (no server-side growth). */
const NAMED_MAX = 500;
const named = new Map<string, { name: string; text: string }>();
const pools = new WeakMap<object, Promise<pg.Pool>>();

/** The ORM connection's statement runner (protected in its types): timing and the query log around a callback. */
interface Logged {
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: { params?: unknown[] }): Promise<T>;
}

/** `?` placeholders (MikroORM's, outside quotes) as `$1…$n`. */
export function numbered(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
}

function statement(sql: string): { name?: string; text: string } {
  const known = named.get(sql);
  if (known) return known;
  const text = numbered(sql);
  if (named.size >= NAMED_MAX) return { text };
  const entry = { name: `r${named.size + 1}`, text };
  named.set(sql, entry);
  return entry;
}

/**
 * Rows of a read (`?` placeholders). Outside a transaction it runs on the pool as a named statement with bound values;
 * inside one it goes through the transaction's connection (the same answer, seen by the transaction).
 */
export async function boundRead<Row>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  if (em.isInTransaction()) return em.execute<Row[]>(sql, [...params]);
  const connection = em.getConnection();
  let pool = pools.get(connection);
  if (!pool) {
    pool = connection.getNativeClient() as Promise<pg.Pool>;
    pools.set(connection, pool);
  }
  const { name, text } = statement(sql);
  const client = await pool;
  // Through the connection's executeQuery: logged (and timed, slow-query log included) like every ORM statement.
  const run = (connection as unknown as Logged).executeQuery.bind(connection);
  const result = await run(text, () => client.query<Row & pg.QueryResultRow>({ name, text, values: params as unknown[] }), { params: [...params] });
  return result.rows;
}
