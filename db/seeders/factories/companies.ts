// Firms (the companies behind the demo's applications) and their offices as the NSS screens ask for them: company
// name with its legal form, kana and English name, head office, and for each office its address, phones, 管轄税関,
// 契約者, 管理責任者, 緊急連絡用FAX and 請求先. The intake makes a company record of each new application.
import type {
  AddressInput, BillingInput, CompanyInput, OfficeInput, PersonInput,
} from '../../../server/src/applications/intake/inputs.js';
import { PaymentMethod, SystemCategory } from '../../../server/src/common/enums.js';
import { billingContact, contractorPerson, emergencyFaxes, staffPerson, address as addressIn } from './people.js';
import { chance, faker, int, landline, pick, rnd } from './random.js';
import {
  BANKS, BILLING_MAILBOXES, BRANCH_SUFFIXES, BUSINESSES, LEGAL_FORMS, LOCATIONS, NAME_WORDS, SURNAMES,
  type Business, type Loc, type Word,
} from './words.js';

export interface Firm {
  name: string;
  nameKana: string;
  nameEn: string;
  domain: string;
  business: Business;
  loc: Loc;
  headOfficeAddress: AddressInput;
  headOfficePhone: string;
  headOfficeFax?: string;
  /** The 契約者 most of the firm's offices name. */
  contractor: PersonInput;
  /** Office names already used (本社 first, then branches named after their location). */
  siteNames: Set<string>;
}

/** One office of a firm as its new application describes it. */
export interface Site {
  firm: Firm;
  head: boolean;
  loc: Loc;
  office: OfficeInput;
}

/** A firm with a name not used yet: a prefix word (or a surname), the business and a legal form. */
export function firm(usedNames: Set<string>): Firm {
  for (;;) {
    const business = pick(BUSINESSES);
    const base: Word = chance(0.2)
      ? (() => { const s = pick(SURNAMES); return [s[0], s[1], s[2].toUpperCase()] as const; })()
      : pick(NAME_WORDS);
    const r = rnd();
    const form = r < 0.88 ? LEGAL_FORMS.kk : r < 0.95 ? LEGAL_FORMS.yk : LEGAL_FORMS.gk;
    const prefixForm = form === LEGAL_FORMS.kk ? chance(0.4) : form === LEGAL_FORMS.yk;
    const core = `${base[0]}${business.word[0]}`;
    const coreKana = `${base[1]}${business.word[1]}`;
    if (usedNames.has(core)) continue;
    usedNames.add(core);
    const name = prefixForm ? `${form[0]}${core}` : `${core}${form[0]}`;
    const loc = business.category === SystemCategory.AIR && chance(0.5)
      ? pick(LOCATIONS.filter((l) => l.air))
      : pick(LOCATIONS.filter((l) => l.major));
    const domain = `${base[2]}-${business.english.replace(/ /g, '')}`.toLowerCase() + '.co.jp';
    return {
      name,
      nameKana: prefixForm ? `${form[1]}${coreKana}` : `${coreKana}${form[1]}`,
      nameEn: `${base[2]} ${business.english} ${form[2]}`,
      domain, business, loc,
      headOfficeAddress: addressIn(loc),
      headOfficePhone: landline(loc.area),
      headOfficeFax: chance(0.8) ? landline(loc.area) : undefined,
      contractor: contractorPerson({ domain, name }),
      siteNames: new Set(),
    };
  }
}

/** The firm's next office: the head office (本社) first, then branches in other ports and airports. */
export function site(f: Firm): Site {
  const head = f.siteNames.size === 0;
  const airOnly = f.business.category === SystemCategory.AIR;
  const loc = head ? f.loc : pick(LOCATIONS.filter((l) => l !== f.loc && (!airOnly || l.air)));
  let name = '本社';
  let nameKana = 'ホンシャ';
  if (!head) {
    let suffix = pick(BRANCH_SUFFIXES);
    for (let i = 0; f.siteNames.has(`${loc.short}${suffix[0]}`) && i < 20; i++) suffix = pick(BRANCH_SUFFIXES);
    name = `${loc.short}${suffix[0]}`;
    nameKana = `${loc.shortKana}${suffix[1]}`;
    if (f.siteNames.has(name)) {
      name = `${name}第${f.siteNames.size + 1}`.slice(0, 60);
      nameKana = `${nameKana}ダイ`;
    }
  }
  f.siteNames.add(name);
  const employer = { domain: f.domain, name: f.name };
  const manager = staffPerson(employer, loc.area);
  const office: OfficeInput = {
    name, nameKana,
    address: head ? f.headOfficeAddress : addressIn(loc),
    phone: head ? f.headOfficePhone : landline(loc.area),
    fax: head ? f.headOfficeFax : chance(0.7) ? landline(loc.area) : undefined,
    customsOffice: loc.customs,
    contractor: chance(0.7) ? f.contractor : contractorPerson(employer),
    manager,
    emergencyFaxes: emergencyFaxes(loc.area),
  };
  return { firm: f, head, loc, office };
}

/** The company section of a firm's new application (本社 = this office for the head office). */
export function companyInput(s: Site): CompanyInput {
  const f = s.firm;
  return s.head
    ? { name: f.name, nameKana: f.nameKana, nameEn: f.nameEn, headOfficeSameAsOffice: true }
    : {
      name: f.name, nameKana: f.nameKana, nameEn: f.nameEn, headOfficeSameAsOffice: false,
      headOfficeAddress: f.headOfficeAddress, headOfficePhone: f.headOfficePhone, headOfficeFax: f.headOfficeFax,
    };
}

/** Where 一括請求 points: another office of the firm, by its 事業所コード or its 請求先コード (known once it is open). */
export interface ConsolidatedWith {
  officeName: string;
  byOfficeCode: boolean;
  code: () => string;
}

/** 請求先: the office itself, or (一括請求) another office of the firm; 口座振替 or 銀行振込. */
export function billingInput(s: Site, consolidatedWith?: ConsolidatedWith): BillingInput {
  const f = s.firm;
  const sameAddress = chance(0.8);
  const paymentMethod = chance(0.6) ? PaymentMethod.DEBIT : PaymentMethod.TRANSFER;
  return {
    consolidated: !!consolidatedWith,
    companyName: f.name,
    officeName: consolidatedWith?.officeName ?? s.office.name,
    addressSameAsOffice: sameAddress,
    address: sameAddress ? undefined : f.headOfficeAddress,
    contact: billingContact({ domain: f.domain, name: f.name }, f.loc.area),
    emails: faker.helpers.uniqueArray(() => `${pick(BILLING_MAILBOXES)}${int(1, 9)}@${f.domain}`, int(1, 3)),
    paymentMethod,
    sameAccount: false,
    bankName: paymentMethod === PaymentMethod.TRANSFER ? pick(BANKS) : undefined,
  };
}

/** The billing input with the 一括請求 code filled in (at submission, once the other office has its codes). */
export function resolvedBilling(b: BillingInput, consolidatedWith?: ConsolidatedWith): BillingInput {
  if (!consolidatedWith) return b;
  return consolidatedWith.byOfficeCode
    ? { ...b, consolidatedOfficeCode: consolidatedWith.code() }
    : { ...b, consolidatedBillingCode: consolidatedWith.code() };
}
