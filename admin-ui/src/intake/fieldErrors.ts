import { graphQLErrorsOf } from '../graphqlClient';
import type { FieldError } from './inputTypes';

/** The `extensions.fieldErrors` of a BAD_USER_INPUT error (empty for any other error). */
export const fieldErrorsOf = (error: unknown): FieldError[] =>
  graphQLErrorsOf(error)
    .filter((e) => e.extensions?.code === 'BAD_USER_INPUT')
    .flatMap((e) => e.extensions?.fieldErrors ?? [])
    .filter((e): e is FieldError => typeof e?.path === 'string' && typeof e?.message === 'string');

/** The server's message of any other error (already in Japanese). */
export const errorMessageOf = (error: unknown): string =>
  graphQLErrorsOf(error)[0]?.message || (error instanceof Error && error.message) || 'ra.notification.http_error';

const quote = (s: string) => s.replace(/["\\]/g, '\\$&');

/** The form input named exactly like an API path (react-admin inputs carry `name={source}`). */
export const inputNamed = (root: ParentNode, path: string): HTMLElement | null =>
  root.querySelector<HTMLElement>(`[name="${quote(path)}"]`);

/**
 * Where an error path shows on the page: the input of that name, a group's error slot (`data-error-path`),
 * an input below it (`office.emergencyFaxes` → its first box), or else the nearest parent path that shows.
 */
export const errorTarget = (root: ParentNode, path: string): HTMLElement | null => {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const el =
      root.querySelector<HTMLElement>(`[data-error-path="${quote(p)}"]`) ??
      inputNamed(root, p) ??
      root.querySelector<HTMLElement>(`[name^="${quote(p)}."]`);
    if (el) return el;
  }
  return null;
};

/** The element keyboard users land on for a target: the visible control of a MUI input, or the slot itself. */
const focusableOf = (target: HTMLElement): HTMLElement => {
  const control = target.closest<HTMLElement>('.MuiFormControl-root') ?? target;
  return (
    control.querySelector<HTMLElement>(
      'input:not([type="hidden"]):not([aria-hidden="true"]), textarea:not([aria-hidden="true"]), [role="combobox"], [tabindex="0"]',
    ) ?? target
  );
};

/** Scrolls to and focuses the first of the paths in page order. */
export const focusFirstError = (root: ParentNode, paths: string[]): void => {
  const targets = paths.map((p) => errorTarget(root, p)).filter((el): el is HTMLElement => !!el);
  if (targets.length === 0) return;
  const first = targets.reduce((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? b : a));
  const focusable = focusableOf(first);
  focusable.scrollIntoView({ block: 'center' });
  focusable.focus({ preventScroll: true });
};
