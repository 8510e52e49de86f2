import AutorenewIcon from '@mui/icons-material/Autorenew';
import { IconButton, Tooltip } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { REISSUE_CERTIFICATE } from './certificateQueries';
import type { Certificate } from './certificateTypes';
import { ReasonConfirmDialog } from './ReasonConfirmDialog';

/**
 * 再発行 (supervisors) of a terminal's certificate — PC replaced, locked, expired…: a required reason, a confirmation,
 * then new 認証コード with a new 取得期限; the customer hears by e-mail and 新着情報.
 */
export const ReissueCertificateButton = ({ certificate }: { certificate: Certificate }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  const args = { terminal: certificate.terminalName, office: certificate.officeCode ?? '' };
  const label = translate('naccs.certificates.reissue.button_for', args);
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          size="small"
          color="warning"
          aria-label={label}
          onClick={(e: MouseEvent) => {
            e.stopPropagation();
            setOpen(true);
          }}
          data-testid={`reissue-certificate-${certificate.terminalName}`}
        >
          <AutorenewIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <ReasonConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="naccs.certificates.reissue.title"
        titleArgs={args}
        description="naccs.certificates.reissue.description"
        consequence="naccs.certificates.reissue.consequence"
        label="naccs.certificates.reissue.reason"
        confirmLabel="naccs.certificates.reissue.confirm"
        busy={busy}
        testId="reissue-certificate-dialog"
        onSubmit={(reason) =>
          run(REISSUE_CERTIFICATE, { terminalName: certificate.terminalName, reason }, { success: 'naccs.certificates.reissue.done', successArgs: args })
        }
      />
    </>
  );
};
