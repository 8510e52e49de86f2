import 'reflect-metadata';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';
import { nacSystemApplication } from '../applications/intake/fixtures.js';
import { MESSAGE_MAX, SEARCH_MAX } from './inputLimits.js';

// Hardening (issue 15): every string is measured before any work, caller mistakes are HTTP 4xx with today's codes,
// database trouble is a Japanese SERVICE_UNAVAILABLE with HTTP 503, and no driver or engine text reaches the caller.

let server: TestServer;
let support: string;
let reviewer: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

/** A raw POST: the HTTP status and the parsed answer. */
async function post(body: unknown, token?: string, url = server.url): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) };
}

/** Nothing of an engine, driver or stack in an answer. */
const INTERNALS = /RangeError|Maximum call stack|ECONNREFUSED|ECONNRESET|Context creation failed|Connection terminated|statement timeout|canceling statement|select |insert |at .*\.ts:\d+|node_modules/i;

beforeAll(async () => {
  server = await startTestServer();
  [support, reviewer] = await Promise.all([server.login('support@example.jp'), server.login('reviewer@example.jp')]);
  // The session rows are read once, then remembered (sessions.ts): later requests that fail early touch no table.
  await Promise.all([support, reviewer].map((t) => post({ query: '{ me { id } }' }, t)));
});
afterAll(async () => server?.close());

describe('strings are measured before any work', () => {
  const FIVE_MB = 'あ'.repeat((5 * 1024 * 1024) / 3);

  it.each([
    ['outboundEmails', 'query($q: String) { outboundEmails(filter: { q: $q }) { totalCount } }'],
    ['applications', 'query($q: String) { applications(filter: { q: $q }) { totalCount } }'],
    ['offices', 'query($q: String) { offices(filter: { q: $q }) { totalCount } }'],
  ])('a search of 900,000 characters in %s is BAD_USER_INPUT naming filter.q, with no statement run; 5 MB is too large a body', async (_name, query) => {
    expect((await post({ query, variables: { q: FIVE_MB } }, support)).json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const before = server.queries();
    const { status, json } = await post({ query, variables: { q: 'x'.repeat(900_000) } }, support);
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].extensions.fieldErrors).toEqual([{ path: 'filter.q', message: expect.stringContaining(`${SEARCH_MAX}文字以内`) }]);
    // The session row is remembered after sign-in: nothing at all reached the database.
    expect(server.queries() - before).toBe(0);
  });

  it(`a search of exactly ${SEARCH_MAX} characters is served; one more is refused`, async () => {
    const q = 'query($q: String) { applications(filter: { q: $q }) { totalCount } }';
    expect((await post({ query: q, variables: { q: 'ナ'.repeat(SEARCH_MAX) } }, support)).json.data.applications.totalCount).toBe(0);
    expect((await post({ query: q, variables: { q: 'ナ'.repeat(SEARCH_MAX + 1) } }, support)).json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('eight 5 MB searches at once are all refused, and a small request alongside is served', async () => {
    const big = Array.from({ length: 8 }, () => post({ query: 'query($q: String) { outboundEmails(filter: { q: $q }) { totalCount } }', variables: { q: FIVE_MB } }, support));
    const small = post({ query: '{ me { id } }' }, support);
    const answers = await Promise.all(big);
    expect(answers.map((a) => [a.status, a.json.errors?.[0]?.extensions?.code])).toEqual(Array(8).fill([413, 'PAYLOAD_TOO_LARGE']));
    expect((await small).json.data.me.id).toBeTruthy();
  });

  it(`a question to the customer is at most ${MESSAGE_MAX} characters, and a refused one stores nothing`, async () => {
    const { id, version } = await given(server).application({ status: 'IN_REVIEW' });
    const ask = (message: string) => post({
      query: 'mutation($id: ID!, $m: String!, $v: Int!) { returnApplication(id: $id, message: $m, expectedVersion: $v) { status } }',
      variables: { id, m: message, v: version },
    }, reviewer);
    const refused = await ask('確'.repeat(MESSAGE_MAX + 1));
    expect(refused.json.errors[0].extensions.fieldErrors[0]).toEqual({ path: 'message', message: expect.stringContaining(`${MESSAGE_MAX.toLocaleString('ja-JP')}文字以内`) });
    const [row] = await sql<{ status: string; n: number }>(`select status, (select count(*)::int from application_history h where h.application_id = a.id) as n from application a where id = ?`, [id]);
    expect(row!.status).toBe('IN_REVIEW');
    expect((await ask('確'.repeat(MESSAGE_MAX))).json.data.returnApplication.status).toBe('RETURNED');
    const [after] = await sql<{ n: number }>(`select count(*)::int as n from application_history where application_id = ?`, [id]);
    expect(after!.n).toBe(row!.n + 1);
  });

  it('a NUL character anywhere is refused by name: in a search, and in a submission (nothing stored)', async () => {
    const search = await post({ query: 'query($q: String) { offices(filter: { q: $q }) { totalCount } }', variables: { q: 'ナックス\u0000' } }, support);
    expect(search.json.errors[0].extensions.fieldErrors).toEqual([{ path: 'filter.q', message: expect.stringContaining('NUL') }]);

    const input = nacSystemApplication();
    input.company!.name = 'ナックス\u0000システム';
    const [{ n: applications }] = await sql<{ n: number }>('select count(*)::int as n from application');
    const submit = await post({
      query: 'mutation($login: String!, $input: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $login, input: $input) { receiptNo } }',
      variables: { login: 'nobody', input },
    }, reviewer);
    expect(submit.status).toBe(400);
    expect(submit.json.errors[0].extensions.fieldErrors).toEqual([{ path: 'input.company.name', message: expect.stringContaining('NUL') }]);
    expect((await sql<{ n: number }>('select count(*)::int as n from application'))[0]!.n).toBe(applications);
  });

  it.each([
    ['a lookup', 'query { application(id: "1 or 1=1") { id } }', 'id'],
    ['a filter', 'query { applications(filter: { assigneeId: "me" }) { totalCount } }', 'filter.assigneeId'],
    ['a mail filter', 'query { outboundEmails(filter: { applicationId: "x" }) { totalCount } }', 'filter.applicationId'],
  ])('an ID that is not a UUID in %s is BAD_USER_INPUT before SQL', async (_name, query, path) => {
    const before = server.queries();
    const { status, json } = await post({ query }, support);
    expect(status).toBe(400);
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path, message: expect.stringContaining('UUID') }] });
    expect(server.queries() - before).toBe(0);
  });

  it('null for an optional filter is the same as no filter', async () => {
    for (const query of ['{ offices(filter: null) { totalCount } }', '{ applications(filter: null, sort: null) { totalCount } }', '{ outboundEmails(filter: null) { totalCount } }', '{ certificates(filter: null) { totalCount } }', '{ auditLog(filter: null) { totalCount } }']) {
      const admin = query.includes('auditLog') ? await server.login('admin@example.jp') : support;
      const { json } = await post({ query }, admin);
      expect(json.errors, query).toBeUndefined();
    }
  });
});

describe('caller mistakes are HTTP 400 with their code, never 500 or an engine message', () => {
  it.each([
    ['a syntax error', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
    ['too many tokens', { query: `{ ${'me '.repeat(4000)} }` }, 'GRAPHQL_PARSE_FAILED'],
    ['a 10,000-deep nested list literal', { query: `{ applications(filter: { status: ${'['.repeat(10_000)}${']'.repeat(10_000)} }) { totalCount } }` }, 'GRAPHQL_PARSE_FAILED'],
    ['a 10,000-deep nested list variable', `{"query": "query($s: [ApplicationStatus!]) { applications(filter: { status: $s }) { totalCount } }", "variables": { "s": ${'['.repeat(10_000)}${']'.repeat(10_000)} }}`, 'BAD_USER_INPUT'],
    ['anonymous introspection', { query: '{ __schema { types { name } } }' }, 'UNAUTHENTICATED'],
  ])('%s', async (_name, body, code) => {
    const { status, json, text } = await post(body, JSON.stringify(body).includes('__schema') ? undefined : support);
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe(code ?? json.errors[0].extensions.code);
    expect(json.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(INTERNALS);
    if (_name === 'too many tokens') expect(json.errors[0].message).toBe('クエリが長すぎます (上限 3000 トークン)。');
  });

  it('the list-cost limit is HTTP 400', async () => {
    const { status, json } = await post({ query: '{ offices(limit: 100) { items { applications(limit: 100) { receiptNo status kind } } } }' }, support);
    expect(status).toBe(400);
    expect(json.errors[0].message).toContain('コスト');
  });

  it('a body over 1 MB is refused unless it submits attachments (those may reach 15 MB)', async () => {
    const big = { query: 'query($q: String) { offices(filter: { q: $q }) { totalCount } }', variables: { q: 'x'.repeat(2 * 1024 * 1024) } };
    const refused = await post(big, support);
    expect([refused.status, refused.json.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const input = nacSystemApplication();
    input.attachments = [{ ...input.attachments![0]!, contentBase64: Buffer.alloc(3 * 1024 * 1024, 7).toString('base64') }];
    const submitted = await post({
      query: 'mutation($login: String!, $input: NewApplicationInput!) { submitNewApplication(provisionalLoginId: $login, input: $input) { receiptNo } }',
      variables: { login: 'no-such-account', input },
    }, reviewer);
    // Past the body limit: the answer is the intake's own (the provisional account), not the size.
    expect(submitted.status).not.toBe(413);
    expect(submitted.json.errors[0].extensions.code).not.toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('database trouble is SERVICE_UNAVAILABLE (HTTP 503), never driver text', () => {
  it('a statement past the timeout is cancelled and answered in Japanese', async () => {
    const slow = await startTestServer({ statementTimeoutMs: 300 });
    const holder = new pg.Client({ connectionString: slow.db.url });
    await holder.connect();
    try {
      const token = await slow.login('support@example.jp');
      await holder.query('begin');
      await holder.query('lock table application in access exclusive mode');
      const { status, json, text } = await post({ query: '{ applications(limit: 5) { totalCount items { receiptNo } } }' }, token, slow.url);
      expect(status).toBe(503);
      expect(json.errors[0]).toMatchObject({ message: expect.stringContaining('時間内に終わらなかった'), extensions: { code: 'SERVICE_UNAVAILABLE' } });
      expect(text).not.toMatch(INTERNALS);
      await holder.query('rollback');
      expect((await post({ query: '{ applications(limit: 5) { totalCount } }' }, token, slow.url)).json.data.applications.totalCount).toBeGreaterThan(0);
    } finally {
      await holder.end();
      await slow.close();
    }
  });

  it('during an outage every request answers 503 一時的に利用できません, and the server recovers', async () => {
    const down = await startTestServer({ outage: true });
    try {
      const token = await down.login('support@example.jp');
      const key = 'nk_nssportl_demo-only_NSS-portal_key_not-for-production';
      await down.outage!.cut();
      for (const [query, bearer] of [['{ me { id } }', token], ['{ applications(limit: 1) { totalCount } }', token], ['{ applications(limit: 1) { totalCount } }', key], ['mutation { login(email: "support@example.jp", password: "x") { token } }', undefined]] as const) {
        const { status, json, text } = await post({ query }, bearer, down.url);
        expect(status, query).toBe(503);
        expect(json.errors[0].message).toContain('一時的に利用できません');
        expect(json.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(text, query).not.toMatch(INTERNALS);
        expect(text).not.toMatch(/127\.0\.0\.1|:\d{4,5}\b/);
      }
      await down.outage!.restore();
      let recovered: any;
      for (let i = 0; i < 50 && !recovered?.data?.me; i++) {
        recovered = (await post({ query: '{ me { id } }' }, token, down.url)).json;
        if (!recovered?.data?.me) await new Promise((r) => setTimeout(r, 100));
      }
      expect(recovered.data.me.id).toBeTruthy();
    } finally {
      await down.outage?.restore().catch(() => undefined);
      await down.close();
    }
  });
});
