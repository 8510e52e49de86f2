import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, Tooltip } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { copyText } from './copyText';

/** A small copy-to-clipboard button beside a code or a password (`label` names what is copied). */
export const CopyButton = ({ value, label, disabled }: { value?: string | null; label: string; disabled?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  if (!value) return null;
  const title = translate('naccs.copy.label', { what: translate(label, { _: label }) });
  const copy = async () => {
    const ok = await copyText(value);
    notify(ok ? 'naccs.copy.done' : 'naccs.copy.failed', { type: ok ? 'info' : 'warning' });
  };
  return (
    <Tooltip title={title}>
      <span>
        <IconButton size="small" aria-label={title} onClick={() => void copy()} disabled={disabled} sx={{ ml: 0.5, p: 0.25 }}>
          <ContentCopyIcon sx={{ fontSize: 16 }} />
        </IconButton>
      </span>
    </Tooltip>
  );
};
