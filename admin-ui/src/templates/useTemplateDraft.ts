import { useCallback, useEffect, useState } from 'react';
import { draftOf, sameDraft, type NotificationTemplate, type TemplateDraft } from './templateTypes';

type Saved = Pick<NotificationTemplate, 'key' | 'version' | 'subject' | 'text' | 'html'>;

interface Base {
  key: string;
  /** The saved version the draft started from: `expectedVersion` of the next save. */
  version: number;
  draft: TemplateDraft;
}

/**
 * The editor's draft of a template and the saved version it is based on.
 * - A newer version arriving (after a refresh) replaces an unchanged draft; a changed draft is kept and marked
 *   `stale` so the supervisor decides: load the newer version, or keep editing on top of it (rebase).
 * - After a save or rollback the editor adopts the version the server returned.
 */
export const useTemplateDraft = (record: NotificationTemplate | undefined) => {
  const [base, setBase] = useState<Base | null>(null);
  const [draft, setDraft] = useState<TemplateDraft | undefined>(undefined);

  const adopt = useCallback((t: Saved) => {
    const d = draftOf(t);
    setBase({ key: t.key, version: t.version, draft: d });
    setDraft(d);
  }, []);

  const dirty = !!base && !!draft && !sameDraft(base.draft, draft);

  useEffect(() => {
    if (!record) return;
    if (!base || base.key !== record.key) adopt(record);
    // Only a newer version counts: right after a save the cached record is still the older one for a moment.
    else if (record.version > base.version && !dirty) adopt(record);
  }, [record, base, dirty, adopt]);

  const stale = !!record && !!base && base.key === record.key && record.version > base.version;

  /** Keep the draft, now based on the latest version (the next save replaces it). */
  const rebase = useCallback(() => {
    if (record) setBase({ key: record.key, version: record.version, draft: draftOf(record) });
  }, [record]);

  /** Drop the changes: back to the version the draft is based on (or the latest one when stale). */
  const discard = useCallback(() => {
    if (record && stale) adopt(record);
    else if (base) setDraft(base.draft);
  }, [record, stale, base, adopt]);

  return { draft, setDraft, base, dirty, stale, adopt, rebase, discard };
};
