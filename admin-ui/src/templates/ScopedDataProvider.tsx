import { useContext, useMemo, type ReactNode } from 'react';
import {
  DataProviderContext,
  type DataProvider,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyResult,
  type GetOneParams,
  type GetOneResult,
} from 'react-admin';
import { toHttpError } from '../dataProvider';

/** The methods of a data provider for the resources of one area (the others are not offered). */
export interface ResourceProvider {
  getList?: (resource: string, params: GetListParams) => Promise<GetListResult>;
  getOne?: (resource: string, params: GetOneParams) => Promise<GetOneResult>;
  getMany?: (resource: string, params: GetManyParams) => Promise<GetManyResult>;
}

const METHODS = [
  'getList',
  'getOne',
  'getMany',
  'getManyReference',
  'create',
  'update',
  'updateMany',
  'delete',
  'deleteMany',
] as const;

/**
 * The console's data provider, plus the resources of an area that the shared provider (dataProvider.ts) does not
 * know: 通知テンプレート, 送信ログ, デジタル証明書. Pages of those areas render inside it, so react-admin's lists, getOne
 * and refresh work for them while every other resource still goes to the shared provider. Errors become the same
 * HttpError (the server's Japanese message) as the shared provider's.
 */
export const ScopedDataProvider = ({
  resources,
  children,
}: {
  resources: Record<string, ResourceProvider>;
  children: ReactNode;
}) => {
  const parent = useContext(DataProviderContext);
  const value = useMemo(() => {
    const scoped: Record<string, unknown> = { ...(parent ?? {}) };
    for (const method of METHODS) {
      scoped[method] = async (resource: string, params: unknown) => {
        const own = resources[resource];
        if (own) {
          const fn = (own as Record<string, ((r: string, p: unknown) => Promise<unknown>) | undefined>)[method];
          if (!fn) throw new Error(`${resource}: ${method} is not supported`);
          try {
            return await fn(resource, params);
          } catch (error) {
            throw toHttpError(error);
          }
        }
        return (parent as unknown as Record<string, (r: string, p: unknown) => Promise<unknown>>)[method](resource, params);
      };
    }
    return scoped as unknown as DataProvider;
  }, [parent, resources]);
  return <DataProviderContext.Provider value={value}>{children}</DataProviderContext.Provider>;
};
