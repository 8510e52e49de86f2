import { gql, type DocumentNode } from '@apollo/client';
import { print } from 'graphql';
import buildDataProvider, { type BuildQueryResult } from 'ra-data-graphql';
import {
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  HttpError,
  type DataProvider,
  type GetListParams,
  type GetManyParams,
  type GetOneParams,
} from 'react-admin';
import { apolloClient, graphQLErrorsOf } from './graphqlClient';
import { normalizeCode } from './normalize';
import {
  APPLICATION,
  APPLICATION_LIST_FIELDS,
  APPLICATION_LOOKUP,
  APPLICATIONS,
  OFFICE,
  OFFICE_LOOKUP,
  OFFICE_LIST_FIELDS,
  OFFICES,
  STAFF_MEMBERS,
} from './queries';
import type { Application, Office, Staff } from './types';

/** react-admin sort field → ApplicationSortField. Other columns are not sortable. */
export const APPLICATION_SORT_FIELDS: Record<string, string> = {
  receivedAt: 'RECEIVED_AT',
  receiptNo: 'RECEIPT_NO',
  desiredStartDate: 'DESIRED_START_DATE',
  status: 'STATUS',
};

type Filter = Record<string, unknown>;

const asArray = (v: unknown): string[] | undefined => {
  if (v == null || v === '') return undefined;
  const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length ? list : undefined;
};
const asText = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};
/** Drops undefined keys so the server sees only the filters in use. */
const compact = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const page = (params: Pick<GetListParams, 'pagination'>): { offset: number; limit: number } => {
  const { page: p = 1, perPage = 25 } = params.pagination ?? {};
  return { offset: (p - 1) * perPage, limit: perPage };
};

export const applicationFilter = (filter: Filter = {}) => {
  const officeCode = asText(filter.officeCode);
  return compact({
    status: asArray(filter.status),
    kind: asArray(filter.kind),
    q: asText(filter.q),
    assigneeId: asText(filter.assigneeId),
    receivedFrom: asText(filter.receivedFrom),
    receivedTo: asText(filter.receivedTo),
    officeCode: officeCode ? normalizeCode(officeCode) : undefined,
  });
};

const officeFilter = (filter: Filter = {}) => compact({ q: asText(filter.q), status: asArray(filter.status) });

/** An error shaped like a GraphQL NOT_FOUND so every caller reads it the same way. */
const notFound = (message: string): Error =>
  Object.assign(new Error(message), { graphQLErrors: [{ message, extensions: { code: 'NOT_FOUND' } }] });

/** `query { r0: application(id: $id0) { ... } r1: … }` — one request for getMany. */
const aliasedQuery = (field: string, fragment: DocumentNode, fragmentName: string, count: number): DocumentNode => {
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const body = Array.from({ length: count }, (_, i) => `r${i}: ${field}(id: $id${i}) { ...${fragmentName} }`).join('\n');
  return gql(`query Many${field}(${vars}) {\n${body}\n}\n${print(fragment)}`);
};

const getManyQuery = (
  field: string,
  fragment: DocumentNode,
  fragmentName: string,
  params: GetManyParams,
): BuildQueryResult => {
  const ids = [...new Set(params.ids.map(String))];
  if (ids.length === 0) {
    // Nothing to ask; a trivial query keeps the provider's shape.
    return { query: gql`query Nothing { __typename }`, variables: {}, parseResponse: () => ({ data: [] }) };
  }
  return {
    query: aliasedQuery(field, fragment, fragmentName, ids.length),
    variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
    parseResponse: ({ data }) => ({
      data: ids.map((_, i) => (data as Record<string, unknown>)[`r${i}`]).filter((r) => r != null),
    }),
  };
};

const applicationsQuery = (raFetchMethod: string, params: unknown): BuildQueryResult => {
  switch (raFetchMethod) {
    case GET_LIST:
    case GET_MANY_REFERENCE: {
      const p = params as GetListParams & { target?: string; id?: string };
      const filter: Filter = { ...(p.filter ?? {}) };
      if (raFetchMethod === GET_MANY_REFERENCE && p.target) filter[p.target] = p.id;
      const sortField = p.sort?.field ? APPLICATION_SORT_FIELDS[p.sort.field] : undefined;
      return {
        query: APPLICATIONS,
        variables: {
          filter: applicationFilter(filter),
          sort: { field: sortField ?? 'RECEIVED_AT', order: p.sort?.order === 'ASC' ? 'ASC' : 'DESC' },
          ...page(p),
        },
        parseResponse: ({ data }) => ({
          data: data.applications.items as Application[],
          total: data.applications.totalCount as number,
        }),
      };
    }
    case GET_ONE: {
      const p = params as GetOneParams;
      const receiptNo = p.meta?.receiptNo as string | undefined;
      return {
        query: receiptNo && p.meta?.lookup ? APPLICATION_LOOKUP : APPLICATION,
        variables: receiptNo ? { receiptNo } : { id: String(p.id) },
        parseResponse: ({ data }) => {
          if (!data?.application) {
            throw notFound(receiptNo ? `申込受付番号 ${receiptNo} は見つかりません` : '利用申込は見つかりません');
          }
          return { data: data.application as Application };
        },
      };
    }
    case GET_MANY:
      return getManyQuery('application', APPLICATION_LIST_FIELDS, 'ApplicationListFields', params as GetManyParams);
    default:
      throw new Error(`applications: ${raFetchMethod} is not supported`);
  }
};

const officesQuery = (raFetchMethod: string, params: unknown): BuildQueryResult => {
  switch (raFetchMethod) {
    case GET_LIST: {
      const p = params as GetListParams;
      return {
        query: OFFICES,
        variables: { filter: officeFilter(p.filter), ...page(p) },
        parseResponse: ({ data }) => ({
          data: data.offices.items as Office[],
          total: data.offices.totalCount as number,
        }),
      };
    }
    case GET_ONE: {
      const p = params as GetOneParams;
      const code = p.meta?.code as string | undefined;
      return {
        query: code && p.meta?.lookup ? OFFICE_LOOKUP : OFFICE,
        variables: code ? { code } : { id: String(p.id) },
        parseResponse: ({ data }) => {
          if (!data?.office) throw notFound(code ? `事業所コード ${code} は見つかりません` : '事業所は見つかりません');
          return { data: data.office as Office };
        },
      };
    }
    case GET_MANY:
      return getManyQuery('office', OFFICE_LIST_FIELDS, 'OfficeListFields', params as GetManyParams);
    default:
      throw new Error(`offices: ${raFetchMethod} is not supported`);
  }
};

/** `staffMembers` returns everyone; the console filters, sorts and pages on the client. */
const staffQuery = (raFetchMethod: string, params: unknown): BuildQueryResult => {
  const pick = (all: Staff[]): Staff[] => {
    switch (raFetchMethod) {
      case GET_ONE:
        return all.filter((s) => String(s.id) === String((params as GetOneParams).id));
      case GET_MANY: {
        const ids = new Set((params as GetManyParams).ids.map(String));
        return all.filter((s) => ids.has(String(s.id)));
      }
      default: {
        const p = params as GetListParams;
        const q = (asText(p.filter?.q) ?? '').normalize('NFKC').toLowerCase();
        const roles = asArray(p.filter?.roles);
        const activeOnly = p.filter?.active === true;
        return all
          .filter((s) => !q || s.name.normalize('NFKC').toLowerCase().includes(q) || s.email.toLowerCase().includes(q))
          .filter((s) => !roles || s.roles.some((r) => roles.includes(r)))
          .filter((s) => !activeOnly || s.active);
      }
    }
  };
  return {
    query: STAFF_MEMBERS,
    variables: {},
    parseResponse: ({ data }) => {
      const rows = pick((data?.staffMembers ?? []) as Staff[]);
      if (raFetchMethod === GET_ONE) {
        if (!rows[0]) throw notFound('職員は見つかりません');
        return { data: rows[0] };
      }
      if (raFetchMethod === GET_MANY) return { data: rows };
      const p = params as GetListParams;
      const field = (p.sort?.field ?? 'name') as keyof Staff;
      const dir = p.sort?.order === 'DESC' ? -1 : 1;
      const sorted = [...rows].sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'ja') * dir);
      const { offset, limit } = page(p);
      return { data: sorted.slice(offset, offset + limit), total: sorted.length };
    },
  };
};

const buildQuery =
  () =>
  (raFetchMethod: string, resource: string, params: unknown): BuildQueryResult => {
    switch (resource) {
      case 'applications':
        return applicationsQuery(raFetchMethod, params);
      case 'offices':
        return officesQuery(raFetchMethod, params);
      case 'staff':
        return staffQuery(raFetchMethod, params);
      default:
        throw new Error(`Unknown resource ${resource}`);
    }
  };

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  BAD_USER_INPUT: 400,
};

/**
 * Re-throws whatever the data layer threw as a react-admin HttpError whose message is the server's
 * (Japanese) message, whose status follows `extensions.code`, and whose body keeps the GraphQL errors
 * (`body.code`, `body.fieldErrors`) for callers that need them.
 */
export const toHttpError = (error: unknown): HttpError => {
  if ((error as { name?: string } | null)?.name === 'AbortError') throw error;
  const errors = graphQLErrorsOf(error);
  if (errors.length > 0) {
    const code = errors.find((e) => e.extensions?.code)?.extensions?.code;
    const message = [...new Set(errors.map((e) => e.message))].join('\n');
    return new HttpError(message, (code && STATUS_BY_CODE[code]) || 500, {
      graphQLErrors: errors,
      code,
      fieldErrors: errors.flatMap((e) => e.extensions?.fieldErrors ?? []),
    });
  }
  const status = (error as { status?: number } | null)?.status;
  const message = error instanceof Error ? error.message : String(error);
  if (/fetch|network|status code 5\d\d/i.test(message)) return new HttpError('naccs.errors.network', status || 503);
  return new HttpError(message, status || 500);
};

const graphqlProvider = buildDataProvider({
  client: apolloClient,
  introspection: false,
  buildQuery,
  query: () => ({ fetchPolicy: 'no-cache' }),
});

const wrap =
  <K extends keyof DataProvider>(method: K) =>
  async (...args: unknown[]) => {
    try {
      return await (graphqlProvider[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (error) {
      throw toHttpError(error);
    }
  };

/** The console's data provider: read-only resources applications, offices, staff. */
export const dataProvider = {
  getList: wrap('getList'),
  getOne: wrap('getOne'),
  getMany: wrap('getMany'),
  getManyReference: wrap('getManyReference'),
  create: wrap('create'),
  update: wrap('update'),
  updateMany: wrap('updateMany'),
  delete: wrap('delete'),
  deleteMany: wrap('deleteMany'),
} as DataProvider;
