import { gql } from '@apollo/client';

/** Hand-written GraphQL documents for the console (field names as in server/schema.graphql). */

export const PERSON = gql`
  fragment PersonFields on Person {
    lastName
    firstName
    lastNameKana
    firstNameKana
    department
    title
    phone
    fax
    email
  }
`;

export const ADDRESS = gql`
  fragment AddressFields on Address {
    postalCode
    prefecture
    address
    addressKana
  }
`;

export const COMPANY_PROFILE = gql`
  fragment CompanyProfileFields on CompanyProfile {
    name
    nameKana
    nameEn
    headOfficeAddress {
      ...AddressFields
    }
    headOfficePhone
    headOfficeFax
  }
  ${ADDRESS}
`;

export const OFFICE_PROFILE = gql`
  fragment OfficeProfileFields on OfficeProfile {
    name
    nameKana
    address {
      ...AddressFields
    }
    phone
    fax
    customsOffice
    contractor {
      ...PersonFields
    }
    manager {
      ...PersonFields
    }
    emergencyFaxes
  }
  ${ADDRESS}
  ${PERSON}
`;

export const BILLING = gql`
  fragment BillingFields on Billing {
    consolidated
    consolidatedBillingCode
    consolidatedOfficeCode
    companyName
    officeName
    addressSameAsOffice
    address {
      ...AddressFields
    }
    contact {
      ...PersonFields
    }
    emails
    paymentMethod
    sameAccount
    sameAccountCode
    bankName
  }
  ${ADDRESS}
  ${PERSON}
`;

/** The columns of the applications list (also used for an office's recent applications). */
export const APPLICATION_LIST_FIELDS = gql`
  fragment ApplicationListFields on Application {
    id
    receiptNo
    kind
    connection
    status
    version
    companyName
    applicantCompanyName
    companyProfile {
      name
    }
    office {
      id
      code
      company {
        id
        profile {
          name
        }
      }
    }
    assignee {
      id
      name
    }
    otherChange
    receivedAt
    desiredStartDate
    startDate
    updatedAt
  }
`;

export const HISTORY_FIELDS = gql`
  fragment HistoryFields on ApplicationHistory {
    # no id: only the order matters here (and the server's bigint id did not serialise as ID at first)
    at
    actor {
      id
      name
    }
    actorName
    actorRole
    action
    fromStatus
    toStatus
    message
    version
    internal
  }
`;

/** Everything the application show page displays. */
export const APPLICATION_DETAIL_FIELDS = gql`
  fragment ApplicationDetailFields on Application {
    ...ApplicationListFields
    office {
      id
      code
      status
      company {
        id
        abbreviation
        profile {
          name
        }
      }
      profile {
        name
      }
    }
    applicantCompanyNameKana
    applicant {
      ...PersonFields
    }
    reason
    remarks
    changeItems
    otherChange
    transferTargetOfficeCode
    companyProfile {
      ...CompanyProfileFields
    }
    officeProfile {
      ...OfficeProfileFields
    }
    noLineRequired
    equipmentSharingOfficeCode
    constructionContact {
      ...PersonFields
    }
    constructionAttendee {
      ...PersonFields
    }
    constructionNotes
    plan
    billing {
      ...BillingFields
    }
    reviewedAt
    systemSettingsDeadline
    systemSettingsRecordedAt
    returnMessage
    userCodes {
      id
      action
      userCode
      shared
      systemCategory
      singleSignOn
      statisticsPaid
      statisticsFree
      bondedRecordService
      position
      userIds {
        id
        action
        industries
        processingMethod
        identCount
        identNo
        position
      }
    }
    terminals {
      id
      action
      terminalType
      systemCategory
      count
      lineNo
      terminalName
      newSystemCategory
    }
    lines {
      id
      action
      lineNo
      existingLineId
      systemCategory
      connectionMethod
      edifact
      lineType
      speed
      indoorWiring
      maintenance
      redundancy
      spareRouter
      pingMonitoring
      constructionDate
      placeSameAsOffice
      place {
        ...AddressFields
      }
      shared
    }
    mailboxes {
      id
      action
      mailboxType
      count
      mailboxId
    }
    changes {
      id
      item
      field
      before
      after
    }
    attachments {
      id
      kind
      fileName
      contentType
      size
      sha256
      createdAt
    }
    history {
      ...HistoryFields
    }
  }
  ${APPLICATION_LIST_FIELDS}
  ${PERSON}
  ${ADDRESS}
  ${COMPANY_PROFILE}
  ${OFFICE_PROFILE}
  ${BILLING}
  ${HISTORY_FIELDS}
`;

export const APPLICATIONS = gql`
  query Applications($filter: ApplicationFilter, $sort: ApplicationSort, $offset: Int, $limit: Int) {
    applications(filter: $filter, sort: $sort, offset: $offset, limit: $limit) {
      items {
        ...ApplicationListFields
      }
      totalCount
    }
  }
  ${APPLICATION_LIST_FIELDS}
`;

export const APPLICATION = gql`
  query Application($id: ID, $receiptNo: String) {
    application(id: $id, receiptNo: $receiptNo) {
      ...ApplicationDetailFields
    }
  }
  ${APPLICATION_DETAIL_FIELDS}
`;

export const OFFICE_LIST_FIELDS = gql`
  fragment OfficeListFields on Office {
    id
    code
    status
    company {
      id
      abbreviation
      profile {
        name
        nameKana
      }
    }
    profile {
      name
      nameKana
    }
    usesNet
    usesGeneral
    plan
    billingCode
    startDate
    endDate
  }
`;

export const OFFICE_DETAIL_FIELDS = gql`
  fragment OfficeDetailFields on Office {
    ...OfficeListFields
    company {
      id
      abbreviation
      profile {
        ...CompanyProfileFields
      }
    }
    profile {
      ...OfficeProfileFields
    }
    billing {
      ...BillingFields
    }
    userCodes {
      id
      code
      systemCategory
      statisticsPaid
      statisticsFree
      bondedRecordService
      shared
      ownerOfficeCode
      startDate
      endDate
      userIds {
        id
        identNo
        userId
        industries
        processingMethod
        connection
        startDate
        endDate
      }
    }
    terminals {
      id
      name
      type
      systemCategory
      accessKey
      startDate
      endDate
      certificateStatus
    }
    lines {
      id
      systemCategory
      connectionMethod
      lineType
      speed
      maintenance
      redundancy
      spareRouter
      pingMonitoring
      ipAddress
      place {
        ...AddressFields
      }
      startDate
      endDate
    }
    mailboxes {
      id
      mailboxId
      type
      startDate
      endDate
    }
    applications(limit: 20) {
      ...ApplicationListFields
    }
  }
  ${OFFICE_LIST_FIELDS}
  ${COMPANY_PROFILE}
  ${OFFICE_PROFILE}
  ${BILLING}
  ${ADDRESS}
  ${APPLICATION_LIST_FIELDS}
`;

export const OFFICES = gql`
  query Offices($filter: OfficeFilter, $offset: Int, $limit: Int) {
    offices(filter: $filter, offset: $offset, limit: $limit) {
      items {
        ...OfficeListFields
      }
      totalCount
    }
  }
  ${OFFICE_LIST_FIELDS}
`;

export const OFFICE = gql`
  query Office($id: ID, $code: String) {
    office(id: $id, code: $code) {
      ...OfficeDetailFields
    }
  }
  ${OFFICE_DETAIL_FIELDS}
`;

export const STAFF_MEMBERS = gql`
  query StaffMembers {
    staffMembers {
      id
      name
      email
      roles
      active
    }
  }
`;

/** The receipt-number jump: only the id is needed before navigating to the show page. */
export const APPLICATION_LOOKUP = gql`
  query ApplicationLookup($receiptNo: String) {
    application(receiptNo: $receiptNo) {
      id
      receiptNo
    }
  }
`;

export const OFFICE_LOOKUP = gql`
  query OfficeLookup($code: String) {
    office(code: $code) {
      id
      code
    }
  }
`;
