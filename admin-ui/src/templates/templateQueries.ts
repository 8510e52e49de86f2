import { gql } from '@apollo/client';

/** GraphQL documents of 通知テンプレート (field names as in server/schema.graphql). */

export const TEMPLATE_FIELDS = gql`
  fragment TemplateFields on NotificationTemplateView {
    key
    label
    version
    subject
    text
    html
    variables {
      name
      type
      required
      description
      sample
    }
    versions {
      version
      subject
      text
      html
      createdBy
      createdAt
    }
  }
`;

export const NOTIFICATION_TEMPLATES = gql`
  query NotificationTemplates {
    notificationTemplates {
      key
      label
      version
      subject
      versions {
        version
        createdBy
        createdAt
      }
    }
  }
`;

export const NOTIFICATION_TEMPLATE = gql`
  query NotificationTemplate($key: String!) {
    notificationTemplate(key: $key) {
      ...TemplateFields
    }
  }
  ${TEMPLATE_FIELDS}
`;

export const PREVIEW_NOTIFICATION = gql`
  query PreviewNotification($key: String!, $applicationId: ID, $version: Int, $subject: String, $text: String, $html: String) {
    previewNotification(key: $key, applicationId: $applicationId, version: $version, subject: $subject, text: $text, html: $html) {
      subject
      text
      html
      version
    }
  }
`;

export const SAVE_NOTIFICATION_TEMPLATE = gql`
  mutation SaveNotificationTemplate($key: String!, $subject: String!, $text: String!, $html: String, $expectedVersion: Int!) {
    saveNotificationTemplate(key: $key, subject: $subject, text: $text, html: $html, expectedVersion: $expectedVersion) {
      ...TemplateFields
    }
  }
  ${TEMPLATE_FIELDS}
`;

export const ROLLBACK_NOTIFICATION_TEMPLATE = gql`
  mutation RollbackNotificationTemplate($key: String!, $version: Int!, $expectedVersion: Int!) {
    rollbackNotificationTemplate(key: $key, version: $version, expectedVersion: $expectedVersion) {
      ...TemplateFields
    }
  }
  ${TEMPLATE_FIELDS}
`;

export const SEND_TEST_NOTIFICATION = gql`
  mutation SendTestNotification($key: String!) {
    sendTestNotification(key: $key) {
      id
      recipients
      subject
    }
  }
`;
