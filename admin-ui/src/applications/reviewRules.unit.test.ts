// The console asks the record what may be done (Application.availableActions): no rule of its own decides a button.
import { describe, expect, it } from 'vitest';
import { reviewActionsFor } from './reviewRules';

describe('reviewActionsFor: the buttons are what the server lists', () => {
  it('offers exactly the listed actions', () => {
    const actions = reviewActionsFor({ availableActions: ['UNASSIGN', 'RETURN', 'APPROVE', 'ADD_INTERNAL_NOTE', 'WITHDRAW'] });
    expect(Object.entries(actions).filter(([, on]) => on).map(([key]) => key)).toEqual(['unassign', 'return', 'approve', 'internalNote']);
  });

  it('a supervisor on an approved application: キャンセル, システム設定申込, パスワード再発行', () => {
    const actions = reviewActionsFor({ availableActions: ['CANCEL', 'ADD_INTERNAL_NOTE', 'RECORD_SYSTEM_SETTINGS', 'REISSUE_PASSWORD'] });
    expect(actions).toMatchObject({ cancel: true, recordSystemSettings: true, reissuePassword: true, assignToMe: false, approve: false });
  });

  it('nothing without a record or without availableActions (never guessed from the status)', () => {
    expect(Object.values(reviewActionsFor(undefined)).some(Boolean)).toBe(false);
    expect(Object.values(reviewActionsFor({})).some(Boolean)).toBe(false);
  });
});
