import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Button, CircularProgress, Dialog, DialogContent, IconButton, Tooltip } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useGetOne, useTranslate } from 'react-admin';
import type { Application } from '../types';
import { ApproveDialog } from './ApproveDialog';
import { reviewActionsFor } from './reviewRules';

/**
 * 審査終了: opens the approve dialog (審査中 applications, for their reviewer or a supervisor). On the show page a
 * button; on a list row (compact) an icon, whose dialog first loads the whole application (dates advice, 申込結果).
 */
export const ApproveButton = ({ record, compact }: { record: Application; compact?: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!reviewActionsFor(record).approve) return null;
  const label = translate('naccs.review.approve');
  const openDialog = (e: MouseEvent) => {
    e.stopPropagation(); // on a list row: do not open the record
    setOpen(true);
  };
  const close = () => setOpen(false);
  return (
    <>
      {compact ? (
        <Tooltip title={label}>
          <IconButton size="small" color="success" onClick={openDialog} aria-label={label} data-testid="approve">
            <CheckCircleIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <Button size="small" variant="contained" color="success" startIcon={<CheckCircleIcon />} onClick={openDialog} data-testid="approve">
          {label}
        </Button>
      )}
      {/* Mounted only while open: every opening starts from the record's current dates. */}
      {open && !compact ? <ApproveDialog record={record} open onClose={close} /> : null}
      {open && compact ? (
        // React passes the portal dialog's clicks up to the row, which would open the record: stop them here.
        <span onClick={(e) => e.stopPropagation()}>
          <LoadedApproveDialog id={record.id} onClose={close} />
        </span>
      ) : null}
    </>
  );
};

/** The approve dialog for a list row: the row holds only the list's fields, so the application is loaded first. */
const LoadedApproveDialog = ({ id, onClose }: { id: string; onClose: () => void }) => {
  const { data } = useGetOne<Application>('applications', { id });
  if (!data) {
    return (
      <Dialog open onClose={onClose}>
        <DialogContent>
          <CircularProgress size={28} />
        </DialogContent>
      </Dialog>
    );
  }
  return <ApproveDialog record={data} open onClose={onClose} />;
};
