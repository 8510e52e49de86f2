import { SOLO_INDUSTRIES, RowAction, industryGroup, type Industry } from '../../common/enums.js';
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
