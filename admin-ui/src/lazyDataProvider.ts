import type { DataProvider } from 'react-admin';

// The data provider with the Apollo client, graphql and every query (dataProvider.ts) is its own chunk: the sign-in page
// does not need it. react-admin gets this stand-in, whose methods load the real one at their first call.
export const loadDataProvider = () => import('./dataProvider').then((m) => m.dataProvider);

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

export const dataProvider = Object.fromEntries(
  METHODS.map((method) => [
    method,
    async (...args: unknown[]) => ((await loadDataProvider())[method] as (...a: unknown[]) => Promise<unknown>)(...args),
  ]),
) as unknown as DataProvider;
