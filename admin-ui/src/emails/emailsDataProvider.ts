import type { GetListParams } from 'react-admin';
import { apolloClient } from '../graphqlClient';
import type { ResourceProvider } from '../templates/ScopedDataProvider';
import { templatesDataProvider } from '../templates/templatesDataProvider';
import { OUTBOUND_EMAILS } from './emailQueries';
import { EMAIL_STATUSES, type OutboundEmail } from './emailTypes';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The list's filter as OutboundEmailFilter (only the keys in use). */
export const emailFilter = (filter: Record<string, unknown> = {}) => {
  const status = (Array.isArray(filter.status) ? filter.status : [filter.status]).filter((s): s is string =>
    (EMAIL_STATUSES as readonly unknown[]).includes(s),
  );
  return Object.fromEntries(
    Object.entries({
      status: status.length ? status : undefined,
      templateKey: text(filter.templateKey),
      q: text(filter.q),
      applicationId: text(filter.applicationId),
      possibleDuplicate: filter.possibleDuplicate === true ? true : undefined,
    }).filter(([, v]) => v !== undefined),
  );
};

/**
 * 送信ログ as a react-admin list resource `emails`: newest first, paged by the server (offset/limit). The API has no
 * query for one mail, so the console shows a mail from the list it was clicked in.
 */
export const emailsDataProvider: ResourceProvider = {
  getList: async (_resource: string, params: GetListParams) => {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const { data } = await apolloClient.query<{ outboundEmails: { items: OutboundEmail[]; totalCount: number } }>({
      query: OUTBOUND_EMAILS,
      variables: { filter: emailFilter(params.filter), offset: (page - 1) * perPage, limit: perPage },
    });
    return { data: data.outboundEmails.items, total: data.outboundEmails.totalCount };
  },
};

/** The resources the 送信ログ page reads: the mails, and the templates (通知名 of each key, the template filter). */
export const EMAIL_RESOURCES = { emails: emailsDataProvider, templates: templatesDataProvider };
