import applications from '../applications';
import { Dashboard } from '../dashboard';
import { SignedInLayout } from '../layout';
import { loadDataProvider } from '../lazyDataProvider';

/**
 * What signing in shows first — the layout, the dashboard (every role's home page) and the queue, the data
 * provider — and the sign-in mutation. While the sign-in form waits for the staff member, fetched when the browser is
 * idle (the form never waits for them). Already signed in (a reload), fetched at once, side by side, rather than one
 * after another as each lazy component renders and asks for the next. A failure here is retried by the pages' imports.
 */
export function preloadSignedIn(when: 'idle' | 'now' = 'idle'): void {
  const run = () =>
    void Promise.all([
      import('../authApi'),
      loadDataProvider(),
      SignedInLayout.preload(),
      Dashboard.preload(),
      applications.list.preload(),
    ]).catch(() => undefined);
  if (when === 'now') run();
  else if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 100);
}
