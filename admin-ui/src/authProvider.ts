import type { AuthProvider } from 'react-admin';
import { errorCodeOf, graphQLErrorsOf } from './graphqlErrors';
import { session } from './session';

/** The mutations, with the Apollo client they need: fetched at the first sign-in or sign-out, not with the sign-in page. */
let api: Promise<typeof import('./authApi')> | undefined;
const authApi = () => (api ??= import('./authApi'));

/** Staff sign in with e-mail and password; the session token lives in localStorage. */
export const authProvider: AuthProvider = {
  login: async ({ email, password }: { email?: string; password?: string }) => {
    session.clear();
    try {
      const login = await (await authApi()).login((email ?? '').trim(), password ?? '');
      if (!login?.token) throw new Error('naccs.login.failed');
      session.save(login.token, login.staff, login.businessTime);
    } catch (error) {
      const message = graphQLErrorsOf(error)[0]?.message;
      throw new Error(message || (error instanceof Error ? error.message : 'naccs.login.failed'));
    }
  },
  logout: async () => {
    // The server ends the session (the old token stops answering); signed out here whatever it answers. Without a
    // session (the sign-in page's own check) nothing is fetched, unless the client was loaded and may hold a cache.
    const signedIn = !!session.token();
    if (signedIn || api) await authApi().then((a) => a.logout(signedIn)).catch(() => undefined);
    session.clear();
  },
  checkAuth: async () => {
    // Not signed in (a first visit, after signing out): the sign-in page, without a red サインインしてください.
    if (!session.token()) throw { message: false }; // react-admin's way to skip the notification
    // A session saved before the server listed the operations: sign in again rather than show an empty console.
    if (!Array.isArray(session.staff()?.operations)) {
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
