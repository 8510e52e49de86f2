import { lazy, type ComponentType } from 'react';

/**
 * A component loaded with its own chunk the first time it renders (React.lazy over a named export). react-admin's
 * Layout shows its Loading inside a Suspense boundary meanwhile.
 */
export function lazyComponent<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType<any> }))) as unknown as M[K];
}
