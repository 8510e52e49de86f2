import { useEffect } from 'react';

/** Typing in a field: single-key shortcuts stay out of the way. */
export const isEditable = (el: EventTarget | null): boolean => {
  if (!(el instanceof HTMLElement)) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
};

/**
 * Single-key shortcuts that press a button inside `scope` by its data-testid — only a button that is there (its
 * status and role allow it) and enabled, never while typing, with a modifier, or with a dialog open.
 */
export const useButtonShortcuts = (scope: string, keys: Readonly<Record<string, string>>) => {
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isEditable(e.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const testId = keys[e.key.toLowerCase()];
      const button = testId ? document.querySelector<HTMLButtonElement>(`[data-testid="${scope}"] [data-testid="${testId}"]`) : null;
      if (!button || button.disabled) return;
      e.preventDefault();
      button.click();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [scope, keys]);
};
