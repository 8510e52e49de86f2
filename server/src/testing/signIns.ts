import { Role } from '../common/enums.js';
import { createApiKey } from '../staff/apiKeys.js';
import { createStaff } from '../applications/intake/fixtures.js';
import { givenOffices } from './offices.js';
import type { TestServer } from './server.js';

/**
 * Who acts in a GraphQL scenario on an empty test database: the NSS portal (an API key), a supervisor who reviews and
 * the support desk who reads — made once, as bearer tokens.
 */
export async function portalAndStaff(server: TestServer): Promise<{ portal: string; supervisor: string; support: string }> {
  const em = server.orm.em.fork();
  await createStaff(em, 'sv@example.jp', [Role.SUPERVISOR], 'pw-supervisor-1');
  await createStaff(em, 'desk@example.jp', [Role.SUPPORT], 'pw-support-1');
  const portal = createApiKey(em, { name: 'NSS' }).secret;
  await em.flush();
  return { portal, supervisor: await server.login('sv@example.jp', 'pw-supervisor-1'), support: await server.login('desk@example.jp', 'pw-support-1') };
}

/** The seeds' offices in service — ナックスシステム (NAC001 of seeds 002–004) and サイバーポート (seed 000) — and who acts. */
export async function seedOfficesAndStaff(server: TestServer) {
  const offices = givenOffices(server);
  return { nac: await offices.nacSystem(), cyberPort: await offices.cyberPort(), ...(await portalAndStaff(server)) };
}
