import { gql } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import { apolloClient, errorCodeOf, graphQLErrorsOf, session, type SessionStaff } from './graphqlClient';

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

/** Staff sign in with e-mail and password; the session token lives in localStorage. */
export const authProvider: AuthProvider = {
  login: async ({ email, password }: { email?: string; password?: string }) => {
    session.clear();
    try {
      const { data } = await apolloClient.mutate<LoginResult>({
        mutation: LOGIN,
        variables: { email: (email ?? '').trim(), password: password ?? '' },
      });
      if (!data?.login?.token) throw new Error('naccs.login.failed');
      session.save(data.login.token, data.login.staff, data.login.businessTime);
    } catch (error) {
      const message = graphQLErrorsOf(error)[0]?.message;
      throw new Error(message || (error instanceof Error ? error.message : 'naccs.login.failed'));
    }
  },
  logout: async () => {
    // The server ends the session (the old token stops answering); signed out here whatever it answers.
    if (session.token()) await apolloClient.mutate({ mutation: LOGOUT }).catch(() => undefined);
    session.clear();
    await apolloClient.clearStore();
  },
  checkAuth: async () => {
    // A session saved before the server listed the operations: sign in again rather than show an empty console.
    if (!session.token() || !Array.isArray(session.staff()?.operations)) {
      session.clear();
      throw new Error('ra.auth.auth_check_error');
    }
  },
  checkError: async (error: unknown) => {
    const status = (error as { status?: number } | null)?.status;
    if (errorCodeOf(error) === 'UNAUTHENTICATED' || status === 401) {
      session.clear();
      throw { message: 'naccs.errors.unauthenticated', logoutUser: true };
    }
    // FORBIDDEN and every other error: stay signed in, the notification shows the server's message.
  },
  getIdentity: async () => {
    const staff = session.staff();
    // Signed out: an empty identity, not an error (react-query would retry a rejection several times).
    if (!staff) return { id: '', fullName: '' };
    return { id: staff.id, fullName: staff.name, email: staff.email, roles: staff.roles };
  },
  getPermissions: async () => session.staff()?.operations ?? [],
};
