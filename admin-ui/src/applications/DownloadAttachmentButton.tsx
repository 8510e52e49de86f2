import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { graphQLErrorsOf } from '../graphqlClient';
import type { Attachment } from '../types';
import { downloadAttachment } from './downloadAttachment';

/** Downloads one attachment of an application. */
export const DownloadAttachmentButton = ({ attachment }: { attachment: Attachment }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadAttachment(attachment.id);
    } catch (error) {
      const message = graphQLErrorsOf(error)[0]?.message || (error instanceof Error ? error.message : 'ra.notification.http_error');
      notify(message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={() => void download()}
      disabled={busy}
      startIcon={busy ? <CircularProgress size={14} /> : <DownloadIcon />}
      aria-label={translate('naccs.attachment.download_label', { fileName: attachment.fileName ?? '' })}
    >
      {translate('naccs.attachment.download')}
    </Button>
  );
};
