import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

export const GRAPHQL_URI = '/graphql';
const TOKEN_KEY = 'naccs.token';
const STAFF_KEY = 'naccs.staff';
const CLOCK_KEY = 'naccs.clockOffset';

export interface SessionStaff {
  id: string;
  name: string;
  email: string;
  roles: string[];
  /** The operations the server's authorization table gives these roles. */
  operations: string[];
}

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  staff: (): SessionStaff | null => {
    const raw = localStorage.getItem(STAFF_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionStaff;
    } catch {
      return null;
    }
  },
  /** How far the server's business time (NOW) is ahead of this browser's clock, in ms (0 before sign-in). */
  clockOffset: (): number => Number(localStorage.getItem(CLOCK_KEY)) || 0,
  save: (token: string, staff: SessionStaff, businessTime?: string): void => {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(STAFF_KEY, JSON.stringify(staff));
    const offset = businessTime ? Date.parse(businessTime) - Date.now() : NaN;
    if (Number.isFinite(offset)) localStorage.setItem(CLOCK_KEY, String(offset));
    else localStorage.removeItem(CLOCK_KEY);
  },
  clear: (): void => {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(STAFF_KEY);
    localStorage.removeItem(CLOCK_KEY);
  },
};

/** Adds `Authorization: Bearer <token>` to every request while signed in. */
const authLink = new ApolloLink((operation, forward) => {
  const token = session.token();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, Authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

/**
 * A non-2xx response that still carries GraphQL errors (e.g. 401 UNAUTHENTICATED) arrives as a network
 * error; turn it back into GraphQL errors so the message (Japanese) and `extensions.code` reach the UI.
 */
const serverErrorLink = new ApolloLink(
  (operation, forward) =>
    new Observable((observer) => {
      const sub = forward(operation).subscribe({
        next: (value) => observer.next(value),
        complete: () => observer.complete(),
        error: (err: unknown) => {
          const result = (err as { result?: { errors?: GraphQLFormattedError[] } } | null)?.result;
          if (result && Array.isArray(result.errors) && result.errors.length > 0) {
            observer.next({ errors: result.errors });
            observer.complete();
          } else {
            observer.error(err);
          }
        },
      });
      return () => sub.unsubscribe();
    }),
);

/**
 * One Apollo client for the console. Nothing is cached: react-admin's react-query layer caches records,
 * and every query asks the network (`no-cache`), so Apollo's normalisation never merges partial objects.
 */
export const apolloClient = new ApolloClient({
  link: ApolloLink.from([serverErrorLink, authLink, new HttpLink({ uri: GRAPHQL_URI })]),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
    watchQuery: { fetchPolicy: 'no-cache' },
    mutate: { fetchPolicy: 'no-cache' },
  },
});

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; fieldErrors?: Array<{ path: string; message: string }> } & Record<string, unknown>;
}

/** The GraphQL errors carried by whatever the data layer threw (ApolloError, react-admin HttpError…). */
export const graphQLErrorsOf = (error: unknown): GraphQLErrorLike[] => {
  const seen = new Set<unknown>();
  const walk = (e: unknown): GraphQLErrorLike[] => {
    if (!e || typeof e !== 'object' || seen.has(e)) return [];
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (Array.isArray(o.graphQLErrors) && o.graphQLErrors.length > 0) return o.graphQLErrors as GraphQLErrorLike[];
    if (Array.isArray(o.errors) && o.errors.length > 0) return o.errors as GraphQLErrorLike[];
    return [...walk(o.body), ...walk(o.networkError), ...walk(o.result), ...walk(o.cause)];
  };
  return walk(error);
};

export const errorCodeOf = (error: unknown): string | undefined =>
  graphQLErrorsOf(error).find((e) => e.extensions?.code)?.extensions?.code;
