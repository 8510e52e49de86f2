import { describe, expect, it } from 'vitest';
import { splitCodes } from './codes';

describe('splitCodes (APIキーの対象の限定)', () => {
  it('splits on commas of either width, 、 and any space, and drops empties', () => {
    expect(splitCodes(' NAC, ABC，XYZ、nac001　NAC002\n')).toEqual(['NAC', 'ABC', 'XYZ', 'nac001', 'NAC002']);
    expect(splitCodes('  ')).toEqual([]);
  });
});
