import { enumChoices } from '../labels';

/** Roles a staff account may hold (INTEGRATOR belongs to API keys, not to people). */
export const STAFF_ROLE_CHOICES = enumChoices('Role').filter((c) => c.id !== 'INTEGRATOR');
