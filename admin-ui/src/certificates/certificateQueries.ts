import { gql } from '@apollo/client';

/** GraphQL documents of デジタル証明書 (field names as in server/schema.graphql). */

export const CERTIFICATE_FIELDS = gql`
  fragment CertificateFields on Certificate {
    id
    terminalName
    terminalType
    officeCode
    receiptNo
    status
    serial
    notBefore
    notAfter
    acquireBy
    acquiredAt
    createdAt
    revokedAt
    reason
    renewable
    locked
    failedAttempts
    availableActions
  }
`;

export const CERTIFICATES = gql`
  query Certificates($filter: CertificateFilterInput, $offset: Int!, $limit: Int!) {
    certificates(filter: $filter, offset: $offset, limit: $limit) {
      items {
        ...CertificateFields
      }
      totalCount
    }
  }
  ${CERTIFICATE_FIELDS}
`;

export const REISSUE_CERTIFICATE = gql`
  mutation ReissueCertificate($terminalName: String!, $reason: String!) {
    reissueCertificate(terminalName: $terminalName, reason: $reason) {
      ...CertificateFields
    }
  }
  ${CERTIFICATE_FIELDS}
`;

export const REVOKE_CERTIFICATE = gql`
  mutation RevokeCertificate($serial: String!, $reason: String!) {
    revokeCertificate(serial: $serial, reason: $reason) {
      ...CertificateFields
    }
  }
  ${CERTIFICATE_FIELDS}
`;

export const ISSUE_CERTIFICATES = gql`
  mutation IssueCertificates($applicationId: ID!) {
    issueCertificates(applicationId: $applicationId) {
      issuedCount
      certificates {
        ...CertificateFields
      }
    }
  }
  ${CERTIFICATE_FIELDS}
`;
