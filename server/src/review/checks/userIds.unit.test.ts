import { describe, expect, it } from 'vitest';
import { todayInJapan } from '../../common/dates.js';
import { clockFor, testNowSetting } from '../../testing/instant.js';
import { ApplicationKind, ApplicationStatus, INDUSTRY_GROUPS, Industry, OtherChange, RowAction, SOLO_INDUSTRIES } from '../../common/enums.js';
import { changeLeavesNoIds, industriesRefusedBySingleSignOn, sharedUserCodeUnusable } from './userIds.js';
import { cleanInput } from './fixtures.js';

// The run's instant (TEST_NOW), as every test: the checks compare dates relative to it.
const today = todayInJapan(clockFor(testNowSetting()).now());
const userId = (industries: readonly string[], action: string = RowAction.ADD) => ({ action, industries, userCode: 'NACSYS', position: 0 });

describe('industriesRefusedBySingleSignOn', () => {
  const [first, second] = [INDUSTRY_GROUPS[0]!, INDUSTRY_GROUPS[1]!];
  it('blocks 業種 of two 枠 on one 利用者ID, and a solo 業種 with another', () => {
    expect(industriesRefusedBySingleSignOn(cleanInput(today, { userIds: [userId([first[0]!, second[0]!])] })))
      .toMatchObject([{ code: 'INDUSTRIES_REFUSED_BY_SSO', severity: 'BLOCKER', path: 'userCodes' }]);
    const solo = SOLO_INDUSTRIES[0]!;
    const other = Object.values(Industry).find((x) => x !== solo)!;
    expect(industriesRefusedBySingleSignOn(cleanInput(today, { userIds: [userId([solo, other])] }))).toHaveLength(1);
  });
  it('accepts 業種 of one 枠, a single 業種, and rows the application does not add', () => {
    const sameGroup = first.filter((x) => !SOLO_INDUSTRIES.includes(x)).slice(0, 2);
    expect(sameGroup).toHaveLength(2);
    expect(industriesRefusedBySingleSignOn(cleanInput(today, { userIds: [userId(sameGroup), userId([second[0]!]), userId([first[0]!, second[0]!], RowAction.DELETE)] }))).toEqual([]);
  });
});

describe('sharedUserCodeUnusable', () => {
  const code = { userCode: 'NACSYS', position: 1, found: true, ownerTerminating: false };
  it('blocks a shared code that is not live, or whose office is being abolished', () => {
    expect(sharedUserCodeUnusable(cleanInput(today, { sharedCodes: [{ ...code, found: false }] })))
      .toMatchObject([{ code: 'SHARED_USER_CODE_UNUSABLE', severity: 'BLOCKER', path: 'userCodes.1.userCode', message: expect.stringContaining('存在しないか、廃止') }]);
    expect(sharedUserCodeUnusable(cleanInput(today, { sharedCodes: [{ ...code, ownerTerminating: true }] })))
      .toMatchObject([{ message: expect.stringContaining('契約解除・事業所廃止') }]);
  });
  it('accepts a live code of an office in service, and judges only open applications', () => {
    expect(sharedUserCodeUnusable(cleanInput(today, { sharedCodes: [code] }))).toEqual([]);
    expect(sharedUserCodeUnusable(cleanInput(today, { sharedCodes: [{ ...code, found: false }] }, { status: ApplicationStatus.APPROVED }))).toEqual([]);
  });
});

describe('changeLeavesNoIds', () => {
  const change = { kind: ApplicationKind.CHANGE };
  it('blocks a change deleting every 識別番号 of a code it keeps, and the office\'s last 利用者ID', () => {
    const found = changeLeavesNoIds(cleanInput(today, { remainingIds: [{ userCode: 'NACSYS', kept: 0, added: 0, codeDeleted: false }] }, change));
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('NACSYS に識別番号が1つも残りません'), expect.stringContaining('利用者IDが1つも残りません')]);
    expect(found.every((f) => f.code === 'CHANGE_LEAVES_NO_IDS' && f.severity === 'BLOCKER')).toBe(true);
  });
  it('accepts a code kept with one 識別番号, a code ended whole while another keeps its IDs, a new ID elsewhere, and 契約解除', () => {
    expect(changeLeavesNoIds(cleanInput(today, { remainingIds: [{ userCode: 'NACSYS', kept: 1, added: 0, codeDeleted: false }] }, change))).toEqual([]);
    expect(changeLeavesNoIds(cleanInput(today, { remainingIds: [
      { userCode: 'NACSYS', kept: 0, added: 0, codeDeleted: true }, { userCode: 'NACSY2', kept: 2, added: 0, codeDeleted: false }] }, change))).toEqual([]);
    const allEnded = { remainingIds: [{ userCode: 'NACSYS', kept: 0, added: 0, codeDeleted: true }] };
    expect(changeLeavesNoIds(cleanInput(today, { ...allEnded, userIds: [userId([INDUSTRY_GROUPS[0]![0]!])].map((u) => ({ ...u, userCode: 'NEWCOD' })) }, change))).toEqual([]);
    expect(changeLeavesNoIds(cleanInput(today, allEnded, { ...change, otherChange: OtherChange.TERMINATION }))).toEqual([]);
    expect(changeLeavesNoIds(cleanInput(today, allEnded, change))).toHaveLength(1);
  });
});
