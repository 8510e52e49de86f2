/**
 * What a support agent types, as the server stores it: NFKC folds full-width letters and digits to
 * half-width (`１８００５５ａ` → `180055a`), then upper case; spaces and dash-like characters an IME may
 * insert are dropped. `１８００５５ａ` → `180055A`.
 */
export const normalizeReceiptNo = (input: string): string =>
  input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\u3000\-‐‑‒–—―ーｰ−]/g, '');

/** An office code (`NAC001`) or user code, typed in any width or case. */
export const normalizeCode = (input: string): string => normalizeReceiptNo(input);

/** `180055A`: 2-digit year, 4-digit serial, one letter (SPEC.md, Identifiers). */
export const RECEIPT_NO_PATTERN = /^\d{6}[A-Z]$/;
/** `NAC001`: company abbreviation + 3 digits. */
export const OFFICE_CODE_PATTERN = /^[A-Z]{3}\d{3}$/;
