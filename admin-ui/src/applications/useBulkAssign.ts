import { useCallback, useState } from 'react';
import { useDataProvider, useListContext, useNotify, useRefresh, useUnselectAll } from 'react-admin';
import { apolloClient } from '../graphqlClient';
import { errorMessageOf } from '../intake/fieldErrors';
import { ASSIGN_APPLICATION } from '../queries';
import type { Application } from '../types';

/**
 * Assigns the selected applications one by one, each with its own current version, and reports once:
 * how many were assigned, and the first refusal in the server's words (e.g. 既に他の審査担当者が担当しています).
 */
export const useBulkAssign = () => {
  const { data = [], selectedIds, resource } = useListContext<Application>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource ?? 'applications');
  const [busy, setBusy] = useState(false);

  const assign = useCallback(
    async (assigneeId?: string) => {
      setBusy(true);
      let done = 0;
      const refusals: string[] = [];
      try {
        for (const id of selectedIds) {
          try {
            const record =
              data.find((r) => String(r.id) === String(id)) ??
              (await dataProvider.getOne<Application>('applications', { id })).data;
            await apolloClient.mutate({
              mutation: ASSIGN_APPLICATION,
              variables: { id: record.id, expectedVersion: record.version, assigneeId },
            });
            done += 1;
          } catch (error) {
            refusals.push(errorMessageOf(error));
          }
        }
      } finally {
        setBusy(false);
      }
      if (done > 0) notify('naccs.review.bulk_assigned', { type: 'success', messageArgs: { smart_count: done } });
      if (refusals.length > 0) {
        notify('naccs.review.bulk_refused', {
          type: 'warning',
          multiLine: true,
          autoHideDuration: 10000,
          messageArgs: { smart_count: refusals.length, first: refusals[0] },
        });
      }
      unselectAll();
      refresh();
    },
    [data, selectedIds, dataProvider, notify, refresh, unselectAll],
  );

  return { assign, busy, count: selectedIds.length };
};
