import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { repoRoot } from '../config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { ACCESS, PUBLIC } from '../graphql/access.js';
import { DEMO_NSS_PORTAL_KEY } from './apiKeys.js';
import { argon2Verifications } from './password.js';
import { SIGN_IN_REFUSED } from './SignInService.js';
import { startTestServer, type TestServer } from '../testing/server.js';

let server: TestServer;
const tokens: Record<string, string | undefined> = {};
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const ROLE_LOGINS = { ADMIN: 'admin', SUPERVISOR: 'supervisor', REVIEWER: 'reviewer', SUPPORT: 'support' } as const;

beforeAll(async () => {
  server = await startTestServer();
  for (const [role, user] of Object.entries(ROLE_LOGINS)) tokens[role] = await server.login(`${user}@example.jp`);
  tokens.INTEGRATOR = DEMO_NSS_PORTAL_KEY;
});
afterAll(async () => server?.close());

interface TypeRef { kind: string; name?: string; ofType?: TypeRef }
interface IntrospectedType { name: string; kind: string; fields?: Array<{ name: string; args: Array<{ name: string; type: TypeRef }>; type: TypeRef }>; inputFields?: Array<{ name: string; type: TypeRef }>; enumValues?: Array<{ name: string }> }

/** Builds a syntactically valid call of every operation from the schema, with dummy values for required arguments. */
async function operations() {
  const res = await server.gql(`{ __schema { queryType { name } mutationType { name } types { name kind
    fields { name args { name type { ...T } } type { ...T } } inputFields { name type { ...T } } enumValues { name } } } }
    fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`, {}, tokens.ADMIN);
  const types = new Map<string, IntrospectedType>(res.data!.__schema.types.map((t: IntrospectedType) => [t.name, t]));
  const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
  const dummy = (t: TypeRef): unknown => {
    if (t.kind === 'NON_NULL') return dummy(t.ofType!);
    if (t.kind === 'LIST') return [];
    const type = types.get(t.name!)!;
    if (type.kind === 'ENUM') return type.enumValues![0]!.name;
    if (type.kind === 'INPUT_OBJECT') return Object.fromEntries(type.inputFields!.filter((f) => f.type.kind === 'NON_NULL').map((f) => [f.name, dummy(f.type)]));
    return { ID: '00000000-0000-0000-0000-000000000000', String: 'x', Int: 1, Boolean: false, DateTimeISO: '2030-01-01T00:00:00Z', Float: 1 }[t.name!] ?? 'x';
  };
  const render = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${render(t.ofType!)}!` : t.kind === 'LIST' ? `[${render(t.ofType!)}]` : t.name!);
  const ops = [];
  for (const [kind, rootName] of [['query', res.data!.__schema.queryType.name], ['mutation', res.data!.__schema.mutationType.name]] as const) {
    for (const field of types.get(rootName)!.fields!) {
      const required = field.args.filter((a) => a.type.kind === 'NON_NULL');
      const vars = Object.fromEntries(required.map((a) => [a.name, dummy(a.type)]));
      const decl = required.length ? `(${required.map((a) => `$${a.name}: ${render(a.type)}`).join(', ')})` : '';
      const args = required.length ? `(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
      const returns = types.get(named(field.type).name!)!;
      const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(returns.kind) ? ' { __typename }' : '';
      ops.push({ name: field.name, document: `${kind}${decl} { ${field.name}${args}${selection} }`, vars });
    }
  }
  return ops;
}

describe('the role × operation table', () => {
  it('has a row for every query and mutation, and every role gets exactly what the table says', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(40);
    const missing = ops.map((o) => o.name).filter((n) => !(n in ACCESS));
    expect(missing, 'operations without a row in graphql/access.ts').toEqual([]);
    const outcomes: string[] = [];
    // Sign-out revokes the caller's sessions: it goes last.
    const ordered = [...ops.filter((o) => o.name !== 'logout'), ...ops.filter((o) => o.name === 'logout')];
    for (const op of ordered) {
      const allowed = ACCESS[op.name as keyof typeof ACCESS];
      for (const role of ['ADMIN', 'SUPERVISOR', 'REVIEWER', 'SUPPORT', 'INTEGRATOR', 'NONE']) {
        const res = await server.gql(op.document, op.vars, role === 'NONE' ? undefined : tokens[role]);
        const code = res.errors?.[0]?.extensions?.code;
        const expected = allowed === PUBLIC ? 'allowed' : role === 'NONE' ? 'UNAUTHENTICATED' : (allowed as readonly string[]).includes(role) ? 'allowed' : 'FORBIDDEN';
        const actual = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'allowed';
        if (actual !== expected && !(op.name === 'login' && code === 'UNAUTHENTICATED')) outcomes.push(`${op.name} as ${role}: expected ${expected}, got ${code ?? 'ok'} (${res.errors?.[0]?.message})`);
        expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+/);
      }
    }
    expect(outcomes).toEqual([]);
    // logout revoked every session above: sign in again for the tests that follow.
    for (const [role, user] of Object.entries(ROLE_LOGINS)) tokens[role] = await server.login(`${user}@example.jp`);
  }, 180_000);
});

describe('the console\'s view of the table', () => {
  it('tells each signed-in staff member exactly the operations the table gives their roles', async () => {
    for (const role of ['ADMIN', 'SUPERVISOR', 'REVIEWER', 'SUPPORT']) {
      const { me } = (await server.gql('{ me { roles operations } }', {}, tokens[role])).data!;
      const expected = Object.entries(ACCESS).filter(([, who]) => who !== PUBLIC && (who as readonly string[]).includes(role)).map(([op]) => op);
      expect([...me.operations].sort(), role).toEqual(expected.sort());
    }
    const reviewer = (await server.gql('{ me { operations } }', {}, tokens.REVIEWER)).data!.me.operations as string[];
    expect(reviewer).toEqual(expect.arrayContaining(['approveApplication', 'approvalPreview', 'returnApplication']));
    expect(reviewer).not.toContain('cancelApplication');
    expect(reviewer).not.toContain('staffAccounts');
  });

  it('names only operations of the table in the console (admin-ui/src/access.ts)', () => {
    const source = readFileSync(join(repoRoot, 'admin-ui', 'src', 'access.ts'), 'utf8');
    const union = source.slice(source.indexOf('export type Operation ='), source.indexOf(';', source.indexOf('export type Operation =')));
    const names = [...union.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(15);
    expect(names.filter((n) => !(n in ACCESS))).toEqual([]);
  });
});

describe('field-level masking', () => {
  it('staff e-mails are shown to admins and the staff member, masked for others', async () => {
    const asSupport = await server.gql('{ staffMembers { email } me { email } }', {}, tokens.SUPPORT);
    expect(asSupport.data!.staffMembers.every((s: any) => /^.\*\*\*@example\.jp$/.test(s.email))).toBe(true);
    expect(asSupport.data!.me.email).toBe('support@example.jp');
    const asAdmin = await server.gql('{ staffMembers { email } }', {}, tokens.ADMIN);
    expect(asAdmin.data!.staffMembers.map((s: any) => s.email)).toContain('reviewer@example.jp');
  });
});

describe('GraphQL limits (refused before any database work, no stack trace)', () => {
  const refusedWithoutDb = async (body: string, pattern: RegExp) => {
    const before = server.queries();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.REVIEWER}` }, body });
    const json = await res.json();
    expect(json.errors?.map((e: { message: string }) => e.message).join(' ')).toMatch(pattern);
    expect(JSON.stringify(json)).not.toMatch(/stacktrace|\.ts:\d+|\bat\s/);
    // Only the session lookup may have run.
    expect(server.queries() - before).toBeLessThanOrEqual(1);
    return res.status;
  };

  it('refuses a query nested past the depth limit', async () => {
    let nested = 'receiptNo';
    for (let i = 0; i < 12; i++) nested = `office { applications(limit: 1) { ${nested} } }`;
    await refusedWithoutDb(JSON.stringify({ query: `{ applications(limit: 1) { items { ${nested} } } }` }), /入れ子が深すぎます/);
  });

  it('refuses a cost bomb', async () => {
    // Shallow enough for the depth limit, but every level multiplies the work.
    const fields = 'receiptNo status reason remarks desiredStartDate startDate history { id at action message actorName version } changes { field before after }';
    const level = (inner: string) => `office { code profile { name } company { abbreviation } applications(limit: 100) { ${fields} ${inner} } }`;
    const query = `{ applications(limit: 100) { items { ${fields} ${level(level(level('')))} } } }`;
    await refusedWithoutDb(JSON.stringify({ query }), /コスト/);
  });

  it('refuses 1,000 aliases', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    await refusedWithoutDb(JSON.stringify({ query }), /エイリアス|長すぎ/);
  });

  it('refuses an oversized body with 413 and a JSON error', async () => {
    const status = await refusedWithoutDb(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(16 * 1024 * 1024) } }), /大きすぎます/);
    expect(status).toBe(413);
  });

  it('allows introspection to signed-in callers only', async () => {
    const anon = await server.gql('{ __schema { queryType { name } } }');
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const key = await server.gql('{ __schema { queryType { name } } }', {}, tokens.INTEGRATOR);
    expect(key.data!.__schema.queryType.name).toBe('Query');
  });

  it('sends security headers with the console and the API', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('sign-in safety', () => {
  it('locks an account after 5 failed sign-ins, even against the right password, and audits it', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await server.gql('mutation { login(email: "reviewer2@example.jp", password: "wrong-password") { token } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await server.gql('mutation { login(email: "reviewer2@example.jp", password: "test-demo-password") { token } }');
    expect(locked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(locked.data?.login).toBeFalsy();
    const audit = await server.gql('{ auditLog(filter: { actions: [LOGIN_FAILED, LOGIN_LOCKED] }, limit: 100) { totalCount items { action target ip } } }', {}, tokens.ADMIN);
    const mine = audit.data!.auditLog.items.filter((i: any) => i.target === 'reviewer2@example.jp');
    expect(mine.length).toBeGreaterThanOrEqual(6);
    expect(mine[0].action).toBe('LOGIN_LOCKED');
  });

  it('answers an unknown e-mail, a wrong password and a locked account alike, each after one argon2 verification', async () => {
    const attempt = async (email: string, password: string) => {
      const before = argon2Verifications();
      const res = await server.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
      return { error: res.errors?.[0], verifications: argon2Verifications() - before };
    };
    const unknown = await attempt('nobody.at.all@example.jp', 'wrong-password');
    const wrong = await attempt('support@example.jp', 'wrong-password');
    // reviewer2 was locked by the test above: the right password gets the same answer.
    const locked = await attempt('reviewer2@example.jp', 'test-demo-password');
    for (const outcome of [unknown, wrong, locked]) {
      // The same message, the same extensions (no lockedUntil), and the same work: one argon2 verification each.
      expect(outcome.error).toEqual({ message: SIGN_IN_REFUSED, path: ['login'], locations: expect.anything(), extensions: { code: 'UNAUTHENTICATED' } });
      expect(outcome.verifications).toBe(1);
    }
    expect(await server.login('support@example.jp')).toBeTruthy();
  });

  it('refuses an expired session, a signed-out session and a revoked or expired API key', async () => {
    const [{ id }] = (await sql<{ id: string }>(`select id from staff where email = 'supervisor@example.jp'`)) as [{ id: string }];
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(id).setIssuedAt(Math.floor(testClock.now().getTime() / 1000) - 7200)
      .setExpirationTime(Math.floor(testClock.now().getTime() / 1000) - 60).setAudience('naccs-back-office').sign(Buffer.from('test-token-secret-of-32-bytes-min'));
    expect((await server.gql('{ me { id } }', {}, expired)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const session = await server.login('supervisor@example.jp');
    expect((await server.gql('mutation { logout }', {}, session)).data!.logout).toBe(true);
    expect((await server.gql('{ me { id } }', {}, session)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const created = await server.gql('mutation { createApiKey(name: "レポートツール") { secret apiKey { id prefix } } }', {}, tokens.ADMIN);
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(/^nk_[a-z0-9]{8}_/);
    expect((await server.gql('{ applications(limit: 1) { totalCount } }', {}, secret)).data!.applications.totalCount).toBeGreaterThan(0);
    const stored = await sql(`select secret_hash from api_key where id = ?`, [apiKey.id]);
    expect(stored[0]!.secret_hash).not.toContain(secret.slice(12));
    await server.gql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, tokens.ADMIN);
    expect((await server.gql('{ applications(limit: 1) { totalCount } }', {}, secret)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const short = await server.gql('mutation($e: DateTimeISO) { createApiKey(name: "期限付き", expiresAt: $e) { secret apiKey { id } } }', { e: new Date(testClock.now().getTime() + 1500).toISOString() }, tokens.ADMIN);
    await new Promise((r) => setTimeout(r, 1800));
    expect((await server.gql('{ applications(limit: 1) { totalCount } }', {}, short.data!.createApiKey.secret)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets admins create staff, change roles and reset passwords, all audited', async () => {
    const created = await server.gql('mutation { createStaff(input: { email: "new.reviewer@example.jp", name: "新人 審査", roles: [REVIEWER], password: "initial-pass-123" }) { id roles } }', {}, tokens.ADMIN);
    const id = created.data!.createStaff.id;
    const updated = await server.gql('mutation($id: ID!) { updateStaff(id: $id, input: { roles: [SUPERVISOR] }) { roles } }', { id }, tokens.ADMIN);
    expect(updated.data!.updateStaff.roles).toEqual(['SUPERVISOR']);
    const temporary = (await server.gql('mutation($id: ID!) { resetStaffPassword(id: $id) }', { id }, tokens.ADMIN)).data!.resetStaffPassword;
    expect(await server.login('new.reviewer@example.jp', temporary)).toBeTruthy();
    const audit = await server.gql('{ auditLog(filter: { actions: [STAFF_CREATE, STAFF_UPDATE, STAFF_PASSWORD_RESET] }) { items { action target detail } } }', {}, tokens.ADMIN);
    expect(audit.data!.auditLog.items.map((i: any) => i.action).sort()).toEqual(['STAFF_CREATE', 'STAFF_PASSWORD_RESET', 'STAFF_UPDATE']);
    expect(JSON.stringify(audit)).not.toContain(temporary);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(sql(`update audit_log set action = 'X'`)).rejects.toThrow(/append-only/);
    await expect(sql(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('keyset export for integrators', () => {
  it('pages through every application once, in receipt order, with nextCursor', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await server.gql('query($a: String) { applicationsExport(after: $a, limit: 100) { items { id receivedAt } nextCursor } }', { a: after }, tokens.INTEGRATOR);
      seen.push(...res.data!.applicationsExport.items.map((i: any) => i.id));
      after = res.data!.applicationsExport.nextCursor ?? undefined;
      if (!after) break;
    }
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from application')) as [{ n: string }];
    expect(seen).toHaveLength(Number(n));
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await server.gql('{ applicationsExport(after: "garbage") { nextCursor } }', {}, tokens.INTEGRATOR);
    expect(bad.errors?.[0]?.extensions?.fieldErrors[0].path).toBe('after');
  });
});
