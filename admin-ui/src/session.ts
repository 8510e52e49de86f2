// The signed-in staff member's session, kept in localStorage. Apart from the Apollo client (graphqlClient.ts) so that the
// sign-in page and the auth checks load without the GraphQL stack.

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
