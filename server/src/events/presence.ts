// 閲覧中: who has an application open. The console says so every VIEWER_REFRESH_SECONDS while the page is open and
// once more when it closes; a viewer not heard from for VIEWER_FRESH_SECONDS is gone (a closed laptop, a lost
// connection), and the sweep, run by every process every VIEWER_SWEEP_SECONDS, announces it — so a viewer disappears
// from the others' screens within 30 s at most. Every arrival and departure is announced (NOTIFY application_viewers)
// with the application's viewers as they are then.
import type { EntityManager } from '@mikro-orm/postgresql';
import { logger } from '../common/logger.js';

export const VIEWER_REFRESH_SECONDS = 10;
export const VIEWER_FRESH_SECONDS = 22;
export const VIEWER_SWEEP_SECONDS = 5;
const FRESH = `${VIEWER_FRESH_SECONDS} seconds`;

export interface Viewer {
  staffId: string;
  name: string;
}

/**
 * The staff member has the application open: announced when they were not a viewer yet. False when there is no such
 * application.
 */
export async function touchViewer(em: EntityManager, applicationId: string, staffId: string): Promise<boolean> {
  const rows = await em.getConnection().execute<Array<{ arrived: boolean }>>(
    `insert into application_viewer (application_id, staff_id, seen_at) select a.id, ?, now() from application a where a.id = ?
     on conflict (application_id, staff_id) do update set seen_at = excluded.seen_at
     returning xmax = 0 or (select o.seen_at from application_viewer o where o.application_id = ? and o.staff_id = ?) <= now() - ?::interval as arrived`,
    [staffId, applicationId, applicationId, staffId, FRESH],
  );
  // After the row is there (autocommit): the announcement lists it.
  if (rows[0]?.arrived) await announce(em, applicationId);
  return rows.length > 0;
}

/** The staff member closed the application. */
export async function leaveViewer(em: EntityManager, applicationId: string, staffId: string): Promise<void> {
  const gone = await em.getConnection().execute('delete from application_viewer where application_id = ? and staff_id = ? returning 1', [applicationId, staffId]);
  if (gone.length) await announce(em, applicationId);
}

/** The fresh viewers of the applications (the list's 閲覧中 icon), in one statement. */
export async function viewersOf(em: EntityManager, applicationIds: readonly string[]): Promise<Map<string, Viewer[]>> {
  const rows = await em.getConnection().execute<Array<{ application_id: string; staff_id: string; name: string }>>(
    `select v.application_id, v.staff_id, s.name from application_viewer v join staff s on s.id = v.staff_id
     where v.application_id = any(?::uuid[]) and v.seen_at > now() - ?::interval order by v.seen_at`,
    [`{${applicationIds.join(',')}}`, FRESH],
  );
  const out = new Map<string, Viewer[]>(applicationIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.application_id)?.push({ staffId: r.staff_id, name: r.name });
  return out;
}

/** Removes the viewers not heard from and announces each application they left. */
export async function sweepViewers(em: EntityManager): Promise<number> {
  const conn = em.getConnection();
  const gone = await conn.execute<Array<{ application_id: string }>>(
    'with d as (delete from application_viewer where seen_at <= now() - ?::interval returning application_id) select distinct application_id from d',
    [FRESH],
  );
  // A statement of its own: the announcement lists the viewers as the delete left them.
  if (gone.length) {
    await conn.execute('select notify_application_viewers(a, ?::interval) from unnest(?::uuid[]) a', [FRESH, `{${gone.map((g) => g.application_id).join(',')}}`]);
  }
  return gone.length;
}

function announce(em: EntityManager, applicationId: string) {
  return em.getConnection().execute('select notify_application_viewers(?, ?::interval)', [applicationId, FRESH]);
}

/** Every process sweeps; two sweeping at once each delete (and announce) distinct rows. */
export function startViewerSweep(em: EntityManager): () => void {
  const timer = setInterval(() => {
    sweepViewers(em.fork()).catch((e) => logger.warn({ err: (e as Error).message }, 'viewer sweep failed'));
  }, VIEWER_SWEEP_SECONDS * 1000).unref();
  return () => clearInterval(timer);
}
