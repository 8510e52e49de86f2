import { createElement, lazy, useState, type ComponentType } from 'react';

export type Preloadable<C> = C & { preload: () => Promise<unknown> };

/**
 * A component loaded with its own chunk the first time it renders (React.lazy over a named export); react-admin's
 * Layout shows its Loading inside a Suspense boundary meanwhile. `preload()` fetches it ahead (login/preload.ts): an
 * instance first rendered once it is there renders it directly — without suspending, which would cost React's
 * Suspense reveal throttling (~300 ms) for a module already in hand. An instance keeps the way it started, so it is
 * never remounted.
 */
export function lazyComponent<M, K extends keyof M>(load: () => Promise<M>, name: K): Preloadable<M[K]> {
  let loaded: ComponentType<any> | undefined;
  let pending: Promise<ComponentType<any>> | undefined;
  const fetch = (): Promise<ComponentType<any>> =>
    (pending ??= load().then(
      (m) => (loaded = m[name] as ComponentType<any>),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => fetch().then((component) => ({ default: component })));
  function LazyComponent(props: Record<string, unknown>) {
    const [direct] = useState(() => loaded);
    return createElement(direct ?? Lazy, props);
  }
  LazyComponent.preload = fetch;
  return LazyComponent as unknown as Preloadable<M[K]>;
}
