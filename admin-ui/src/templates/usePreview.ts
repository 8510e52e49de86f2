import { useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { apolloClient, errorCodeOf } from '../graphqlClient';
import { errorMessageOf, fieldErrorsOf } from '../intake/fieldErrors';
import type { FieldError } from '../intake/inputTypes';
import { PREVIEW_NOTIFICATION } from './templateQueries';
import type { RenderedNotification, TemplateDraft } from './templateTypes';

export interface PreviewState {
  /** The last draft the server could render (kept, dimmed, while the current one has errors). */
  result?: RenderedNotification;
  /** Whether `result` is the current draft's rendering. */
  current: boolean;
  loading: boolean;
  /** Why the current draft cannot be rendered: the server's fieldErrors (variable, line) or its message. */
  errors: FieldError[];
  message?: string;
}

/** How long typing pauses before the draft is sent for a preview. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The live preview of a template draft: `previewNotification` with the draft's subject/text/html and, when one is
 * chosen, a real application's data (else the event's sample values). Sent once typing pauses; an answer to an
 * older draft is dropped.
 */
export const usePreview = (key: string | undefined, draft: TemplateDraft | undefined, applicationId: string | undefined): PreviewState => {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [state, setState] = useState<PreviewState>({ current: false, loading: false, errors: [] });
  const seq = useRef(0);
  const subject = draft?.subject;
  const text = draft?.text;
  const html = draft?.html;

  useEffect(() => {
    if (!key || subject === undefined || text === undefined) return undefined;
    const id = ++seq.current;
    setState((s) => ({ ...s, loading: true, current: false }));
    const handle = setTimeout(() => {
      apolloClient
        .query<{ previewNotification: RenderedNotification }>({
          query: PREVIEW_NOTIFICATION,
          variables: { key, applicationId: applicationId ?? null, subject, text, html: html?.trim() ? html : null },
        })
        .then(({ data }) => {
          if (id !== seq.current) return;
          setState({ result: data.previewNotification, current: true, loading: false, errors: [] });
        })
        .catch(async (error: unknown) => {
          if (id !== seq.current) return;
          if (errorCodeOf(error) === 'UNAUTHENTICATED') await logoutIfAccessDenied(error);
          setState((s) => ({
            result: s.result,
            current: false,
            loading: false,
            errors: fieldErrorsOf(error),
            message: errorMessageOf(error),
          }));
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(handle);
  }, [key, subject, text, html, applicationId, logoutIfAccessDenied]);

  return state;
};
