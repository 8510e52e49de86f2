import { gql } from '@apollo/client';
import { ADDRESS, BILLING, COMPANY_PROFILE, CONTRACT_LINE, OFFICE_CONTRACT, OFFICE_PROFILE, PERSON } from '../queries';

/**
 * The office a 変更申込 starts from: its current contract (profiles, plan, billing, the live rows) and the
 * 申込担当者 of its latest application (NSS shows the last one for the customer to overwrite).
 */
export const OFFICE_FOR_CHANGE = gql`
  query OfficeForChange($code: String) {
    office(code: $code) {
      id
      code
      status
      usesNet
      usesGeneral
      plan
      billingCode
      startDate
      endDate
      ...OfficeContractFields
      terminals {
        id
        name
        type
        systemCategory
        startDate
        endDate
      }
      lines {
        ...ContractLineFields
      }
      applications(limit: 1) {
        id
        receiptNo
        applicant {
          ...PersonFields
        }
      }
    }
  }
  ${COMPANY_PROFILE}
  ${OFFICE_PROFILE}
  ${BILLING}
  ${OFFICE_CONTRACT}
  ${CONTRACT_LINE}
  ${ADDRESS}
  ${PERSON}
`;

/** 変更申込 (also 利用者ID廃止) for an office; only what the console needs to open the new application. */
export const SUBMIT_CHANGE_APPLICATION = gql`
  mutation SubmitChangeApplication($officeCode: String!, $input: ChangeApplicationInput!) {
    submitChangeApplication(officeCode: $officeCode, input: $input) {
      id
      receiptNo
    }
  }
`;

/** 変更(通関士) (通関士IDの追加) for an office. */
export const SUBMIT_CUSTOMS_OFFICER_APPLICATION = gql`
  mutation SubmitCustomsOfficerApplication($officeCode: String!, $input: CustomsOfficerApplicationInput!) {
    submitCustomsOfficerApplication(officeCode: $officeCode, input: $input) {
      id
      receiptNo
    }
  }
`;
