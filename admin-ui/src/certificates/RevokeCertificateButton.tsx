import BlockIcon from '@mui/icons-material/Block';
import { IconButton, Tooltip } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { REVOKE_CERTIFICATE } from './certificateQueries';
import type { Certificate } from './certificateTypes';
import { ReasonConfirmDialog } from './ReasonConfirmDialog';

/**
 * 失効 (supervisors) of an acquired certificate, by serial: a required reason, a confirmation (it cannot be undone:
 * the certificate goes on the CRL and the terminal needs a reissue to connect again).
 */
export const RevokeCertificateButton = ({ certificate }: { certificate: Certificate }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  if (!certificate.serial) return null;
  const args = { terminal: certificate.terminalName, serial: certificate.serial };
  const label = translate('naccs.certificates.revoke.button_for', args);
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          size="small"
          color="error"
          aria-label={label}
          onClick={(e: MouseEvent) => {
            e.stopPropagation();
            setOpen(true);
          }}
          data-testid={`revoke-certificate-${certificate.terminalName}`}
        >
          <BlockIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <ReasonConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="naccs.certificates.revoke.title"
        titleArgs={args}
        description="naccs.certificates.revoke.description"
        consequence="naccs.certificates.revoke.consequence"
        label="naccs.certificates.revoke.reason"
        confirmLabel="naccs.certificates.revoke.confirm"
        confirmColor="error"
        busy={busy}
        testId="revoke-certificate-dialog"
        onSubmit={(reason) =>
          run(REVOKE_CERTIFICATE, { serial: certificate.serial, reason }, { success: 'naccs.certificates.revoke.done', successArgs: args })
        }
      />
    </>
  );
};
