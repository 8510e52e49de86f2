import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
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
import { DashboardResolver } from '../review/dashboard/DashboardResolver.js';
import { ApplicationViewersResolver, EventResolver } from '../events/EventResolver.js';

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
  DashboardResolver,
  EventResolver,
  ApplicationViewersResolver,
] as const;

let built: GraphQLSchema | undefined;

/**
 * type-graphql asks for a PubSub once there are subscriptions; ours subscribe through the process's events
 * (events/ApplicationEvents.ts, fed by PostgreSQL), never through topics published in this process.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('subscriptions are fed by PostgreSQL NOTIFY (events/ApplicationEvents.ts)');
  },
  subscribe: () => {
    throw new Error('subscriptions are fed by PostgreSQL NOTIFY (events/ApplicationEvents.ts)');
  },
};

/** The GraphQL schema (built once per process). */
export async function schema(): Promise<GraphQLSchema> {
  built ??= await buildSchema({ resolvers, authChecker, authMode: 'error', validate: false, pubSub: NO_TOPICS });
  return built;
}
