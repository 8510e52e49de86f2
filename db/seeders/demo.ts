// Demo data for the back office: the five demo staff, the NSS portal's API key, and about two years of applications
// in every kind and status (with the older approved new applications of the offices already in service), made the
// way the product makes them: submitted through IntakeService, reviewed, approved and cancelled through
// ReviewService, closed and cancelled by the server's jobs, certificates picked up through CertificateService — each
// step at its own instant, as of the clock. The factories under factories/ make the inputs; plan.ts tells the
// story; timeline.ts runs it. Run on an empty, migrated database.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CertificateAuthority } from '../../server/src/certificates/authority.js';
import { installClock, installedClock, type Clock } from '../../server/src/common/clock.js';
import { Role } from '../../server/src/common/enums.js';
import type { SecretBox } from '../../server/src/common/secrets.js';
import { DEFAULT_IP_POOL } from '../../server/src/config.js';
import type { Actor } from '../../server/src/review/history.js';
import { createApiKey, DEMO_NSS_PORTAL_KEY } from '../../server/src/staff/apiKeys.js';
import { loadTemplates } from '../../server/src/notifications/templates.js';
import { hashPassword } from '../../server/src/staff/password.js';
import { Staff } from '../../server/src/staff/Staff.js';
import { DAY, faker } from './factories/random.js';
import { DemoPlan } from './plan.js';
import { stepInstant } from './timeline.js';

export interface SeedDemoOptions {
  /** Password of the five demo staff accounts. */
  password: string;
  /** Seals issued passwords (offices, user IDs, mailboxes). */
  secrets: SecretBox;
  /** Business time: the demo is seeded as of its instant when seeding starts; received dates spread over the two years before it. */
  clock: Clock;
  /** Number of applications (default 320). */
  applications?: number;
  /** The certificate authority: with it demo terminals pick up their certificates for real (certificates in every status). */
  ca?: CertificateAuthority;
  /** The pool the approvals issue line IP addresses from (config IP_POOL). */
  ipPool?: string;
}

export const DEMO_STAFF: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'admin@example.jp', name: '管理 太郎', roles: [Role.ADMIN] },
  { email: 'supervisor@example.jp', name: '監督 花子', roles: [Role.SUPERVISOR] },
  { email: 'reviewer@example.jp', name: '審査 一郎', roles: [Role.REVIEWER] },
  { email: 'reviewer2@example.jp', name: '審査 二郎', roles: [Role.REVIEWER] },
  { email: 'support@example.jp', name: '支援 三郎', roles: [Role.SUPPORT] },
];

/** The NSS portal as the history names it (the name of its integrator key). */
const PORTAL_NAME = 'NSS (NACCSサポートシステム)';

/** Steps running at once: enough to keep the database busy while Node prepares the next (the pool has 10). */
const CONCURRENCY = 6;

/** Seeds the demo data as of `clock.now()`; returns how many applications were created. */
export async function seedDemo(em: EntityManager, opts: SeedDemoOptions): Promise<{ applications: number }> {
  faker.seed(20261121);
  // One instant for the whole seeding: what exists never depends on how long seeding took.
  const now = opts.clock.now().getTime();
  // What the entities stamp themselves with (creation times, the outbox's) is the instant of the step that makes
  // them, as if the process had run then; the seeding instant outside the steps.
  const previous = installedClock();
  installClock({ now: () => new Date(stepInstant() ?? now) });
  try {
    return await seed(em, opts, now);
  } finally {
    installClock(previous);
  }
}

async function seed(em: EntityManager, opts: SeedDemoOptions, now: number): Promise<{ applications: number }> {
  const passwordHash = await hashPassword(opts.password); // once: argon2 is slow on purpose
  const setup = em.fork();
  const staff = new Map<string, Staff>();
  for (const s of DEMO_STAFF) {
    const member = Object.assign(new Staff(), { email: s.email, name: s.name, roles: [...s.roles], passwordHash, createdAt: new Date(now - 800 * DAY) });
    staff.set(s.email, member);
    setup.persist(member);
  }
  // The NSS portal's integrator key (documented in the README).
  createApiKey(setup, { name: PORTAL_NAME, key: DEMO_NSS_PORTAL_KEY });
  await setup.flush();
  // The mails the services write are rendered with the templates the server uses (the defaults as version 1).
  await loadTemplates(em.fork());
  const actor = (email: string): Actor => {
    const member = staff.get(email)!;
    return { staff: member, name: member.name, role: member.roles[0]! };
  };

  const plan = new DemoPlan({
    em, secrets: opts.secrets, ipPool: opts.ipPool ?? DEFAULT_IP_POOL, ca: opts.ca, now,
    cast: {
      supervisor: actor('supervisor@example.jp'),
      reviewers: [actor('reviewer@example.jp'), actor('reviewer2@example.jp')],
      support: actor('support@example.jp'),
      portal: { name: PORTAL_NAME, role: Role.INTEGRATOR },
    },
  });
  const applications = plan.plan(Math.max(1, Math.floor(opts.applications ?? 320)));
  let done = false;
  const registrations = plan.startRegistrations(1, () => done);
  try {
    await plan.timeline.run(CONCURRENCY);
  } finally {
    done = true;
    await registrations;
  }
  return { applications };
}
