import { gql } from '@apollo/client';

/** GraphQL documents of 送信ログ (field names as in server/schema.graphql). */

export const OUTBOUND_EMAIL_FIELDS = gql`
  fragment OutboundEmailFields on OutboundEmailView {
    id
    templateKey
    templateVersion
    receiptNo
    recipients
    subject
    text
    html
    status
    attempts
    lastError
    renderNote
    messageId
    possibleDuplicate
    createdAt
    sentAt
    nextAttemptAt
  }
`;

export const OUTBOUND_EMAILS = gql`
  query OutboundEmails($filter: OutboundEmailFilter, $offset: Int!, $limit: Int!) {
    outboundEmails(filter: $filter, offset: $offset, limit: $limit) {
      items {
        ...OutboundEmailFields
      }
      totalCount
    }
  }
  ${OUTBOUND_EMAIL_FIELDS}
`;

export const RESEND_EMAIL = gql`
  mutation ResendEmail($id: ID!) {
    resendEmail(id: $id) {
      ...OutboundEmailFields
    }
  }
  ${OUTBOUND_EMAIL_FIELDS}
`;
