import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/server.js';
import { givenOffices } from '../../testing/offices.js';
import { createApiKey } from '../../staff/apiKeys.js';
import { applicantKonsai, nacSystemApplication } from './fixtures.js';
import type { NewApplicationInput } from './inputs.js';

// Issue 16: "Resubmitting does not store an unchanged attachment twice." Seed 000: 新規申込の場合は「システム構成図」の
// ご提出が必要です — the portal sends the application again, attachments included, after 確認事項.

let server: TestServer;
let portal: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  const em = server.orm.em.fork();
  portal = createApiKey(em, { name: 'NSS' }).secret;
  await em.flush();
});
afterAll(async () => server?.close());

const diagram = (text: string, fileName = 'システム構成図.pdf') =>
  ({ kind: 'SYSTEM_DIAGRAM', fileName, contentType: 'application/pdf', contentBase64: Buffer.from(text).toString('base64') }) as never;

const RESUBMIT = `mutation($id: ID!, $i: ResubmissionInput!, $v: Int!) {
  resubmitApplication(id: $id, input: $i, expectedVersion: $v) { status version attachments { id fileName sha256 } } }`;

/** Seed 001's new application of ナックスシステム株式会社, submitted by the portal and returned with a question. */
async function returnedApplication(input: NewApplicationInput): Promise<{ id: string; version: number; attachments: Array<{ id: string; sha256: string }> }> {
  const account = await server.gql(`mutation($i: ProvisionalAccountInput!) { registerProvisionalAccount(input: $i) { loginId } }`,
    { i: { companyName: input.company!.name, companyNameKana: input.company!.nameKana, applicant: applicantKonsai } }, portal);
  const res = await server.gql(`mutation($l: String!, $i: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $l, input: $i) { id version attachments { id sha256 } } }`,
    { l: account.data!.registerProvisionalAccount.loginId, i: input }, portal);
  expect(res.errors).toBeUndefined();
  const app = res.data!.submitNewApplication;
  const version = await givenOffices(server).returnForCorrection(app.id, app.version, 'システム構成図の回線設置場所をご確認ください。');
  return { id: app.id, version, attachments: app.attachments };
}

describe('再申込の添付ファイル', () => {
  it('keeps one stored row for an unchanged システム構成図 sent again, and adds only a changed one', async () => {
    const input = { ...nacSystemApplication(), attachments: [diagram('%PDF-1.4 system diagram v1')] };
    const app = await returnedApplication(input);
    expect(app.attachments).toHaveLength(1);

    // Resubmitted with the same file (another name the customer gave it): the same stored row.
    const same = await server.gql(RESUBMIT, { id: app.id, v: app.version, i: { newApplication: { ...input, attachments: [diagram('%PDF-1.4 system diagram v1', '構成図(再).pdf')] } } }, portal);
    expect(same.errors).toBeUndefined();
    expect(same.data!.resubmitApplication.attachments).toEqual([{ id: app.attachments[0]!.id, fileName: 'システム構成図.pdf', sha256: app.attachments[0]!.sha256 }]);
    expect(await sql(`select 1 from attachment where application_id = ?`, [app.id])).toHaveLength(1);

    // Returned again; the corrected diagram is stored beside the first, the unchanged one still once.
    const version = await givenOffices(server).returnForCorrection(app.id, same.data!.resubmitApplication.version, '再度ご確認ください。');
    const changed = await server.gql(RESUBMIT, { id: app.id, v: version, i: { newApplication: { ...input, attachments: [diagram('%PDF-1.4 system diagram v1'), diagram('%PDF-1.4 system diagram v2')] } } }, portal);
    expect(changed.errors).toBeUndefined();
    const rows = changed.data!.resubmitApplication.attachments as Array<{ id: string }>;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.id).toBe(app.attachments[0]!.id);
  });

  it('stores one row when one submission carries the same file twice', async () => {
    const input = { ...nacSystemApplication(), company: { ...nacSystemApplication().company!, name: 'ナックス物流株式会社', nameKana: 'ナックスブツリュウカブシキガイシャ' }, attachments: [diagram('%PDF-1.4 twice'), diagram('%PDF-1.4 twice', 'copy.pdf')] };
    const app = await returnedApplication(input);
    expect(app.attachments).toHaveLength(1);
  });

  it('the database refuses a second row of the same content for one application', async () => {
    const app = await returnedApplication({ ...nacSystemApplication(), company: { ...nacSystemApplication().company!, name: 'ナックス倉庫株式会社', nameKana: 'ナックスソウコカブシキガイシャ' }, attachments: [diagram('%PDF-1.4 guarded')] });
    await expect(sql(`insert into attachment (id, application_id, kind, file_name, content_type, size, sha256, content)
      select gen_random_uuid(), application_id, kind, 'copy.pdf', content_type, size, sha256, content from attachment where application_id = ?`, [app.id]))
      .rejects.toThrow(/attachment_application_sha256_unique/);
  });
});
