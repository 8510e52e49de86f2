import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './authChecker.js';
import { StaffResolver } from '../staff/StaffResolver.js';
import { StaffAdminResolver } from '../staff/StaffAdminResolver.js';
import {
  ApplicationHistoryResolver, ApplicationResolver, ApplicationUserCodeResolver,
} from '../applications/ApplicationResolver.js';
import { ApplicationUrgencyResolver } from '../applications/urgency.js';
import { OfficeResolver } from '../companies/OfficeResolver.js';
import { AbolitionResolver, IntakeResolver } from '../applications/intake/IntakeResolver.js';
import { ReviewResolver } from '../review/ReviewResolver.js';
import { CalendarResolver } from '../calendar/CalendarResolver.js';
import { NoticeResolver } from '../notifications/NoticeResolver.js';
import { NotificationResolver } from '../notifications/NotificationResolver.js';
import { IdNoticeResolver } from '../issuance/IdNoticeResolver.js';
import {
  ContractChangeResolver, ContractTerminalResolver, ContractUserCodeResolver, ContractUserIdResolver,
} from '../issuance/ContractResolver.js';
import { CertificateResolver } from '../certificates/CertificateResolver.js';

export const resolvers = [
  StaffResolver,
  StaffAdminResolver,
  ApplicationResolver,
  ApplicationUserCodeResolver,
  ApplicationHistoryResolver,
  ApplicationUrgencyResolver,
  OfficeResolver,
  IntakeResolver,
  AbolitionResolver,
  ReviewResolver,
  CalendarResolver,
  NoticeResolver,
  NotificationResolver,
  IdNoticeResolver,
  ContractUserCodeResolver,
  ContractUserIdResolver,
  ContractTerminalResolver,
  ContractChangeResolver,
  CertificateResolver,
] as const;

let built: GraphQLSchema | undefined;

/** The GraphQL schema (built once per process). */
export async function schema(): Promise<GraphQLSchema> {
  built ??= await buildSchema({ resolvers, authChecker, authMode: 'error', validate: false });
  return built;
}
