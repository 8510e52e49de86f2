import type { DocumentNode } from '@apollo/client';
import { useCallback, useRef, useState } from 'react';
import { useLogoutIfAccessDenied, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apolloClient, errorCodeOf } from '../graphqlClient';
import { errorMessageOf, fieldErrorsOf } from '../intake/fieldErrors';
import type { FieldError } from '../intake/inputTypes';

export interface ActionOutcome<T> {
  ok: boolean;
  data?: T;
  /** BAD_USER_INPUT's fieldErrors: the caller shows them on its own fields. */
  fieldErrors: FieldError[];
  code?: string;
  message?: string;
}

/** Codes after which what the page shows is out of date: it reloads the record (and the queue counts). */
const STALE = new Set(['CONFLICT', 'INVALID_TRANSITION', 'NOT_FOUND', 'FORBIDDEN']);

/**
 * Runs one mutation of the console (review actions, admin actions) and says what happened in the server's own
 * Japanese words:
 * - success: an optional notification, then react-admin's refresh (records, lists, counts reload);
 * - BAD_USER_INPUT with fieldErrors: returned to the caller, which puts each message on its field;
 * - CONFLICT ("他の担当者が先に更新しました…"), INVALID_TRANSITION, FORBIDDEN, NOT_FOUND: the message, and the record
 *   is reloaded so the next try carries the current version;
 * - UNAUTHENTICATED: signed out, as for any other request.
 * A second call while one is out is ignored (a double click sends once).
 */
export const useServerAction = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const run = useCallback(
    async <T>(
      mutation: DocumentNode,
      variables: Record<string, unknown>,
      options: {
        success?: string;
        successArgs?: Record<string, unknown>;
        refreshAfter?: boolean;
        /** No field of the caller's to show them on: notify the fieldErrors' messages instead. */
        notifyFieldErrors?: boolean;
      } = {},
    ): Promise<ActionOutcome<T>> => {
      if (inFlight.current) return { ok: false, fieldErrors: [] };
      inFlight.current = true;
      setBusy(true);
      try {
        const { data } = await apolloClient.mutate<T>({ mutation, variables });
        if (options.success) notify(options.success, { type: 'success', messageArgs: options.successArgs });
        if (options.refreshAfter !== false) refresh();
        return { ok: true, data: data ?? undefined, fieldErrors: [] };
      } catch (error) {
        const code = errorCodeOf(error);
        const message = errorMessageOf(error);
        const fieldErrors = fieldErrorsOf(error);
        if (code === 'UNAUTHENTICATED') {
          await logoutIfAccessDenied(error);
          return { ok: false, fieldErrors, code, message };
        }
        if (code === 'BAD_USER_INPUT' && fieldErrors.length > 0) {
          if (options.notifyFieldErrors) notify(fieldErrors.map((e) => e.message).join('\n'), { type: 'error', multiLine: true });
          return { ok: false, fieldErrors, code, message };
        }
        if (code && STALE.has(code)) {
          notify(`${message}\n${translate('naccs.review.reloaded')}`, { type: 'error', multiLine: true, autoHideDuration: 10000 });
          refresh();
        } else {
          notify(message, { type: 'error', multiLine: true });
        }
        return { ok: false, fieldErrors, code, message };
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [notify, refresh, translate, logoutIfAccessDenied],
  );

  return { run, busy };
};
