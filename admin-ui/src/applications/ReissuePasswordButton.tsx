import KeyIcon from '@mui/icons-material/Key';
import { IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDate } from '../components/format';
import { TextPromptDialog } from '../components/TextPromptDialog';
import { useServerAction } from '../components/useServerAction';
import type { ReissueTargetKind } from '../labels';
import { REISSUE_PASSWORD } from '../queries';

interface ReissueResult {
  reissuePassword: { readableUntil: string };
}

/**
 * パスワード再発行 (supervisors) of one 利用者ID, メールボックス or 事業所: a required reason, then a new password readable
 * until a new end of the reference period (the customer is told by e-mail and 新着情報).
 */
export const ReissuePasswordButton = ({ kind, code, onDone }: { kind: ReissueTargetKind; code: string; onDone?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  const target = `${translate(`enums.ReissueTargetKind.${kind}`)} ${code}`;
  const label = translate('naccs.reissue.button', { target });
  return (
    <>
      <Tooltip title={label}>
        <IconButton size="small" onClick={() => setOpen(true)} aria-label={label} data-testid={`reissue-${code}`}>
          <KeyIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <TextPromptDialog
        open={open}
        onClose={() => setOpen(false)}
        title="naccs.reissue.title"
        titleArgs={{ target }}
        description="naccs.reissue.description"
        label="naccs.reissue.reason"
        confirmLabel="naccs.reissue.confirm"
        confirmColor="warning"
        path="reason"
        rows={2}
        busy={busy}
        testId="reissue-dialog"
        onSubmit={async (reason) => {
          const outcome = await run<ReissueResult>(REISSUE_PASSWORD, { target: { kind, code }, reason });
          if (outcome.ok) {
            const until = formatDate(outcome.data?.reissuePassword.readableUntil, locale, true);
            notify('naccs.reissue.done', { type: 'success', messageArgs: { target, until } });
            onDone?.();
          }
          return outcome;
        }}
      />
    </>
  );
};
