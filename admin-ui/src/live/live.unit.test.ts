// The live texts and rules that need no browser: who did what ("審査 二郎 が確認事項を送りました"), the others among
// the viewers (never oneself), and the reconnection's backoff.
import { describe, expect, it } from 'vitest';
import { enumValues } from '../labels';
import { backoffMs } from './client';
import { differences } from './differences';
import { othersOf } from './Presence';
import { describeAction, liveTexts } from './texts';

describe('describeAction', () => {
  const ja = liveTexts('ja');
  it('names the actor and what they did, for every history action', () => {
    expect(describeAction(ja, { action: 'RETURN', actor: { id: '2', name: '審査 二郎' } })).toBe('審査 二郎 が確認事項を送りました');
    expect(describeAction(ja, { action: 'APPROVE', actor: { id: '2', name: '審査 二郎' } })).toBe('審査 二郎 が審査を終了しました');
    for (const action of enumValues('HistoryAction')) {
      expect(describeAction(ja, { action, actor: { name: 'X' } })).toMatch(/^X が.+ました$/);
      expect(describeAction(liveTexts('en'), { action, actor: { name: 'X' } })).toMatch(/^X [a-z]/);
    }
  });

  it('an assignment to someone else names them', () => {
    expect(describeAction(ja, { action: 'ASSIGN', actor: { id: 's', name: '監督 花子' }, assignee: { id: '1', name: '審査 一郎' } }))
      .toBe('監督 花子 が審査 一郎 に割り当てました');
    expect(describeAction(ja, { action: 'ASSIGN', actor: { id: '1', name: '審査 一郎' }, assignee: { id: '1', name: '審査 一郎' } }))
      .toBe('審査 一郎 が担当しました');
  });
});

describe('othersOf', () => {
  it('leaves out oneself and counts each person once', () => {
    const viewers = [{ staffId: 'me', name: '審査 一郎' }, { staffId: 'b', name: '審査 二郎' }, { staffId: 'b', name: '審査 二郎' }];
    expect(othersOf(viewers, 'me')).toEqual([{ staffId: 'b', name: '審査 二郎' }]);
    expect(othersOf(undefined, 'me')).toEqual([]);
  });
});

describe('backoffMs', () => {
  it('doubles from about a second and stops at 30 s, randomised to half of it at least', () => {
    expect(backoffMs(0, 1)).toBe(1_000);
    expect(backoffMs(0, 0)).toBe(500);
    expect(backoffMs(3, 1)).toBe(8_000);
    expect(backoffMs(20, 1)).toBe(30_000);
    expect(backoffMs(20, 0)).toBe(15_000);
  });
});

describe('differences', () => {
  it('counts the rows that came, went or changed version, not the ones that stayed', () => {
    const shown = [{ id: 'a', version: 1 }, { id: 'b', version: 3 }, { id: 'c', version: 2 }];
    expect(differences(shown, shown)).toBe(0);
    expect(differences(shown, [{ id: 'a', version: 1 }, { id: 'b', version: 4 }, { id: 'd', version: 1 }])).toBe(3);
    // The same rows in another order: nothing the reviewer would see as new.
    expect(differences(shown, [...shown].reverse())).toBe(0);
  });
});
