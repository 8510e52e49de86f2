import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLike, foldForSearch, searchText } from './search.js';

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

describe('search helpers', () => {
  // What people type into the search boxes: ASCII, full-width, half- and full-width kana, kanji, both spaces.
  // (A lone half-width sound mark after a space is left out: removing the space lets it combine on a second fold.)
  const typed = fc.string({ unit: fc.constantFrom(...'aZ09-_%ＡｚＮ０９ｱｯｰカガッヴヵーあゔ東海運 　\t', 'ｶﾞ', 'ﾊﾟ', 'ｳﾞ'), maxLength: 30 });

  it('folding twice changes nothing and leaves no spaces', () => {
    fc.assert(
      fc.property(typed, (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
        expect(once).not.toMatch(/[\s\u3000]/);
      }),
    );
  });

  it('searchText folds every present part and skips the missing ones', () => {
    expect(searchText(['NAC001', null, 'ナックス センター', undefined, ''])).toBe('nac001 なっくすせんたー');
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(escapeLike('東洋海運')).toBe('東洋海運');
  });
});
