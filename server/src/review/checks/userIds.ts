import { OtherChange, SOLO_INDUSTRIES, RowAction, industryGroup, type Industry } from '../../common/enums.js';
import { OPEN } from '../workflow.js';
import { CheckSeverity, finding, type Check } from './types.js';

/**
 * 業種 one 利用者ID cannot combine under シングルサインオン (the intake's rule, common/enums.ts: SOLO_INDUSTRIES and the
 * 枠 of INDUSTRY_GROUPS): applications entered before the rule or on paper may still carry them.
 */
export const industriesRefusedBySingleSignOn: Check = ({ userIds }) =>
  userIds
    .filter((u) => u.action === RowAction.ADD && u.industries.length > 1)
    .filter((u) => {
      const industries = u.industries as Industry[];
      return industries.some((x) => SOLO_INDUSTRIES.includes(x)) || new Set(industries.map(industryGroup)).size > 1;
    })
    .map((u) => finding('INDUSTRIES_REFUSED_BY_SSO', CheckSeverity.BLOCKER, 'userCodes',
      `利用者コード ${u.userCode ?? '(新規)'} の${u.position + 1}番目の利用者IDの業種の組合せは、シングルサインオンで同じ利用者IDにできません (自社通関・輸出入者・機長代行は単独、その他は同じ枠内のみ)。`));

/**
 * A shared 利用者コード (共同利用) never issued or already ended, or whose office has an abolition
 * (契約解除・事業所廃止) open or yet to apply: the sharing would end with it. Judged while the application is open.
 */
export const sharedUserCodeUnusable: Check = ({ app, sharedCodes }) =>
  OPEN.includes(app.status)
    ? sharedCodes
      .filter((c) => !c.found || c.ownerTerminating)
      .map((c) => finding('SHARED_USER_CODE_UNUSABLE', CheckSeverity.BLOCKER, `userCodes.${c.position}.userCode`, c.found
        ? `共同利用する利用者コード ${c.userCode} の事業所は契約解除・事業所廃止の手続き中です。`
        : `共同利用する利用者コード ${c.userCode} は存在しないか、廃止されています。`))
    : [];

/**
 * A change that leaves a live 利用者コード of the office without any 識別番号 (its IDs all deleted, none added, the
 * code itself kept), or the office without any 利用者ID at all. A 契約解除・事業所廃止 ends them on purpose.
 */
export const changeLeavesNoIds: Check = ({ app, remainingIds, userIds }) => {
  if (!OPEN.includes(app.status) || app.otherChange === OtherChange.TERMINATION || !remainingIds.length) return [];
  const kept = remainingIds.filter((c) => !c.codeDeleted);
  const empty = kept.filter((c) => c.kept + c.added === 0);
  const live = new Set(remainingIds.map((c) => c.userCode));
  const addsElsewhere = userIds.some((u) => u.action === RowAction.ADD && !live.has((u.userCode ?? '').toUpperCase()));
  const findings = empty.map((c) => finding('CHANGE_LEAVES_NO_IDS', CheckSeverity.BLOCKER, 'userCodes',
    `変更後、利用者コード ${c.userCode} に識別番号が1つも残りません。利用者コードごと廃止するか、識別番号を残してください。`));
  if (!addsElsewhere && kept.every((c) => c.kept + c.added === 0)) {
    findings.push(finding('CHANGE_LEAVES_NO_IDS', CheckSeverity.BLOCKER, 'userCodes', '変更後、この事業所に利用者IDが1つも残りません (事業所を廃止する場合は「契約解除・事業所廃止」で申し込みます)。'));
  }
  return findings;
};
