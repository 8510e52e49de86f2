// Every entity of the model, in one list for the ORM configuration.
import { Staff } from '../staff/Staff.js';
import { ApiKey, AuditLog } from '../staff/security.js';
import { Company } from '../companies/Company.js';
import { Office } from '../companies/Office.js';
import { Application } from '../applications/Application.js';
import { ProvisionalAccount } from '../applications/ProvisionalAccount.js';
import { ReceiptCounter } from '../applications/ReceiptCounter.js';
import { ApplicationTally } from '../applications/ApplicationTally.js';
import {
  ApplicationChange, ApplicationLine, ApplicationMailbox, ApplicationTerminal, ApplicationUserCode, ApplicationUserId,
  Attachment,
} from '../applications/sections.js';
import { ApplicationHistory } from '../review/ApplicationHistory.js';
import { ApplicationViewer } from '../events/ApplicationViewer.js';
import { CheckSummaryRow } from '../review/checks/CheckSummaryRow.js';
import { Line, Mailbox, Terminal, UserCode, UserCodeShare, UserId } from '../issuance/contract.js';
import { ContractChange } from '../issuance/contractChange.js';
import { Certificate } from '../certificates/Certificate.js';
import { NotificationTemplate, Notice, OutboundEmail } from '../notifications/entities.js';
import { ClosureDay } from '../calendar/ClosureDay.js';
import { Address, Person } from '../common/embeddables.js';
import { Billing, CompanyProfile, OfficeProfile } from '../common/profiles.js';

export const entities = [
  Address, Person, CompanyProfile, OfficeProfile, Billing,
  Staff, ApiKey, AuditLog, Company, Office, ProvisionalAccount, ReceiptCounter, ApplicationTally,
  Application, ApplicationUserCode, ApplicationUserId, ApplicationLine, ApplicationTerminal, ApplicationMailbox,
  ApplicationChange, Attachment, ApplicationHistory, ApplicationViewer, CheckSummaryRow,
  UserCode, UserCodeShare, UserId, Line, Terminal, Mailbox, ContractChange, Certificate, Notice, OutboundEmail, NotificationTemplate, ClosureDay,
];
