import AddCardIcon from '@mui/icons-material/AddCard';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { ApplicationPicker, type PickedApplication } from '../templates/ApplicationPicker';
import { ISSUE_CERTIFICATES } from './certificateQueries';
import type { Certificate } from './certificateTypes';
import { DialogCancelButton, DialogConfirmButton } from '../components/DialogButtons';

interface Issued {
  issueCertificates: { issuedCount: number; certificates: Certificate[] };
}

/**
 * 申込から発行 (reviewers, supervisors): the approved application's netNACCS/webNACCS terminals that have no
 * certificate yet get one (again and again gives the same result); the list then shows that office.
 */
export const IssueCertificatesButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { setFilters, displayedFilters } = useListContext();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  const [application, setApplication] = useState<PickedApplication | null>(null);

  const issue = async () => {
    if (!application) return;
    const outcome = await run<Issued>(ISSUE_CERTIFICATES, { applicationId: application.id }, { notifyFieldErrors: true });
    if (!outcome.ok || !outcome.data) return;
    const { issuedCount, certificates } = outcome.data.issueCertificates;
    notify(issuedCount > 0 ? 'naccs.certificates.issue.done' : 'naccs.certificates.issue.nothing', {
      type: issuedCount > 0 ? 'success' : 'info',
      messageArgs: { smart_count: issuedCount, receiptNo: application.receiptNo },
    });
    const officeCode = certificates.find((c) => c.officeCode)?.officeCode;
    if (officeCode) setFilters({ officeCode }, displayedFilters);
    setOpen(false);
    setApplication(null);
  };

  return (
    <>
      <Button size="small" startIcon={<AddCardIcon />} onClick={() => setOpen(true)} data-testid="issue-certificates">
        {translate('naccs.certificates.issue.button')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="issue-certificates-title">
        <DialogTitle id="issue-certificates-title">{translate('naccs.certificates.issue.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('naccs.certificates.issue.description')}</DialogContentText>
          <ApplicationPicker
            value={application}
            onChange={setApplication}
            label="naccs.certificates.issue.application"
            filter={{ status: ['APPROVED'] }}
            testId="issue-application"
          />
        </DialogContent>
        <DialogActions>
          <DialogCancelButton onClick={() => setOpen(false)} busy={busy} />
          <DialogConfirmButton busy={busy} disabled={!application} onClick={() => void issue()} data-testid="issue-certificates-confirm">
            {translate('naccs.certificates.issue.confirm')}
          </DialogConfirmButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
