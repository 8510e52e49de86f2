import { Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { DialogCancelButton, DialogConfirmButton } from '../components/DialogButtons';
import { useEnumLabel } from '../components/display';
import { Item, ItemGrid } from '../components/display';
import { profileChanges } from './changeDiff';
import type { ChangeFormValues } from './changeTypes';
import { FieldChangesTable } from './SectionChanges';
import { BILLING_ITEMS, PROFILE_ITEMS, TERMINAL_ITEMS, USER_CODE_ITEMS, itemFlags } from './toChangeInput';

const C = (key: string) => `resources.intake.change.${key}`;

/** The rows the application adds and abolishes, one line each (追加 SMTP/POP3 1個, 廃止 NAC00101…). */
const useRowLines = (values: ChangeFormValues): string[] => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const items = values.changeItems ?? [];
  const has = (...xs: string[]) => xs.some((x) => items.includes(x as never));
  const lines: string[] = [];
  if (has(...USER_CODE_ITEMS)) {
    for (const uc of values.currentUserCodes ?? []) {
      if (uc.abolish && has('USER_CODE')) lines.push(translate(C('line.abolishUserCode'), { code: uc.userCode }));
      for (const u of uc.userIds ?? []) if (u.abolish || (uc.abolish && has('USER_CODE'))) lines.push(translate(C('line.abolishUserId'), { id: u.userId ?? `${uc.userCode}${u.identNo}` }));
      for (const a of uc.additions ?? []) lines.push(translate(C('line.addUserIds'), { code: uc.userCode, n: a.identCount ?? '' }));
      const flags = itemFlags(items)
        .filter((f) => !uc.abolish && !!uc[f] !== !!uc.registered?.[f])
        .map((f) => `${translate(`resources.intake.fields.userCode.${f}`)} ${translate(uc[f] ? 'naccs.yes' : 'naccs.no')}`);
      if (flags.length) lines.push(translate(C('line.flags'), { code: uc.userCode, flags: flags.join('、') }));
    }
  }
  if (has('GENERAL_LINE')) {
    const kind = (l: { lineType?: string | null; speed?: string | null }) => ({ type: enumLabel('LineType', l.lineType), speed: l.speed ?? '' });
    for (const l of values.lines ?? []) lines.push(translate(C('line.addLine'), kind(l)));
    for (const l of values.currentLines ?? []) {
      if (l.abolish) lines.push(translate(C('line.abolishLine'), { ip: l.ipAddress ?? '' }));
      else if (l.change) lines.push(translate(C('line.changeLine'), { ip: l.ipAddress ?? '', ...kind(l) }));
    }
  }
  if (values.otherChange) lines.push(translate(C('line.otherChange'), { change: enumLabel('OtherChange', values.otherChange) }));
  if (has(...TERMINAL_ITEMS)) {
    for (const t of values.terminals ?? []) lines.push(translate(C('line.addTerminals'), { type: enumLabel('TerminalType', t.terminalType), n: t.count ?? '' }));
    for (const t of values.currentTerminals ?? []) if (t.abolish) lines.push(translate(C('line.abolishTerminal'), { name: t.terminalName }));
  }
  if (has('MAILBOX')) {
    for (const m of values.mailboxes ?? []) lines.push(translate(C('line.addMailboxes'), { type: enumLabel('MailboxType', m.mailboxType), n: m.count ?? '' }));
    for (const m of values.currentMailboxes ?? []) if (m.abolish) lines.push(translate(C('line.abolishMailbox'), { id: m.mailboxId }));
  }
  return lines;
};

/**
 * 変更申込 入力確認 (seed 002 ⑦): the office, the items, 変更前/変更後 of the overwritten fields and the rows added or
 * abolished, before anything is sent. Enter / the focused button registers it; Esc goes back to the form.
 */
export const ChangeConfirmDialog = ({
  open,
  officeLabel,
  submitting,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  officeLabel: string;
  submitting: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const { getValues, formState } = useFormContext<ChangeFormValues>();
  const values = open ? getValues() : null;
  const initial = formState.defaultValues as ChangeFormValues | undefined;
  const rowLines = useRowLines(values ?? ({} as ChangeFormValues));
  if (!values) return null;
  const items = values.changeItems ?? [];
  const profileItems = items.filter((i) => [...PROFILE_ITEMS, ...BILLING_ITEMS, 'PLAN'].includes(i));
  const changes = initial ? profileChanges(initial, values, profileItems) : [];
  return (
    <Dialog open={open} onClose={submitting ? undefined : onCancel} maxWidth="md" fullWidth disableRestoreFocus aria-labelledby="change-confirm-title">
      <DialogTitle id="change-confirm-title">{translate(C('confirm_title'))}</DialogTitle>
      <DialogContent dividers data-testid="change-confirm">
        <ItemGrid>
          <Item label={C('office')}>{officeLabel}</Item>
          <Item label={C('items')} wide>
            {items.length ? items.map((i) => enumLabel('ChangeItem', i)).join('、') : translate(C('no_items'))}
          </Item>
          <Item label="resources.intake.fields.desiredStartDate">{values.desiredStartDate || '—'}</Item>
        </ItemGrid>
        {changes.length ? (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2, fontWeight: 700 }}>{translate('naccs.change.before')} / {translate('naccs.change.after')}</Typography>
            <FieldChangesTable changes={changes} testId="change-confirm-fields" />
          </>
        ) : null}
        {rowLines.length ? (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2, fontWeight: 700 }}>{translate(C('rows'))}</Typography>
            <List dense disablePadding sx={{ listStyle: 'disc', pl: 3 }} data-testid="change-confirm-rows">
              {rowLines.map((line, i) => (
                <ListItem key={i} disablePadding sx={{ display: 'list-item' }}>{line}</ListItem>
              ))}
            </List>
          </>
        ) : null}
        {!changes.length && !rowLines.length ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{translate(C('nothing_changed'))}</Typography>
        ) : null}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{translate(C('confirm_hint'))}</Typography>
      </DialogContent>
      <DialogActions>
        <DialogCancelButton onClick={onCancel} busy={submitting} />
        <DialogConfirmButton busy={submitting} icon={<SendIcon />} onClick={onConfirm} autoFocus data-testid="change-confirm-submit">
          {translate(C('register'))}
        </DialogConfirmButton>
      </DialogActions>
    </Dialog>
  );
};
