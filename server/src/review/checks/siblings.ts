import { OPEN } from '../workflow.js';
import { CheckSeverity, finding, type Check } from './types.js';

/**
 * The same office has another open application (WARNING: review them together, they may overlap), or another office
 * of the same company has (INFO: a company often applies for several offices at once).
 */
export const otherOpenApplication: Check = ({ app, siblings }) =>
  OPEN.includes(app.status)
    ? siblings.map((s) => finding('OTHER_OPEN_APPLICATION', s.sameOffice ? CheckSeverity.WARNING : CheckSeverity.INFO, 'office',
      `${s.sameOffice ? '同じ事業所' : '同じ企業'}に審査中の申込 (申込受付番号 ${s.receiptNo}) があります。内容が重複・矛盾していないか確認してください。`, s))
    : [];
