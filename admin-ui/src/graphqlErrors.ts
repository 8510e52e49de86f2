// What the data layer's errors carry, without Apollo (the sign-in page and authProvider's checks use it).

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
