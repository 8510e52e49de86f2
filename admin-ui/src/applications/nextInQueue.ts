import type { SortPayload } from 'react-admin';

// Which application comes after the current one in the list's order (次の申込へ): pure, so it is unit-tested.

type Sortable = { id: string };
const valueOf = (r: Sortable, field: string): unknown => (r as unknown as Record<string, unknown>)[field];

/** As PostgreSQL orders: a missing value after every other (last ascending, first descending). */
const compareValues = (a: unknown, b: unknown): number => {
  const missing = (v: unknown) => v === null || v === undefined || v === '';
  if (missing(a) || missing(b)) return missing(a) === missing(b) ? 0 : missing(a) ? 1 : -1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The application after `current` in one page of the list, in its order. `passed`: the current one was on an
 * earlier page (its successor is this page's first). When the current one is not listed (it left the queue with the
 * action just taken), the first whose sort value comes after its own. `passed` in the answer: look on the next page.
 */
export const nextInPage = <T extends Sortable>(
  items: readonly T[],
  current: Sortable,
  sort: SortPayload,
  passed: boolean,
): { next?: T; passed: boolean } => {
  const others = (from: number) => items.slice(from).find((r) => r.id !== current.id);
  if (passed) return { next: others(0), passed: true };
  const at = items.findIndex((r) => r.id === current.id);
  if (at >= 0) return { next: others(at + 1), passed: true };
  const direction = sort.order === 'DESC' ? -1 : 1;
  const next = items.find((r) => r.id !== current.id && direction * compareValues(valueOf(r, sort.field), valueOf(current, sort.field)) >= 0);
  return { next, passed: false };
};

