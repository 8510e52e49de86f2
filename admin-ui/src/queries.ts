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
    availableActions
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
    businessDaysToStart
    daysWaiting
    waitingSince
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

/** Everything the application show page displays (nested blocks inline, to stay well inside the depth limit of 10). */
export const APPLICATION = gql`
  query Application($id: ID, $receiptNo: String) {
    application(id: $id, receiptNo: $receiptNo) {
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
        abolitionMissingOffices
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
      startDateAdvice {
        leadTimeBusinessDays
        earliestStartDate
        desiredDateTooSoon
      }
      checks {
        code
        severity
        message
        path
        linkReceiptNo
        linkApplicationId
      }
      result {
        item
        added
        changed
        deleted
      }
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

/**
 * An office's contract as both the office page and a 変更申込's starting point read it: company, profile, billing, the
 * 利用者コード with their 利用者ID and the mailboxes (uses CompanyProfileFields, OfficeProfileFields, BillingFields).
 */
export const OFFICE_CONTRACT = gql`
  fragment OfficeContractFields on Office {
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
    mailboxes {
      id
      mailboxId
      type
      startDate
      endDate
    }
  }
`;

/** A line of the office's contract (the office page and the 変更申込's current lines). */
export const CONTRACT_LINE = gql`
  fragment ContractLineFields on ContractLine {
    id
    systemCategory
    connectionMethod
    lineType
    speed
    indoorWiring
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
`;

/** The office page (office → company → profile → head office address is the deepest path; nested blocks inline). */
export const OFFICE = gql`
  query Office($id: ID, $code: String) {
    office(id: $id, code: $code) {
      ...OfficeListFields
      ...OfficeContractFields
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
        ...ContractLineFields
      }
      applications(limit: 20) {
        ...ApplicationListFields
      }
      pendingChanges {
        id
        effectiveDate
        target
        targetId
        targetLabel
        receiptNo
        changes {
          field
          value
        }
      }
    }
  }
  ${OFFICE_LIST_FIELDS}
  ${COMPANY_PROFILE}
  ${OFFICE_PROFILE}
  ${BILLING}
  ${OFFICE_CONTRACT}
  ${CONTRACT_LINE}
  ${ADDRESS}
  ${APPLICATION_LIST_FIELDS}
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

/** 仮アカウント申込 (staff taking an application by phone or paper). */
export const REGISTER_PROVISIONAL_ACCOUNT = gql`
  mutation RegisterProvisionalAccount($input: ProvisionalAccountInput!) {
    registerProvisionalAccount(input: $input) {
      loginId
      password
      expiresAt
    }
  }
`;

/** 新規利用申込 with a 仮ログインID; only what the console needs to open the new application. */
export const SUBMIT_NEW_APPLICATION = gql`
  mutation SubmitNewApplication($provisionalLoginId: String!, $input: NewApplicationInput!) {
    submitNewApplication(provisionalLoginId: $provisionalLoginId, input: $input) {
      id
      receiptNo
    }
  }
`;

/** An attachment's content for download (base64). */
export const ATTACHMENT_CONTENT = gql`
  query AttachmentContent($id: ID!) {
    attachmentContent(id: $id) {
      fileName
      contentType
      contentBase64
    }
  }
`;

/* ───────────── review workflow ───────────── */

/** What every review mutation returns: enough to know it worked (and what may be done next); the page then reloads the record. */
const REVIEWED = `id status version assignee { id name } availableActions`;

export const REVIEW_QUEUE_COUNTS = gql`
  query ReviewQueueCounts($filter: ApplicationFilter) {
    reviewQueueCounts(filter: $filter) {
      unassigned
      mine
      returned
      dueSoon
      all
    }
  }
`;

export const ASSIGN_APPLICATION = gql`
  mutation AssignApplication($id: ID!, $expectedVersion: Int!, $assigneeId: ID) {
    assignApplication(id: $id, expectedVersion: $expectedVersion, assigneeId: $assigneeId) { ${REVIEWED} }
  }
`;

export const UNASSIGN_APPLICATION = gql`
  mutation UnassignApplication($id: ID!, $expectedVersion: Int!) {
    unassignApplication(id: $id, expectedVersion: $expectedVersion) { ${REVIEWED} }
  }
`;

export const RETURN_APPLICATION = gql`
  mutation ReturnApplication($id: ID!, $message: String!, $expectedVersion: Int!) {
    returnApplication(id: $id, message: $message, expectedVersion: $expectedVersion) { ${REVIEWED} }
  }
`;

export const APPROVE_APPLICATION = gql`
  mutation ApproveApplication($id: ID!, $startDate: String!, $expectedVersion: Int!, $abbreviation: String, $override: Boolean, $overrideReason: String) {
    approveApplication(id: $id, startDate: $startDate, expectedVersion: $expectedVersion, abbreviation: $abbreviation, override: $override, overrideReason: $overrideReason) {
      ${REVIEWED}
      startDate
    }
  }
`;

export const CANCEL_APPLICATION = gql`
  mutation CancelApplication($id: ID!, $reason: String!, $expectedVersion: Int!) {
    cancelApplication(id: $id, reason: $reason, expectedVersion: $expectedVersion) { ${REVIEWED} }
  }
`;

export const ADD_INTERNAL_NOTE = gql`
  mutation AddInternalNote($id: ID!, $message: String!) {
    addInternalNote(id: $id, message: $message) { ${REVIEWED} }
  }
`;

export const RECORD_SYSTEM_SETTINGS = gql`
  mutation RecordSystemSettings($applicationId: ID!) {
    recordSystemSettings(applicationId: $applicationId) { ${REVIEWED} systemSettingsRecordedAt }
  }
`;

export const BUSINESS_CALENDAR = gql`
  query BusinessCalendar($from: String!, $to: String!) {
    businessCalendar(from: $from, to: $to) {
      date
      businessDay
      reason
    }
  }
`;

export const SUGGESTED_ABBREVIATION = gql`
  query SuggestedAbbreviation($applicationId: ID!) {
    suggestedAbbreviation(applicationId: $applicationId)
  }
`;

export const APPROVAL_PREVIEW = gql`
  query ApprovalPreview($applicationId: ID!, $startDate: String!) {
    approvalPreview(applicationId: $applicationId, startDate: $startDate) {
      startDate
      startDateProblem
      systemSettingsDeadline
      passwordReadableUntil
      minimumStartDate
      overrideNeeded
    }
  }
`;

/* ───────────── ID通知内容 ───────────── */

export const ID_NOTICE = gql`
  query IdNotice($applicationId: ID!, $revealPasswords: Boolean!) {
    idNotice(applicationId: $applicationId, revealPasswords: $revealPasswords) {
      applicationId
      receiptNo
      startDate
      systemSettingsDeadline
      contractEndDate
      applicationFormDeadline
      abbreviation
      officeCode
      officePassword
      officePasswordReadable
      systemCategory
      customsOffice
      billingCode
      userIds {
        ...IdNoticeUserIdFields
      }
      abolishedUserIds {
        ...IdNoticeUserIdFields
      }
      lines {
        systemCategory
        lineType
        speed
        routerNo
        ipAddress
      }
      terminals {
        name
        type
        systemCategory
        accessKey
        routerNo
        ipAddress
        packageSoftware
        certificateStatus
        authCode1
        authCode2
        authCode3
        authCodesReadable
      }
      mailboxes {
        mailboxId
        type
        password
        passwordReadable
      }
      passwordsRevealed
      maskReason
    }
  }
  fragment IdNoticeUserIdFields on IdNoticeUserId {
    userId
    userCode
    identNo
    industries
    processingMethod
    systemCategory
    password
    passwordReadable
    startDate
    endDate
  }
`;

export const REISSUE_PASSWORD = gql`
  mutation ReissuePassword($target: ReissueTarget!, $reason: String!) {
    reissuePassword(target: $target, reason: $reason) {
      readableUntil
      application {
        id
        version
      }
    }
  }
`;

/* ───────────── offices: contract on a date, 新着情報 ───────────── */

export const CONTRACT_AS_OF = gql`
  query ContractAsOf($id: ID!, $date: String!) {
    office(id: $id) {
      id
      contractAsOf(date: $date) {
        date
        userIds
        terminals
        mailboxes
        lines
        userCodes
        userCodeDetails {
          id
          code
          statisticsPaid
          statisticsFree
          bondedRecordService
        }
        terminalDetails {
          id
          name
          systemCategory
        }
        lineDetails {
          id
          ipAddress
          lineType
          speed
          maintenance
        }
        companyProfile {
          name
        }
        officeProfile {
          name
          manager {
            phone
            email
          }
        }
        plan
        usesNet
        usesGeneral
      }
    }
  }
`;

export const NOTICES = gql`
  query Notices($officeCode: String!, $limit: Int!) {
    notices(officeCode: $officeCode, limit: $limit) {
      id
      at
      category
      message
      receiptNo
    }
  }
`;

/* ───────────── admin ───────────── */

const STAFF_FIELDS = `id name email roles active`;

export const STAFF_ACCOUNTS = gql`
  query StaffAccounts {
    staffAccounts { ${STAFF_FIELDS} }
  }
`;

export const CREATE_STAFF = gql`
  mutation CreateStaff($input: StaffInput!) {
    createStaff(input: $input) { ${STAFF_FIELDS} }
  }
`;

export const UPDATE_STAFF = gql`
  mutation UpdateStaff($id: ID!, $input: StaffUpdate!) {
    updateStaff(id: $id, input: $input) { ${STAFF_FIELDS} }
  }
`;

export const RESET_STAFF_PASSWORD = gql`
  mutation ResetStaffPassword($id: ID!) {
    resetStaffPassword(id: $id)
  }
`;

const API_KEY_FIELDS = `id name prefix roles scopes companies offices expiresAt revokedAt lastUsedAt createdAt`;

export const API_KEYS = gql`
  query ApiKeys {
    apiKeys { ${API_KEY_FIELDS} }
  }
`;

export const CREATE_API_KEY = gql`
  mutation CreateApiKey(
    $name: String!
    $roles: [Role!]!
    $expiresAt: DateTimeISO
    $scopes: [ApiKeyScope!]
    $companies: [String!]
    $offices: [String!]
  ) {
    createApiKey(name: $name, roles: $roles, expiresAt: $expiresAt, scopes: $scopes, companies: $companies, offices: $offices) {
      secret
      apiKey { ${API_KEY_FIELDS} }
    }
  }
`;

export const REVOKE_API_KEY = gql`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { ${API_KEY_FIELDS} }
  }
`;

export const AUDIT_LOG = gql`
  query AuditLog($filter: AuditFilter, $offset: Int!, $limit: Int!) {
    auditLog(filter: $filter, offset: $offset, limit: $limit) {
      items {
        id
        at
        action
        staffName
        apiKeyName
        target
        detail
        ip
      }
      totalCount
    }
  }
`;
