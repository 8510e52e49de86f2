import { loadDataProvider } from '../lazyDataProvider';

/**
 * While the sign-in form waits for the staff member, the browser fetches, when idle, what signing in will show: the
 * layout, the queue (the applications list, every role's first page), the data provider and the sign-in mutation.
 * The form itself never waits for them; a failure here is retried by the pages' own imports.
 */
export function preloadSignedIn(): void {
  const run = () =>
    void Promise.all([
      import('../authApi'),
      loadDataProvider(),
      import('../layout/Layout'),
      import('../applications/ApplicationList'),
    ]).catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 100);
}
