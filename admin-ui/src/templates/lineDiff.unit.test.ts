import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStats, lineDiff, type DiffLine } from './lineDiff';

/** The old text (same + del lines) and the new text (same + add lines) a diff describes. */
const sides = (diff: DiffLine[]) => ({
  old: diff.filter((l) => l.kind !== 'add').map((l) => l.text),
  new: diff.filter((l) => l.kind !== 'del').map((l) => l.text),
});
const lines = (s: string) => (s === '' ? [] : s.replace(/\r\n?/g, '\n').split('\n'));

/** Length of a longest common subsequence, the slow obvious way. */
const lcsLength = (a: string[], b: string[]): number => {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    b.forEach((y, j) => row.push(x === y ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!)));
    prev = row;
  }
  return prev[b.length]!;
};

describe('lineDiff', () => {
  it('keeps equal texts as they are, numbering both sides', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual([
      { kind: 'same', text: 'a', oldNo: 1, newNo: 1 },
      { kind: 'same', text: 'b', oldNo: 2, newNo: 2 },
    ]);
    expect(lineDiff('', '')).toEqual([]);
  });

  it('shows a changed line as a deletion followed by an addition, in place', () => {
    expect(lineDiff('件名\n{{receiptNo}} 様\n以上', '件名\n{{companyName}} 様\n以上')).toEqual([
      { kind: 'same', text: '件名', oldNo: 1, newNo: 1 },
      { kind: 'del', text: '{{receiptNo}} 様', oldNo: 2 },
      { kind: 'add', text: '{{companyName}} 様', newNo: 2 },
      { kind: 'same', text: '以上', oldNo: 3, newNo: 3 },
    ]);
  });

  it('numbers lines after an insertion on each side', () => {
    expect(lineDiff('a\nc', 'a\nb\nc')).toEqual([
      { kind: 'same', text: 'a', oldNo: 1, newNo: 1 },
      { kind: 'add', text: 'b', newNo: 2 },
      { kind: 'same', text: 'c', oldNo: 2, newNo: 3 },
    ]);
    expect(lineDiff('', 'x\ny')).toEqual([
      { kind: 'add', text: 'x', newNo: 1 },
      { kind: 'add', text: 'y', newNo: 2 },
    ]);
    expect(lineDiff('x', '')).toEqual([{ kind: 'del', text: 'x', oldNo: 1 }]);
  });

  it('treats CRLF, CR and LF line ends alike', () => {
    expect(diffStats(lineDiff('a\r\nb\rc', 'a\nb\nc'))).toEqual({ added: 0, removed: 0 });
  });

  it('aligns the middle by the longest common subsequence, not by position', () => {
    const diff = lineDiff('h\nx\na\nb\nc\ny\nt', 'h\na\nz\nb\nc\nt');
    expect(diff.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['h', 'a', 'b', 'c', 't']);
    expect(diffStats(diff)).toEqual({ added: 1, removed: 2 });
  });

  it('shows a huge middle as replaced instead of building a huge table', () => {
    const a = Array.from({ length: 2_100 }, (_, i) => `old ${i}`).join('\n');
    const b = Array.from({ length: 2_100 }, (_, i) => `new ${i}`).join('\n');
    const started = performance.now();
    const diff = lineDiff(`head\n${a}\ntail`, `head\n${b}\ntail`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(diffStats(diff)).toEqual({ added: 2_100, removed: 2_100 });
    expect(diff[0]).toEqual({ kind: 'same', text: 'head', oldNo: 1, newNo: 1 });
    expect(diff[1]).toEqual({ kind: 'del', text: 'old 0', oldNo: 2 });
    expect(diff.at(-1)).toEqual({ kind: 'same', text: 'tail', oldNo: 2_102, newNo: 2_102 });
  });

  // Texts over a small alphabet of lines, so that random texts share lines.
  const text = fc.array(fc.constantFrom('a', 'b', 'c', '', '{{x}}', '様'), { maxLength: 14 }).map((ls) => ls.join('\n'));

  it('rebuilds both texts, numbers each side 1…n, and keeps a longest common subsequence', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const diff = lineDiff(a, b);
        const s = sides(diff);
        expect(s.old).toEqual(lines(a));
        expect(s.new).toEqual(lines(b));
        expect(diff.flatMap((l) => (l.kind === 'add' ? [] : [l.oldNo]))).toEqual(lines(a).map((_, i) => i + 1));
        expect(diff.flatMap((l) => (l.kind === 'del' ? [] : [l.newNo]))).toEqual(lines(b).map((_, i) => i + 1));
        expect(diff.filter((l) => l.kind === 'same')).toHaveLength(lcsLength(lines(a), lines(b)));
        const { added, removed } = diffStats(diff);
        expect(added).toBe(lines(b).length - lcsLength(lines(a), lines(b)));
        expect(removed).toBe(lines(a).length - lcsLength(lines(a), lines(b)));
      }),
      { numRuns: 500 },
    );
  });

  it('puts deletions before additions within each change', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const kinds = lineDiff(a, b).map((l) => l.kind).join(' ');
        expect(kinds).not.toMatch(/add del/);
      }),
      { numRuns: 300 },
    );
  });

  it('is symmetric: swapping the texts swaps additions and deletions', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(diffStats(lineDiff(b, a))).toEqual({ added: diffStats(lineDiff(a, b)).removed, removed: diffStats(lineDiff(a, b)).added });
      }),
      { numRuns: 300 },
    );
  });
});
