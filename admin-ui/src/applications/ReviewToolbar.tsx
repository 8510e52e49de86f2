import { Box, Divider, Typography } from '@mui/material';
import { ListButton, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useButtonShortcuts } from '../components/keyboard';
import type { Application } from '../types';
import { ApproveButton } from './ApproveButton';
import { AssignToButton } from './AssignToButton';
import { AssignToMeButton } from './AssignToMeButton';
import { CancelButton } from './CancelButton';
import { NextApplicationButton } from './nextApplication';
import { RecordSystemSettingsButton } from './RecordSystemSettingsButton';
import { ReturnButton } from './ReturnButton';
import { reviewActionsFor, type ReviewActions } from './reviewRules';
import { UnassignButton } from './UnassignButton';

/** A 自分に割り当て, R 確認事項 (差し戻し), S 審査終了: the reviewer's everyday actions without the mouse. */
const SHORTCUTS = { a: 'assign-to-me', r: 'return', s: 'approve' } as const;
/** The action each shortcut's button performs: a hint is shown only when its button is there. */
const SHORTCUT_ACTION: Record<(typeof SHORTCUTS)[keyof typeof SHORTCUTS], keyof ReviewActions> = {
  'assign-to-me': 'assignToMe',
  return: 'return',
  approve: 'approve',
};

/** The show page's actions: each button renders only when the status and the role allow it. */
export const ReviewToolbar = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  useButtonShortcuts('review-toolbar', SHORTCUTS);
  const actions = reviewActionsFor(record);
  const hints = Object.entries(SHORTCUTS).filter(([, action]) => actions[SHORTCUT_ACTION[action]]);
  return (
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="review-toolbar">
      {record ? (
        <>
          <NextApplicationButton />
          <AssignToMeButton record={record} />
          <AssignToButton record={record} />
          <UnassignButton record={record} />
          <ReturnButton record={record} />
          <ApproveButton record={record} />
          <RecordSystemSettingsButton record={record} />
          <CancelButton record={record} />
          {hints.length ? (
            <Typography variant="caption" color="text.secondary" data-testid="review-shortcuts" sx={{ display: { xs: 'none', md: 'block' } }}>
              {hints.map(([key, action]) => (
                <Box component="span" key={key} sx={{ mr: 1 }}>
                  <Box component="kbd" sx={{ px: 0.5, border: 1, borderColor: 'divider', borderRadius: 0.5, fontFamily: 'monospace' }}>
                    {key.toUpperCase()}
                  </Box>{' '}
                  {translate(`naccs.shortcuts.${action}`)}
                </Box>
              ))}
            </Typography>
          ) : null}
          <Divider orientation="vertical" flexItem />
        </>
      ) : null}
      <ListButton />
    </TopToolbar>
  );
};
