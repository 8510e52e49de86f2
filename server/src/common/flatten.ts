/** Flattens nested values to `a.b.0.c → "value"` for field-by-field comparison (empty values dropped). */
export function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value === undefined || value === null || value === '') return out;
  if (value instanceof Date) {
    out[prefix] = value.toISOString();
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = String(value);
  }
  return out;
}

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/** Fields whose value differs between two flattened snapshots, in a stable order. */
export function diffFlat(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => before[k] !== after[k]).map((field) => ({ field, before: before[field], after: after[field] }));
}
