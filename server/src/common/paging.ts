import { Field, InputType, registerEnumType } from 'type-graphql';
import { badInput, type FieldError } from './errors.js';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

/** The largest page any list returns; integrators exporting more page through it. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** Checks offset/limit; a bad value is a BAD_USER_INPUT naming the argument. */
export function checkPage(offset: number, limit: number): void {
  const errors: FieldError[] = [];
  if (!Number.isInteger(offset) || offset < 0) errors.push({ path: 'offset', message: 'offset は0以上の整数で指定してください。' });
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    errors.push({ path: 'limit', message: `limit は1〜${MAX_PAGE_SIZE}の整数で指定してください。` });
  }
  if (errors.length) throw badInput(errors);
}

/** ISO date (YYYY-MM-DD) that exists in the calendar. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

@InputType()
export class DateRangeInput {
  @Field(() => String, { nullable: true })
  from?: string;

  @Field(() => String, { nullable: true })
  to?: string;
}
