/** One line of a line diff: kept, removed from the old text, or added in the new one (1-based line numbers). */
export type DiffLine =
  | { kind: 'same'; text: string; oldNo: number; newNo: number }
  | { kind: 'del'; text: string; oldNo: number }
  | { kind: 'add'; text: string; newNo: number };

/** Above this many cells the middle of two texts is shown as replaced rather than aligned line by line. */
const MAX_CELLS = 4_000_000;

const splitLines = (s: string): string[] => (s === '' ? [] : s.replace(/\r\n?/g, '\n').split('\n'));

/**
 * A line diff of two texts by longest common subsequence (no dependency): the common head and tail are kept as
 * they are, the middle is aligned with an LCS table; deletions come before additions at each change.
 */
export function lineDiff(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: a[i]!, oldNo: i + 1, newNo: i + 1 });

  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  if (n * m > MAX_CELLS) {
    am.forEach((text, i) => out.push({ kind: 'del', text, oldNo: head + i + 1 }));
    bm.forEach((text, j) => out.push({ kind: 'add', text, newNo: head + j + 1 }));
  } else {
    // lcs[i][j] = length of the LCS of am[i..] and bm[j..], in one flat array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = am[i] === bm[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        out.push({ kind: 'same', text: am[i]!, oldNo: head + i + 1, newNo: head + j + 1 });
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        out.push({ kind: 'del', text: am[i]!, oldNo: head + i + 1 });
        i++;
      } else {
        out.push({ kind: 'add', text: bm[j]!, newNo: head + j + 1 });
        j++;
      }
    }
  }

  for (let k = 0; k < tail; k++) {
    const oldNo = a.length - tail + k + 1;
    const newNo = b.length - tail + k + 1;
    out.push({ kind: 'same', text: a[oldNo - 1]!, oldNo, newNo });
  }
  return out;
}

/** How many lines a diff adds and removes. */
export const diffStats = (lines: readonly DiffLine[]): { added: number; removed: number } => ({
  added: lines.filter((l) => l.kind === 'add').length,
  removed: lines.filter((l) => l.kind === 'del').length,
});
