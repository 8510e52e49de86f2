// People and addresses as a customer types them into NSS: 全角 names with 全角カナ readings, phone numbers without
// hyphens, e-mail addresses of the company's domain, addresses with full-width block numbers.
import type { AddressInput, PersonInput } from '../../../server/src/applications/intake/inputs.js';
import { chance, int, landline, mobile, pick, zen } from './random.js';
import {
  BILLING_DEPARTMENTS, BUILDINGS, CONTRACTOR_TITLES, DEPARTMENTS, GIVEN_NAMES, SURNAMES, TITLES, type Loc,
} from './words.js';

/** What a person needs to know of the company: its mail domain and whether it is a 合同会社 (代表社員). */
export interface Employer {
  domain: string;
  name: string;
}

/** A member of the company's staff: name, kana, department, title, phone, FAX, e-mail. */
export function staffPerson(employer: Employer, area: string): PersonInput {
  const s = pick(SURNAMES);
  const g = pick(GIVEN_NAMES);
  return {
    lastName: s[0], firstName: g[0], lastNameKana: s[1], firstNameKana: g[1],
    department: pick(DEPARTMENTS),
    title: chance(0.75) ? pick(TITLES) : undefined,
    phone: chance(0.85) ? landline(area) : mobile(),
    fax: chance(0.5) ? landline(area) : undefined,
    email: `${g[2]}.${s[2]}@${employer.domain}`,
  };
}

/** 契約者: name, kana and title only (the NSS screen asks no more). */
export function contractorPerson(employer: Employer): PersonInput {
  const s = pick(SURNAMES);
  const g = pick(GIVEN_NAMES);
  return {
    lastName: s[0], firstName: g[0], lastNameKana: s[1], firstNameKana: g[1],
    title: employer.name.includes('合同会社') ? '代表社員' : pick(CONTRACTOR_TITLES),
  };
}

/** 請求に関する担当者: someone of the accounting side. */
export function billingContact(employer: Employer, area: string): PersonInput {
  return { ...staffPerson(employer, area), department: pick(BILLING_DEPARTMENTS) };
}

/** The 申込担当者 of an application: the person with the e-mail confirmation the screen asks for. */
export const applicant = (p: PersonInput): PersonInput => ({ ...p, emailConfirmation: p.email });

/** The same person, reachable on another number. */
export const withPhone = (p: PersonInput, area: string): PersonInput => ({ ...p, phone: landline(area) });

/** An address in a location: block numbers in full width, sometimes a building and floor. */
export function address(loc: Loc): AddressInput {
  const [c, b, n] = [int(1, 9), int(1, 30), int(1, 25)];
  const building = chance(0.5) ? pick(BUILDINGS) : undefined;
  const floor = int(1, 12);
  return {
    postalCode: loc.zip + String(int(0, 9999)).padStart(4, '0'),
    prefecture: loc.pref,
    address: `${loc.city}${zen(c)}丁目${zen(b)}番${zen(n)}号${building ? `\u3000${building[0]}${zen(floor)}階` : ''}`,
    addressKana: `${loc.cityKana}${zen(c)}チョウメ${zen(b)}バン${zen(n)}ゴウ${building ? `\u3000${building[1]}${zen(floor)}カイ` : ''}`,
  };
}

/** 緊急連絡用FAX番号 1–3, or 0000000000 for an office without one. */
export function emergencyFaxes(area: string): string[] {
  if (chance(0.1)) return ['0000000000'];
  return Array.from({ length: int(1, 3) }, () => landline(area));
}
