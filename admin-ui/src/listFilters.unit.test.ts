import { describe, expect, it } from 'vitest';
import { applicationFilter } from './listFilters';

// The list's filter form → ApplicationFilter: what the server is asked is what the reviewer chose, and nothing empty.
describe('applicationFilter', () => {
  it('passes the checks’ severities, the dates and the office code (normalised); leaves out what is empty', () => {
    expect(applicationFilter({
      queue: 'UNASSIGNED', checkSeverity: ['BLOCKER', 'WARNING'], desiredStartFrom: '2027-01-04', officeCode: 'ｎａｃ００１', q: '', kind: [],
    })).toEqual({ queue: 'UNASSIGNED', checkSeverity: ['BLOCKER', 'WARNING'], desiredStartFrom: '2027-01-04', officeCode: 'NAC001' });
  });

  it('asks for every queue without a queue condition (すべて)', () => {
    expect(applicationFilter({ queue: 'ALL', checkSeverity: [] })).toEqual({});
  });
});
