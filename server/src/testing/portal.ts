// The NSS portal (an integrator API key) and a supervisor on a test database, and the GraphQL steps a scenario takes
// through them: a new application with its own 仮アカウント, then its assignment and approval.
import { Role } from '../common/enums.js';
import { createApiKey } from '../staff/apiKeys.js';
import { applicantKonsai, createStaff } from '../applications/intake/fixtures.js';
import type { NewApplicationInput } from '../applications/intake/inputs.js';
import type { TestServer } from './server.js';

export async function portalAndSupervisor(server: TestServer) {
  const em = server.orm.em.fork();
  await createStaff(em, 'sv@example.jp', [Role.SUPERVISOR], 'pw-supervisor-1');
  const portal = createApiKey(em, { name: 'NSS' }).secret;
  await em.flush();
  const supervisor = await server.login('sv@example.jp', 'pw-supervisor-1');
  const succeed = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await server.gql(query, variables, token);
    if (res.errors?.length) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(res.errors)}`);
    return res.data!;
  };
  return {
    portal,
    supervisor,
    /** Submitted by the portal with a 仮アカウント of its own; the answer as it came (a refusal is the test's to read). */
    async submitNew(input: NewApplicationInput) {
      const account = await succeed(`mutation($i: ProvisionalAccountInput!) { registerProvisionalAccount(input: $i) { loginId } }`,
        { i: { companyName: input.company?.name, companyNameKana: input.company?.nameKana, applicant: applicantKonsai } }, portal);
      return server.gql(`mutation($l: String!, $i: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $l, input: $i) { id receiptNo } }`,
        { l: account.registerProvisionalAccount.loginId, i: input }, portal);
    },
    /** Assigned to and approved by the supervisor with `startDate`. */
    async approve(id: string, startDate: string): Promise<void> {
      const assigned = await succeed('mutation($id: ID!) { assignApplication(id: $id, expectedVersion: 1) { version } }', { id }, supervisor);
      await succeed('mutation($id: ID!, $v: Int!, $d: String!) { approveApplication(id: $id, startDate: $d, expectedVersion: $v) { status } }',
        { id, v: assigned.assignApplication.version, d: startDate }, supervisor);
    },
  };
}
