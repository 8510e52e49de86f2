import type { NewApplicationFormValues, ProvisionalAccountInput } from './inputTypes';
import { newUserCodeRow } from './newRows';

/**
 * A blank 新規利用申込 (netNACCS first, as NSS asks customers wanting both to do), carrying over what step a
 * already knows: the 仮ログインID, the 申込担当者 and the company name.
 */
export const newApplicationDefaults = (
  loginId = '',
  account: ProvisionalAccountInput | null = null,
): NewApplicationFormValues => ({
  provisionalLoginId: loginId,
  applicant: account?.applicant
    ? { ...account.applicant, emailConfirmation: account.applicant.emailConfirmation ?? account.applicant.email }
    : {},
  reason: '',
  desiredStartDate: null,
  connection: 'NET',
  company: {
    name: account?.companyName ?? '',
    nameKana: account?.companyNameKana ?? '',
    soleProprietor: false,
    headOfficeSameAsOffice: true,
  },
  office: { managerSameAsApplicant: false, managerConfirmed: false, emergencyFaxes: [{ value: '' }] },
  userCodes: [newUserCodeRow() as never],
  terminals: [],
  lines: [],
  noLineRequired: false,
  mailboxes: [],
  plan: null,
  billing: {
    consolidated: false,
    addressSameAsOffice: true,
    emails: [{ value: '' }],
    paymentMethod: null,
    sameAccount: false,
  },
  remarks: '',
  attachments: [],
});
