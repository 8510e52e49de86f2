import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Marked, usePendingFrom } from '../offices/PendingChanges';
import type { ApplicationChange } from '../types';
import { isAbolition, useChangeValueText } from './changeLabels';

/** A person's fields in the order a Japanese name is read: 姓 before 名 (the server lists fields alphabetically). */
const PERSON_ORDER = ['lastName', 'firstName', 'lastNameKana', 'firstNameKana', 'department', 'title', 'phone', 'fax', 'email'];
const rank = (field: string): string => {
  const leaf = field.split('.').at(-1)!;
  const i = PERSON_ORDER.indexOf(leaf);
  return i < 0 ? field : `${field.slice(0, -leaf.length)}\u0000${i}`;
};

/** The changes in reading order: by item as the server gives them, a person's fields 姓・名 first. */
export const inReadingOrder = (changes: readonly ApplicationChange[]): ApplicationChange[] =>
  [...changes].sort((a, b) => (a.item === b.item ? rank(a.field).localeCompare(rank(b.field)) : 0));

/**
 * One change inline: 変更前 struck through, then 変更後 highlighted — announced as "変更前 …、変更後 …" (the strike-through
 * and colour are not the only sign). An abolished row's 変更後 reads 廃止.
 */
export const ChangeInline = ({ change }: { change: Pick<ApplicationChange, 'field' | 'before' | 'after'> }) => {
  const translate = useTranslate();
  const valueText = useChangeValueText();
  const pendingFrom = usePendingFrom();
  const none = translate('naccs.change.empty');
  const before = valueText(change.field, change.before) || none;
  const after = isAbolition(change.field, change.after)
    ? translate('naccs.change_rows.abolished')
    : valueText(change.field, change.after) || none;
  return (
    <Box
      component="span"
      role="group"
      data-testid="change-inline"
      data-field={change.field}
      aria-label={translate('naccs.change_rows.inline', { before, after })}
      sx={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 0.75 }}
    >
      <Box component="del" aria-hidden sx={{ color: 'text.secondary', whiteSpace: 'pre-wrap' }}>
        {before}
      </Box>
      <span aria-hidden>→</span>
      <span aria-hidden>
        <Marked testId="change-after">{pendingFrom(after)}</Marked>
      </span>
    </Box>
  );
};
