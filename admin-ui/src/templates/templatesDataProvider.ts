import type { GetListParams, GetManyParams, GetOneParams } from 'react-admin';
import { apolloClient } from '../graphqlClient';
import type { ResourceProvider } from './ScopedDataProvider';
import { NOTIFICATION_TEMPLATE, NOTIFICATION_TEMPLATES } from './templateQueries';
import type { NotificationTemplate } from './templateTypes';

type Listed = Omit<NotificationTemplate, 'id'>;

const withId = <T extends { key: string }>(t: T) => ({ ...t, id: t.key });

const all = async (): Promise<NotificationTemplate[]> => {
  const { data } = await apolloClient.query<{ notificationTemplates: Listed[] }>({ query: NOTIFICATION_TEMPLATES });
  return data.notificationTemplates.map(withId);
};

const folded = (s: unknown): string => (typeof s === 'string' ? s.normalize('NFKC').toLowerCase().trim() : '');

/**
 * 通知テンプレート as a react-admin resource `templates` (id = the event key, e.g. application-approved). The server
 * returns every template at once (one per e-mail event): the list filters by 通知名/key/件名 on the client.
 */
export const templatesDataProvider: ResourceProvider = {
  getList: async (_resource: string, params: GetListParams) => {
    const q = folded(params.filter?.q);
    const rows = (await all()).filter(
      (t) => !q || [t.label, t.key, t.subject].some((s) => s.normalize('NFKC').toLowerCase().includes(q)),
    );
    return { data: rows, total: rows.length };
  },
  getOne: async (_resource: string, params: GetOneParams) => {
    const { data } = await apolloClient.query<{ notificationTemplate: Listed }>({
      query: NOTIFICATION_TEMPLATE,
      variables: { key: String(params.id) },
    });
    return { data: withId(data.notificationTemplate) };
  },
  getMany: async (_resource: string, params: GetManyParams) => {
    const ids = new Set(params.ids.map(String));
    return { data: (await all()).filter((t) => ids.has(t.id)) };
  },
};

/** The resources the template pages read (ScopedDataProvider). */
export const TEMPLATE_RESOURCES = { templates: templatesDataProvider };
