// What the live code needs of the session, over plain fetch: the presence calls must leave even as the page closes
// (keepalive), and the live chunk stays free of the Apollo client.
import { session } from '../session';

/** The same path as the HTTP API (graphqlClient.ts GRAPHQL_URI); the WebSocket is at the same origin. */
export const GRAPHQL_PATH = '/graphql';

export const liveToken = (): string | null => session.token();

/** The token changed in another tab (signed out, signed in as someone else). */
export function onSessionChange(listener: (token: string | null) => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === 'naccs.token') listener(liveToken());
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

export type PostOutcome = 'ok' | 'unauthenticated' | 'failed';

/** One GraphQL operation over HTTP with the session's token; `keepalive` lets it leave with a closing page. */
export async function post(query: string, variables: Record<string, unknown>, options: { keepalive?: boolean; token?: string } = {}): Promise<PostOutcome> {
  return (await request(query, variables, options)).outcome;
}

/** The operation's outcome and, when it went through, its data. */
export async function request<T>(
  query: string,
  variables: Record<string, unknown>,
  options: { keepalive?: boolean; token?: string } = {},
): Promise<{ outcome: PostOutcome; data?: T }> {
  const token = options.token ?? liveToken();
  if (!token) return { outcome: 'unauthenticated' };
  try {
    const res = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      keepalive: options.keepalive,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: Array<{ extensions?: { code?: string } }> };
    if (res.status === 401 || body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return { outcome: 'unauthenticated' };
    return res.ok && !body.errors?.length ? { outcome: 'ok', data: body.data } : { outcome: 'failed' };
  } catch {
    return { outcome: 'failed' };
  }
}

/** Whether the server still takes the token (false only on its UNAUTHENTICATED; a failure to ask counts as yes). */
export async function sessionAnswers(token: string): Promise<boolean> {
  return (await post('{ me { id } }', {}, { token })) !== 'unauthenticated';
}
