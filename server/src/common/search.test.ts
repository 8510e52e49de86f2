import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search.js';

describe('foldForSearch', () => {
  it('makes full/half width, hiragana/katakana, case and spaces equal', () => {
    const forms = ['ナックス センター', 'なっくす せんたー', 'ﾅｯｸｽ ｾﾝﾀｰ', 'ナックス　センター'];
    expect(new Set(forms.map(foldForSearch)).size).toBe(1);
    expect(foldForSearch('ＮＡＣ００１')).toBe(foldForSearch('nac001'));
  });

  it('keeps kanji and distinguishes different words', () => {
    expect(foldForSearch('東洋海運')).toBe('東洋海運');
    expect(foldForSearch('カイウン')).not.toBe(foldForSearch('カイソウ'));
  });
});
