import type { EntityManager } from '@mikro-orm/postgresql';
import { testClock } from '../../testing/clock.js';
import { todayInJapan } from '../../common/dates.js';
import { addBusinessDays } from '../../calendar/businessDays.js';
import type { Role } from '../../common/enums.js';
import type { NewApplicationInput } from './inputs.js';
import { nacSystemApplication as seedApplication } from './seedInputs.js';
import { Staff } from '../../staff/Staff.js';
import { hashPassword } from '../../staff/password.js';

// Inputs as the seeds fill them in. Offices with a contract are not built here: testing/offices.ts makes them through
// the intake and the approval (IssuanceService), so every identifier is one the product issued.

/** A business day far enough ahead of the run's today for every lead time (60 business days for a new line). */
export const FUTURE = addBusinessDays(todayInJapan(testClock.now()), 70);

export { applicantKonsai } from './seedInputs.js';

/** Seed 001's new 一般NACCS application of ナックスシステム株式会社, desired to start on `desiredStartDate` (FUTURE). */
export const nacSystemApplication = (desiredStartDate = FUTURE): NewApplicationInput => seedApplication(desiredStartDate);

/** A staff member with a known password (tests on an empty database). */
export async function createStaff(em: EntityManager, email: string, roles: Role[], password: string): Promise<Staff> {
  const staff = Object.assign(new Staff(), { email, name: email.split('@')[0]!, roles, passwordHash: await hashPassword(password) });
  em.persist(staff);
  await em.flush();
  return staff;
}
