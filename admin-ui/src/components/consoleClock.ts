import { session } from '../session';

/**
 * The console's "now": the server's business time (NOW, when the server pins it for a demo or a support reproduction)
 * as measured at sign-in, ticking with this browser's clock. Every "today" of the console comes from here, so the
 * calendar and the warnings agree with the server's rules.
 */
export const consoleNow = (): Date => new Date(Date.now() + session.clockOffset());
