import { gql, type DocumentNode } from '@apollo/client';
import { print } from 'graphql';
import buildDataProvider, { type BuildQueryResult } from 'ra-data-graphql';
import {
  CREATE,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  HttpError,
  UPDATE,
  type CreateParams,
  type DataProvider,
  type GetListParams,
  type GetManyParams,
  type GetOneParams,
  type UpdateParams,
} from 'react-admin';
import { apolloClient, graphQLErrorsOf } from './graphqlClient';
import { applicationFilter, asArray, asText, compact, officeFilter, type Filter } from './listFilters';
import {
  API_KEYS,
  APPLICATION,
  APPLICATION_LIST_FIELDS,
  APPLICATION_LOOKUP,
  APPLICATIONS,
  APPROVAL_PREVIEW,
  AUDIT_LOG,
  BUSINESS_CALENDAR,
  CONTRACT_AS_OF,
  CREATE_STAFF,
  ID_NOTICE,
  NOTICES,
  OFFICE,
  OFFICE_LOOKUP,
  OFFICE_LIST_FIELDS,
  OFFICES,
  REVIEW_QUEUE_COUNTS,
  STAFF_ACCOUNTS,
  STAFF_MEMBERS,
  SUGGESTED_ABBREVIATION,
  UPDATE_STAFF,
} from './queries';
import type { ApiKey, Application, AuditEntry, CalendarDay, Notice, Office, Staff } from './types';

/** react-admin sort field → ApplicationSortField. Other columns are not sortable. */
export const APPLICATION_SORT_FIELDS: Record<string, string> = {
  receivedAt: 'RECEIVED_AT',
  receiptNo: 'RECEIPT_NO',
  desiredStartDate: 'DESIRED_START_DATE',
  status: 'STATUS',
};

const page = (params: Pick<GetListParams, 'pagination'>): { offset: number; limit: number } => {
  const { page: p = 1, perPage = 25 } = params.pagination ?? {};
  return { offset: (p - 1) * perPage, limit: perPage };
};


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

/**
 * Lists the server returns whole (staff, API keys): the console filters, sorts and pages them on the client.
 * `match` says whether a row passes the list's filter.
 */
const clientSideQuery = <T extends { id: string }>(
  raFetchMethod: string,
  params: unknown,
  query: DocumentNode,
  rowsOf: (data: Record<string, unknown>) => T[],
  match: (row: T, filter: Filter) => boolean,
  notFoundMessage: string,
  defaultSort: string,
): BuildQueryResult => ({
  query,
  variables: {},
  parseResponse: ({ data }) => {
    const all = rowsOf((data ?? {}) as Record<string, unknown>);
    switch (raFetchMethod) {
      case GET_ONE: {
        const row = all.find((s) => String(s.id) === String((params as GetOneParams).id));
        if (!row) throw notFound(notFoundMessage);
        return { data: row };
      }
      case GET_MANY: {
        const ids = new Set((params as GetManyParams).ids.map(String));
        return { data: all.filter((s) => ids.has(String(s.id))) };
      }
      default: {
        const p = params as GetListParams;
        const rows = all.filter((r) => match(r, p.filter ?? {}));
        const field = (p.sort?.field ?? defaultSort) as keyof T;
        const dir = p.sort?.order === 'DESC' ? -1 : 1;
        const sorted = [...rows].sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'ja') * dir);
        const { offset, limit } = page(p);
        return { data: sorted.slice(offset, offset + limit), total: sorted.length };
      }
    }
  },
});

const folded = (v: unknown): string => (asText(v) ?? '').normalize('NFKC').toLowerCase();

const staffMatches = (s: Staff, filter: Filter): boolean => {
  const q = folded(filter.q);
  const roles = asArray(filter.roles);
  return (
    (!q || s.name.normalize('NFKC').toLowerCase().includes(q) || s.email.toLowerCase().includes(q)) &&
    (!roles || s.roles.some((r) => roles.includes(r))) &&
    (filter.active !== true || s.active)
  );
};

/** `staffMembers` (everyone who may be a reviewer) for pickers and the assignee filter. */
const staffQuery = (raFetchMethod: string, params: unknown): BuildQueryResult =>
  clientSideQuery<Staff>(
    raFetchMethod,
    params,
    STAFF_MEMBERS,
    (d) => (d.staffMembers ?? []) as Staff[],
    staffMatches,
    '職員は見つかりません',
    'name',
  );

/** 職員アカウント (ADMIN): every account, with create and update. */
const staffAccountsQuery = (raFetchMethod: string, params: unknown): BuildQueryResult => {
  if (raFetchMethod === CREATE) {
    const { email, name, roles, password } = (params as CreateParams).data as Record<string, unknown>;
    return {
      query: CREATE_STAFF,
      variables: { input: { email: asText(email) ?? '', name: asText(name) ?? '', roles: roles ?? [], password: password ?? '' } },
      parseResponse: ({ data }) => ({ data: data.createStaff as Staff }),
    };
  }
  if (raFetchMethod === UPDATE) {
    const p = params as UpdateParams;
    const { name, roles, active } = p.data as Partial<Staff>;
    return {
      query: UPDATE_STAFF,
      variables: { id: String(p.id), input: compact({ name: asText(name), roles, active }) },
      parseResponse: ({ data }) => ({ data: data.updateStaff as Staff }),
    };
  }
  return clientSideQuery<Staff>(
    raFetchMethod,
    params,
    STAFF_ACCOUNTS,
    (d) => (d.staffAccounts ?? []) as Staff[],
    (s, filter) => staffMatches(s, filter) && (filter.inactive !== true || !s.active),
    '職員は見つかりません',
    'email',
  );
};

/** APIキー (ADMIN): created and revoked through their own dialogs (the secret is shown once). */
const apiKeysQuery = (raFetchMethod: string, params: unknown): BuildQueryResult =>
  clientSideQuery<ApiKey>(
    raFetchMethod,
    params,
    API_KEYS,
    (d) => (d.apiKeys ?? []) as ApiKey[],
    (k, filter) => {
      const q = folded(filter.q);
      const active = filter.activeOnly === true;
      return (!q || k.name.normalize('NFKC').toLowerCase().includes(q) || k.prefix.toLowerCase().includes(q)) && (!active || !k.revokedAt);
    },
    'APIキーは見つかりません',
    'createdAt',
  );

/** 監査ログ (ADMIN), newest first, paged by the server. */
const auditLogQuery = (raFetchMethod: string, params: unknown): BuildQueryResult => {
  if (raFetchMethod !== GET_LIST) throw new Error(`auditLog: ${raFetchMethod} is not supported`);
  const p = params as GetListParams;
  const f = p.filter ?? {};
  return {
    query: AUDIT_LOG,
    variables: {
      filter: compact({ actions: asArray(f.actions), staffId: asText(f.staffId), from: asText(f.from), to: asText(f.to) }),
      ...page(p),
    },
    parseResponse: ({ data }) => ({
      data: data.auditLog.items as AuditEntry[],
      total: data.auditLog.totalCount as number,
    }),
  };
};

/**
 * Read-only lookups that are not lists of records but are cached and refreshed like them (react-admin's
 * refresh reloads them after a review action): queue counts, the business-day calendar, the suggested
 * 企業略称, ID通知内容, 新着情報 and the contract on a date.
 */
const lookupQuery = (resource: string, raFetchMethod: string, params: unknown): BuildQueryResult => {
  const one = params as GetOneParams;
  const list = params as GetListParams;
  switch (`${resource}:${raFetchMethod}`) {
    case `reviewQueueCounts:${GET_ONE}`:
      return {
        query: REVIEW_QUEUE_COUNTS,
        variables: { filter: applicationFilter(one.meta?.filter as Filter | undefined) },
        parseResponse: ({ data }) => ({ data: { id: String(one.id), ...data.reviewQueueCounts } }),
      };
    case `businessDays:${GET_LIST}`:
      return {
        query: BUSINESS_CALENDAR,
        variables: { from: asText(list.filter?.from) ?? '', to: asText(list.filter?.to) ?? '' },
        parseResponse: ({ data }) => {
          const days = (data.businessCalendar as Omit<CalendarDay, 'id'>[]).map((d) => ({ id: d.date, ...d }));
          return { data: days, total: days.length };
        },
      };
    case `abbreviationSuggestions:${GET_ONE}`:
      return {
        query: SUGGESTED_ABBREVIATION,
        variables: { applicationId: String(one.id) },
        parseResponse: ({ data }) => ({ data: { id: String(one.id), abbreviation: data.suggestedAbbreviation as string } }),
      };
    case `approvalPreviews:${GET_ONE}`: {
      const startDate = asText(one.meta?.startDate) ?? '';
      return {
        query: APPROVAL_PREVIEW,
        variables: { applicationId: String(one.id), startDate },
        parseResponse: ({ data }) => ({ data: { id: `${String(one.id)}:${startDate}`, ...data.approvalPreview } }),
      };
    }
    case `idNotices:${GET_ONE}`:
      return {
        query: ID_NOTICE,
        variables: { applicationId: String(one.id), revealPasswords: one.meta?.revealPasswords === true },
        parseResponse: ({ data }) => ({ data: { id: String(one.id), ...data.idNotice } }),
      };
    case `notices:${GET_LIST}`: {
      const officeCode = asText(list.filter?.officeCode);
      if (!officeCode) return { query: gql`query Nothing { __typename }`, variables: {}, parseResponse: () => ({ data: [], total: 0 }) };
      return {
        query: NOTICES,
        variables: { officeCode, limit: list.pagination?.perPage ?? 10 },
        parseResponse: ({ data }) => ({ data: data.notices as Notice[], total: (data.notices as Notice[]).length }),
      };
    }
    case `contractSnapshots:${GET_ONE}`: {
      const date = asText(one.meta?.date) ?? '';
      return {
        query: CONTRACT_AS_OF,
        variables: { id: String(one.id), date },
        parseResponse: ({ data }) => {
          if (!data?.office) throw notFound('事業所は見つかりません');
          return { data: { id: `${String(one.id)}:${date}`, ...data.office.contractAsOf } };
        },
      };
    }
    default:
      throw new Error(`${resource}: ${raFetchMethod} is not supported`);
  }
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
      case 'staffAccounts':
        return staffAccountsQuery(raFetchMethod, params);
      case 'apiKeys':
        return apiKeysQuery(raFetchMethod, params);
      case 'auditLog':
        return auditLogQuery(raFetchMethod, params);
      case 'reviewQueueCounts':
      case 'businessDays':
      case 'abbreviationSuggestions':
      case 'approvalPreviews':
      case 'idNotices':
      case 'notices':
      case 'contractSnapshots':
        return lookupQuery(resource, raFetchMethod, params);
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
    const fieldErrors = errors.flatMap((e) => e.extensions?.fieldErrors ?? []);
    return new HttpError(message, (code && STATUS_BY_CODE[code]) || 500, {
      graphQLErrors: errors,
      code,
      fieldErrors,
      // react-admin's forms put `errors[source]` on their inputs (server-side validation): `input.email` → `email`.
      errors: fieldErrors.length
        ? Object.fromEntries(fieldErrors.map((f) => [f.path.replace(/^input\./, ''), f.message]))
        : undefined,
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

/**
 * The console's data provider: applications, offices and staff (read-only; the review actions are mutations of
 * their own), the admin's staffAccounts (create, update), apiKeys and auditLog, and the lookups above.
 */
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
