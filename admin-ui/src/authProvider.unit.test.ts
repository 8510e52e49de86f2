import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Sign-out must end the session on the server: the console sends `logout` with the session's token, then forgets it.
// Node has no localStorage: a plain in-memory one; the network is a recording fetch (the server is not running here).
const store = new Map<string, string>();
const calls: Array<{ body: string; authorization?: string }> = [];
let answer: () => Promise<Response>;

beforeEach(() => {
  store.clear();
  calls.length = 0;
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    calls.push({ body: String(init.body), authorization: new Headers(init.headers).get('authorization') ?? undefined });
    return answer();
  });
});
afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const staff = { id: 's1', name: '監督 太郎', email: 'supervisor@example.jp', roles: ['SUPERVISOR'], operations: ['me'] };

describe('authProvider.logout', () => {
  it('calls the logout mutation with the session token, then forgets the session', async () => {
    const { authProvider } = await import('./authProvider');
    const { session } = await import('./graphqlClient');
    answer = async () => json({ data: { logout: true } });
    session.save('token-1', staff);
    await authProvider.logout({});
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body).query).toMatch(/mutation Logout\s*{\s*logout\s*}/);
    expect(calls[0]!.authorization).toBe('Bearer token-1');
    expect(session.token()).toBeNull();
  });

  it('signs out here even when the server refuses or cannot be reached; sends nothing without a session', async () => {
    const { authProvider } = await import('./authProvider');
    const { session } = await import('./graphqlClient');
    answer = async () => json({ errors: [{ message: 'サインインが必要です。', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
    session.save('expired', staff);
    await authProvider.logout({});
    expect(session.token()).toBeNull();
    answer = () => Promise.reject(new TypeError('fetch failed'));
    session.save('token-2', staff);
    await authProvider.logout({});
    expect(session.token()).toBeNull();
    expect(calls).toHaveLength(2);
    await authProvider.logout({});
    expect(calls).toHaveLength(2);
  });
});

describe('authProvider.checkAuth', () => {
  it('sends an untouched visitor to the sign-in page without a notification; a stale session is told to sign in', async () => {
    const { authProvider } = await import('./authProvider');
    const { session } = await import('./graphqlClient');
    session.clear();
    // react-admin skips its red toast when the rejection's message is false.
    await expect(authProvider.checkAuth({})).rejects.toEqual({ message: false });
    session.save('token-3', { ...staff, operations: undefined } as unknown as typeof staff);
    await expect(authProvider.checkAuth({})).rejects.toThrow('ra.auth.auth_check_error');
    expect(session.token()).toBeNull();
    session.save('token-4', staff);
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
  });
});
