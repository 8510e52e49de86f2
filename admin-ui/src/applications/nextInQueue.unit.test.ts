// 次の申込へ: the application after the current one in the list's order, whether the action just taken kept the current
// one in the view or took it out, on the same page or the next.
import { describe, expect, it } from 'vitest';
import { nextInPage } from './nextInQueue';

const app = (id: string, receivedAt: string | null) => ({ id, receivedAt });
const ASC = { field: 'receivedAt', order: 'ASC' as const };
const DESC = { field: 'receivedAt', order: 'DESC' as const };

describe('nextInPage', () => {
  const page = [app('a', '2026-12-01'), app('b', '2026-12-02'), app('c', '2026-12-03')];

  it('takes the one after the current when it is still listed', () => {
    expect(nextInPage(page, page[1]!, ASC, false)).toEqual({ next: page[2], passed: true });
  });

  it('the current last on its page: the next page is asked, and its first is the next', () => {
    const first = nextInPage(page, page[2]!, ASC, false);
    expect(first).toEqual({ next: undefined, passed: true });
    const following = [app('d', '2026-12-04')];
    expect(nextInPage(following, page[2]!, ASC, first.passed).next).toEqual(following[0]);
  });

  it('the current left the view (returned, approved): the first after its place in the order', () => {
    const gone = app('x', '2026-12-02T12:00');
    expect(nextInPage(page, gone, ASC, false).next).toEqual(page[2]);
    const newestFirst = [...page].reverse();
    expect(nextInPage(newestFirst, gone, DESC, false).next).toEqual(page[1]);
  });

  it('nothing after the current on this page: not passed, so a later page is compared the same way', () => {
    expect(nextInPage(page, app('x', '2026-12-09'), ASC, false)).toEqual({ next: undefined, passed: false });
  });

  it('a missing value sorts last ascending (as PostgreSQL): an application without one comes after the dated ones', () => {
    const withMissing = [app('a', '2026-12-01'), app('n', null)];
    expect(nextInPage(withMissing, app('x', '2026-12-05'), ASC, false).next).toEqual(withMissing[1]);
    expect(nextInPage(withMissing, app('x', '2026-12-05'), DESC, false).next).toEqual(withMissing[0]);
  });

  it('never answers the current one itself', () => {
    expect(nextInPage([app('x', '2026-12-02')], app('x', '2026-12-02'), ASC, true)).toEqual({ next: undefined, passed: true });
  });
});
