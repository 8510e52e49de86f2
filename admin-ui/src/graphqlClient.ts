import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { session } from './session';

export const GRAPHQL_URI = '/graphql';
export { session, type SessionStaff } from './session';
export { errorCodeOf, graphQLErrorsOf, type GraphQLErrorLike } from './graphqlErrors';

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
