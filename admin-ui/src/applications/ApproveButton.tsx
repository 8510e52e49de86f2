import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useAccess } from '../access';
import type { Application } from '../types';
import { ApproveDialog } from './ApproveDialog';
import { reviewActionsFor } from './reviewRules';

/** 審査終了: opens the approve dialog (審査中 applications, for their reviewer or a supervisor). */
export const ApproveButton = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const { me } = useAccess();
  const [open, setOpen] = useState(false);
  if (!reviewActionsFor(record, me).approve) return null;
  return (
    <>
      <Button size="small" variant="contained" color="success" startIcon={<CheckCircleIcon />} onClick={() => setOpen(true)} data-testid="approve">
        {translate('naccs.review.approve')}
      </Button>
      {/* Mounted only while open: every opening starts from the record's current dates. */}
      {open ? <ApproveDialog record={record} open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
};
