import { CUSTOMS_BY_PREFECTURE, usualCustomsOffice } from './customsJurisdiction.js';
import { CheckSeverity, finding, type Check, type CheckInput } from './types.js';

/** The contacts' e-mail addresses of an application with the field each stands in. */
function emails({ app }: Pick<CheckInput, 'app'>): Array<{ path: string; label: string; email: string }> {
  const out: Array<{ path: string; label: string; email?: string }> = [
    { path: 'applicant.email', label: '申込担当者', email: app.applicant?.email },
    { path: 'officeProfile.manager.email', label: '管理責任者', email: app.officeProfile?.manager?.email },
    { path: 'constructionContact.email', label: '工事事務担当者', email: app.constructionContact?.email },
    { path: 'constructionAttendee.email', label: '工事立会者', email: app.constructionAttendee?.email },
    { path: 'billing.contact.email', label: '請求先担当者', email: app.billing?.contact?.email },
    ...(app.billing?.emails ?? []).map((email, i) => ({ path: `billing.emails.${i}`, label: '請求書送付先', email })),
  ];
  return out.filter((e): e is { path: string; label: string; email: string } => !!e.email?.includes('@'));
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * An e-mail domain that differs from the one most of the application's contacts use (ties: the 申込担当者's): a typo,
 * a private address, or a contact outside the company — worth a look, not wrong in itself.
 */
export const emailDomainDiffers: Check = (input) => {
  const all = emails(input);
  const counts = new Map<string, number>();
  for (const e of all) counts.set(domainOf(e.email), (counts.get(domainOf(e.email)) ?? 0) + 1);
  if (counts.size < 2) return [];
  const top = Math.max(...counts.values());
  const main = all.map((e) => domainOf(e.email)).find((d) => counts.get(d) === top)!;
  return all
    .filter((e) => domainOf(e.email) !== main)
    .map((e) => finding('EMAIL_DOMAIN_DIFFERS', CheckSeverity.INFO, e.path, `${e.label}のメールアドレス (${e.email}) のドメインが他の連絡先 (@${main}) と異なります。`));
};

/** 管轄税関 unusual for the prefecture of the office (CUSTOMS_BY_PREFECTURE). */
export const customsOfficeUnusual: Check = ({ app }) => {
  const prefecture = app.officeProfile?.address?.prefecture;
  const office = app.officeProfile?.customsOffice;
  if (usualCustomsOffice(prefecture, office)) return [];
  const usual = CUSTOMS_BY_PREFECTURE[prefecture!]!.map((c) => `${c}税関`).join('・');
  return [finding('CUSTOMS_OFFICE_UNUSUAL', CheckSeverity.INFO, 'officeProfile.customsOffice',
    `管轄税関「${office}」は事業所の所在地 (${prefecture}) を管轄する税関 (${usual}) と異なります。`)];
};
