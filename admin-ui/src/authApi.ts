import { gql } from '@apollo/client';
import { apolloClient } from './graphqlClient';
import type { SessionStaff } from './session';

// The sign-in and sign-out mutations: loaded by authProvider when it first needs them, so that the sign-in page comes
// up before the Apollo client and graphql are even fetched.

const LOGIN = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      staff {
        id
        name
        email
        roles
        operations
      }
      businessTime
    }
  }
`;

const LOGOUT = gql`
  mutation Logout {
    logout
  }
`;

interface LoginResult {
  login: { token: string; staff: SessionStaff; businessTime: string } | null;
}

export async function login(email: string, password: string): Promise<LoginResult['login']> {
  const { data } = await apolloClient.mutate<LoginResult>({ mutation: LOGIN, variables: { email, password } });
  return data?.login ?? null;
}

/** Ends the session on the server (whatever it answers), then forgets what the client cached. */
export async function logout(withServer: boolean): Promise<void> {
  if (withServer) await apolloClient.mutate({ mutation: LOGOUT }).catch(() => undefined);
  await apolloClient.clearStore();
}
