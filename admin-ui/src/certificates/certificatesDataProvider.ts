import type { GetListParams } from 'react-admin';
import { apolloClient } from '../graphqlClient';
import { enumValues } from '../labels';
import { normalizeCode } from '../normalize';
import type { ResourceProvider } from '../templates/ScopedDataProvider';
import { CERTIFICATES } from './certificateQueries';
import type { Certificate } from './certificateTypes';

const code = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? normalizeCode(v) : undefined);

/** The list's filter as CertificateFilterInput (only the keys in use; codes folded as the server stores them). */
export const certificateFilter = (filter: Record<string, unknown> = {}) => {
  const known = enumValues('CertificateStatus') as string[];
  const status = (Array.isArray(filter.status) ? filter.status : [filter.status]).filter(
    (s): s is string => typeof s === 'string' && known.includes(s),
  );
  const days = filter.expiringWithinDays === '' || filter.expiringWithinDays == null ? NaN : Number(filter.expiringWithinDays);
  return Object.fromEntries(
    Object.entries({
      officeCode: code(filter.officeCode),
      terminalName: code(filter.terminalName),
      status: status.length ? status : undefined,
      expiringWithinDays: Number.isInteger(days) && days >= 0 ? days : undefined,
    }).filter(([, v]) => v !== undefined),
  );
};

/**
 * デジタル証明書 as a react-admin list resource `certificates`, paged by the server (newest first; soonest expiry
 * first when filtered by "expiring within N days").
 */
export const certificatesDataProvider: ResourceProvider = {
  getList: async (_resource: string, params: GetListParams) => {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const { data } = await apolloClient.query<{ certificates: { items: Certificate[]; totalCount: number } }>({
      query: CERTIFICATES,
      variables: { filter: certificateFilter(params.filter), offset: (page - 1) * perPage, limit: perPage },
    });
    return { data: data.certificates.items, total: data.certificates.totalCount };
  },
};

/** The resources the certificate page reads (ScopedDataProvider). */
export const CERTIFICATE_RESOURCES = { certificates: certificatesDataProvider };
