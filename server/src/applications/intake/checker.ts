import type { FieldError } from '../../common/errors.js';
import { isIsoDate } from '../../common/paging.js';

// Character classes of the NSS screens.
// 全角: no ASCII (incl. control characters), no half-width kana.
// eslint-disable-next-line no-control-regex
const ZENKAKU = /^[^\x00-\x7F\uFF61-\uFF9F]+$/u;
const ZENKAKU_KANA = /^[\u30A1-\u30FA\u30FC\u3000 ]+$/u; // 全角カナ, ー and spaces
// Addresses in kana also carry block numbers and building names: full-width digits, letters and －・（）.
const ZENKAKU_KANA_ADDRESS = /^[\u30A1-\u30FA\u30FC\u3000 ０-９Ａ-Ｚａ-ｚ－‐・（）]+$/u;
const DIGITS = /^[0-9]+$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Collects every broken field of an input at once. Each check names the field (its Japanese label) and the rule,
 * so the message alone tells the customer what to fix.
 */
export class Checker {
  readonly errors: FieldError[] = [];

  add(path: string, message: string): void {
    if (!this.errors.some((e) => e.path === path)) this.errors.push({ path, message });
  }

  has(path: string): boolean {
    return this.errors.some((e) => e.path === path || e.path.startsWith(`${path}.`));
  }

  /** Required value; returns whether it is present. */
  required(path: string, label: string, value: unknown): boolean {
    if (blank(value) || (Array.isArray(value) && value.length === 0)) {
      this.add(path, `${label}を入力してください。`);
      return false;
    }
    return true;
  }

  zenkaku(path: string, label: string, value: string | undefined, max = 60): void {
    if (blank(value)) return;
    if (!ZENKAKU.test(value!)) this.add(path, `${label}は全角で入力してください。`);
    else this.maxLength(path, label, value, max);
  }

  kana(path: string, label: string, value: string | undefined, max = 120): void {
    if (blank(value)) return;
    if (!ZENKAKU_KANA.test(value!)) this.add(path, `${label}は全角カナで入力してください。`);
    else this.maxLength(path, label, value, max);
  }

  kanaAddress(path: string, label: string, value: string | undefined, max = 200): void {
    if (blank(value)) return;
    if (!ZENKAKU_KANA_ADDRESS.test(value!)) this.add(path, `${label}は全角カナ (番地・建物名は全角英数字) で入力してください。`);
    else this.maxLength(path, label, value, max);
  }

  maxLength(path: string, label: string, value: string | undefined, max: number): void {
    if (value && [...value].length > max) this.add(path, `${label}は${max}文字以内で入力してください (現在 ${[...value].length} 文字)。`);
  }

  /** Phone/FAX: half-width digits only, no hyphen. */
  phone(path: string, label: string, value: string | undefined): void {
    if (blank(value)) return;
    if (!DIGITS.test(value!)) this.add(path, `${label}は「-」(ハイフン)を入れず、半角数字のみで入力してください。`);
    else if (value!.length < 10 || value!.length > 11) this.add(path, `${label}は10桁または11桁の数字で入力してください。`);
  }

  digits(path: string, label: string, value: string | undefined, length: number): void {
    if (blank(value)) return;
    if (!DIGITS.test(value!) || value!.length !== length) this.add(path, `${label}は半角数字${length}桁で入力してください。`);
  }

  pattern(path: string, label: string, value: string | undefined, re: RegExp, rule: string): void {
    if (blank(value)) return;
    if (!re.test(value!)) this.add(path, `${label}は${rule}で入力してください。`);
  }

  email(path: string, label: string, value: string | undefined): void {
    if (blank(value)) return;
    if (!EMAIL.test(value!) || value!.length > 254) this.add(path, `${label}の形式が正しくありません (例: taro.tsukan@naccs.jp)。`);
  }

  isoDate(path: string, label: string, value: string | undefined, notBefore?: string): void {
    if (blank(value)) return;
    if (!isIsoDate(value!)) this.add(path, `${label}は YYYY-MM-DD 形式の正しい日付で入力してください。`);
    else if (notBefore && value! < notBefore) this.add(path, `${label}は本日 (${notBefore}) 以降の日付を入力してください。`);
  }

  count(path: string, label: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined || value === null) return;
    if (!Number.isInteger(value) || value < min || value > max) this.add(path, `${label}は${min}〜${max}の整数で入力してください。`);
  }
}

export { blank };
