import RestoreIcon from '@mui/icons-material/Restore';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { ROLLBACK_NOTIFICATION_TEMPLATE } from './templateQueries';
import type { ReturnedTemplate } from './templateTypes';


/**
 * この版に戻す (supervisors): after a confirmation, the server saves the old version's content as a new version (the
 * history keeps everything). An unsaved draft is discarded: the confirmation says so.
 */
export const RollbackButton = ({
  templateKey,
  version,
  latestVersion,
  dirty,
  onDone,
  variant = 'text',
}: {
  templateKey: string;
  version: number;
  latestVersion: number;
  dirty: boolean;
  onDone: (template: ReturnedTemplate) => void;
  variant?: 'text' | 'outlined' | 'contained';
}) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  const args = { version, next: latestVersion + 1 };
  return (
    <>
      <Button
        size="small"
        color="warning"
        variant={variant}
        startIcon={<RestoreIcon />}
        onClick={() => setOpen(true)}
        disabled={busy}
        data-testid={`rollback-${version}`}
      >
        {translate('naccs.templates.rollback.button')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="naccs.templates.rollback.title"
        content={dirty ? 'naccs.templates.rollback.content_dirty' : 'naccs.templates.rollback.content'}
        confirm="naccs.templates.rollback.confirm"
        confirmColor="warning"
        translateOptions={args}
        onConfirm={async () => {
          const outcome = await run<{ rollbackNotificationTemplate: ReturnedTemplate }>(
            ROLLBACK_NOTIFICATION_TEMPLATE,
            { key: templateKey, version, expectedVersion: latestVersion },
            { success: 'naccs.templates.rollback.done', successArgs: args, notifyFieldErrors: true },
          );
          setOpen(false);
          if (outcome.ok && outcome.data) onDone(outcome.data.rollbackNotificationTemplate);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
