// One graphql-ws client per signed-in session (subscriptions at /graphql over WebSocket, server/src/events/websocket.ts).
// graphql-ws is fetched with the first subscription, not with the pages. The socket opens with the first subscription
// and closes a little after the last; a dropped connection is retried with backoff, and once it is back the pages are
// told that something may have changed meanwhile (onReconnect).
import type { Client } from 'graphql-ws';
import { GRAPHQL_PATH, liveToken, onSessionChange, sessionAnswers } from './session';

type Listener = () => void;

const reconnectListeners = new Set<Listener>();
const unauthorizedListeners = new Set<Listener>();
const generationListeners = new Set<Listener>();

/** The server closes with 4403 (token not valid at connect) or 4401 (it stopped being valid). */
const UNAUTHORIZED = new Set([4401, 4403]);
/** How long the socket stays open after the last subscription: the list → application switch keeps it. */
const LAZY_CLOSE_MS = 5_000;
/** A ping the server does not answer within PONG_TIMEOUT_MS: the connection is dead (sleep, network change). */
const KEEP_ALIVE_MS = 20_000;
const PONG_TIMEOUT_MS = 5_000;

let current: { token: string; client: Promise<Client> } | undefined;
let active = 0;
/** Bumped when the client is replaced: the hooks subscribe again on the new one. */
let generation = 0;

const closeCode = (e: unknown): number | undefined =>
  e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'number' ? (e as { code: number }).code : undefined;

/** Randomised exponential backoff: about 1, 2, 4 … seconds, at most 30. */
export const backoffMs = (retries: number, random = Math.random()): number =>
  Math.round(Math.min(30_000, 1_000 * 2 ** retries) * (0.5 + random / 2));

const wsUrl = (): string => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${GRAPHQL_PATH}`;

const emit = (listeners: Set<Listener>) => listeners.forEach((l) => l());

function createFor(token: string): Promise<Client> {
  return import('graphql-ws').then(({ createClient }) => {
    let socket: WebSocket | undefined;
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    return createClient({
      url: wsUrl(),
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      lazyCloseTimeout: LAZY_CLOSE_MS,
      keepAlive: KEEP_ALIVE_MS,
      retryAttempts: Infinity,
      retryWait: (retries) => new Promise((r) => setTimeout(r, backoffMs(retries))),
      // Every drop is retried except the server's refusal of the token, which onClosed handles.
      shouldRetry: (e) => !UNAUTHORIZED.has(closeCode(e) ?? 0),
      on: {
        connected: (s, _payload, wasRetry) => {
          socket = s as WebSocket;
          if (wasRetry) emit(reconnectListeners);
        },
        ping: (received) => {
          if (received) return;
          pongTimer = setTimeout(() => {
            if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Request Timeout');
          }, PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        closed: (e) => {
          clearTimeout(pongTimer);
          socket = undefined;
          if (UNAUTHORIZED.has(closeCode(e) ?? 0)) void refused(token);
        },
      },
    });
  });
}

/**
 * The socket refused the token. Signed out only when the HTTP API says so too (as on a 401); otherwise (the server
 * could not check it just then) a new client is tried after a while, and the pages read again.
 */
async function refused(token: string): Promise<void> {
  if (current?.token !== token) return;
  dispose();
  const answers = await sessionAnswers(token);
  if (liveToken() !== token) return;
  if (!answers) {
    emit(unauthorizedListeners);
    return;
  }
  setTimeout(() => {
    if (liveToken() !== token) return;
    generation += 1;
    emit(generationListeners);
    emit(reconnectListeners);
  }, backoffMs(4));
}

/** Ends the socket and forgets the client (signed out, another staff member signed in). */
export function dispose(): void {
  const ending = current;
  current = undefined;
  void ending?.client.then((c) => c.dispose()).catch(() => undefined);
}

let watching = false;

function clientOf(token: string): Promise<Client> {
  if (!watching) {
    watching = true;
    // Signed out or in as someone else in another tab: the old session's socket goes.
    onSessionChange((t) => {
      if (current && current.token !== t) dispose();
    });
  }
  if (current?.token !== token) {
    dispose();
    current = { token, client: createFor(token) };
  }
  return current.client;
}

/**
 * Subscribes while signed in; `onData` gets each event's data. Returns the unsubscribe. Errors of the subscription
 * itself (a refusal, bad input) end it quietly: the page still works without live updates.
 */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void): () => void {
  const token = liveToken();
  if (!token) return () => undefined;
  let ended = false;
  let unsubscribe: (() => void) | undefined;
  active += 1;
  clientOf(token)
    .then((client) => {
      if (ended) return;
      unsubscribe = client.subscribe<T>({ query, variables }, {
        next: (result) => {
          if (result.data) onData(result.data);
        },
        error: (e) => {
          if (closeCode(e) === undefined) console.warn('live update refused', e);
        },
        complete: () => undefined,
      });
    })
    .catch((e: unknown) => console.warn('live updates unavailable', e));
  return () => {
    if (ended) return;
    ended = true;
    active -= 1;
    unsubscribe?.();
    if (active === 0 && !liveToken()) dispose();
  };
}

const listen = (listeners: Set<Listener>, listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The connection came back after a drop: events may have been missed. */
export const onReconnect = (listener: Listener) => listen(reconnectListeners, listener);
/** The server no longer takes the session's token (as an HTTP 401). */
export const onUnauthorized = (listener: Listener) => listen(unauthorizedListeners, listener);
/** The client was replaced: subscribe again. */
export const onGeneration = (listener: Listener) => listen(generationListeners, listener);
export const currentGeneration = () => generation;
