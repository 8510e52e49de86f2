import { useNotify, useRedirect } from 'react-admin';

/**
 * When a show page cannot load its record, say why in the server's own words (e.g. 指定された申込は見つかりません。)
 * instead of react-admin's generic message, and go back to the list.
 */
export const useShowError = (resource: string) => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (error: unknown) => {
    const message = error instanceof Error && error.message ? error.message : 'ra.notification.item_doesnt_exist';
    notify(message, { type: 'error' });
    redirect('list', resource);
  };
};
