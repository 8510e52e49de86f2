// The lists' filter forms → the server's filter inputs: only what is in use, trimmed, codes normalised. Apart from the
// data provider (which needs Apollo) so that it is tested on its own.
import { normalizeCode } from './normalize';

export type Filter = Record<string, unknown>;

export const asArray = (v: unknown): string[] | undefined => {
  if (v == null || v === '') return undefined;
  const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length ? list : undefined;
};
export const asText = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};
/** Drops undefined keys so the server sees only the filters in use. */
export const compact = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export const applicationFilter = (filter: Filter = {}) => {
  const officeCode = asText(filter.officeCode);
  const queue = asText(filter.queue);
  return compact({
    queue: queue && queue !== 'ALL' ? queue : undefined,
    status: asArray(filter.status),
    kind: asArray(filter.kind),
    q: asText(filter.q),
    assigneeId: asText(filter.assigneeId),
    receivedFrom: asText(filter.receivedFrom),
    receivedTo: asText(filter.receivedTo),
    desiredStartFrom: asText(filter.desiredStartFrom),
    desiredStartTo: asText(filter.desiredStartTo),
    checkSeverity: asArray(filter.checkSeverity),
    officeCode: officeCode ? normalizeCode(officeCode) : undefined,
  });
};

export const officeFilter = (filter: Filter = {}) => compact({ q: asText(filter.q), status: asArray(filter.status) });
