import type { TemplateDraft } from './templateTypes';

/**
 * Variables the shared partials ({{> addressee}}, {{> footer}}) use: what the server counts as used when a template
 * includes a partial (server/src/notifications/templates.ts, PARTIAL_VARIABLES).
 */
const PARTIAL_VARIABLES = ['companyName', 'officeName', 'department', 'recipientName'];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The variables a draft mentions inside `{{…}}` (a hint for the variable list: the server's check at save is the
 * one that counts).
 */
export const usedVariables = (draft: TemplateDraft, names: readonly string[]): Set<string> => {
  const mustaches = [draft.subject, draft.text, draft.html].join('\n').match(/\{\{[^}]*\}\}/g) ?? [];
  const used = new Set<string>();
  for (const name of names) {
    const word = new RegExp(`(^|[^\\w.@])${escapeRegExp(name)}(?![\\w])`);
    if (mustaches.some((m) => word.test(m.slice(2, -2)))) used.add(name);
  }
  if (mustaches.some((m) => /^\{\{~?>/.test(m))) PARTIAL_VARIABLES.forEach((v) => used.add(v));
  return used;
};
