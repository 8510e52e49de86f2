import { Divider } from '@mui/material';
import { ListButton, TopToolbar, useRecordContext } from 'react-admin';
import type { Application } from '../types';
import { ApproveButton } from './ApproveButton';
import { AssignToButton } from './AssignToButton';
import { AssignToMeButton } from './AssignToMeButton';
import { CancelButton } from './CancelButton';
import { RecordSystemSettingsButton } from './RecordSystemSettingsButton';
import { ReturnButton } from './ReturnButton';
import { UnassignButton } from './UnassignButton';

/** The show page's actions: each button renders only when the status and the role allow it. */
export const ReviewToolbar = () => {
  const record = useRecordContext<Application>();
  return (
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="review-toolbar">
      {record ? (
        <>
          <AssignToMeButton record={record} />
          <AssignToButton record={record} />
          <UnassignButton record={record} />
          <ReturnButton record={record} />
          <ApproveButton record={record} />
          <RecordSystemSettingsButton record={record} />
          <CancelButton record={record} />
          <Divider orientation="vertical" flexItem />
        </>
      ) : null}
      <ListButton />
    </TopToolbar>
  );
};
