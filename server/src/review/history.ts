import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicationStatus, HistoryAction } from '../common/enums.js';
import type { Application } from '../applications/Application.js';
import type { Staff } from '../staff/Staff.js';
import { ApplicationHistory } from './ApplicationHistory.js';

/** Who did something: a staff member, an integrator's API key, or the system itself. */
export interface Actor {
  staff?: Staff;
  name: string;
  role: string;
}

export const SYSTEM_ACTOR: Actor = { name: 'システム', role: 'SYSTEM' };

/** Appends one history entry (persist only: it is flushed in the caller's transaction with the change itself). */
export function recordHistory(
  em: EntityManager,
  app: Application,
  actor: Actor,
  entry: { at: Date; action: HistoryAction; from?: ApplicationStatus; to?: ApplicationStatus; message?: string; internal?: boolean },
): ApplicationHistory {
  return em.create(ApplicationHistory, {
    application: app,
    actor: actor.staff,
    actorName: actor.name,
    actorRole: actor.role,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: entry.to,
    message: entry.message,
    version: app.version,
    internal: entry.internal ?? false,
    at: entry.at,
  });
}
