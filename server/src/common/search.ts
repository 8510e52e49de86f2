/**
 * Folds text for search so that full/half width, hiragana/katakana, case and spaces do not matter:
 * NFKC (全角英数→半角, 半角カナ→全角), katakana → hiragana (the long-vowel mark ー stays as is), lower case,
 * no spaces.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');
}

/** The search column of an application or office: every name a support agent might type, folded. */
export function searchText(parts: Array<string | null | undefined>): string {
  return parts.filter((p): p is string => !!p).map(foldForSearch).join(' ');
}

/** Escapes LIKE wildcards in user input. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
