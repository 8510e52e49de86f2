import SettingsSuggestIcon from '@mui/icons-material/SettingsSuggest';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../components/format';
import { useServerAction } from '../components/useServerAction';
import { RECORD_SYSTEM_SETTINGS } from '../queries';
import type { Application } from '../types';
import { reviewActionsFor } from './reviewRules';

/** システム設定申込を記録: an approved new application's settings application arrived (stops the deadline cancellation). */
export const RecordSystemSettingsButton = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  if (!reviewActionsFor(record).recordSystemSettings) return null;
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<SettingsSuggestIcon />} onClick={() => setOpen(true)} data-testid="record-system-settings">
        {translate('naccs.review.record_system_settings')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="naccs.system_settings.title"
        content="naccs.system_settings.content"
        translateOptions={{ receiptNo: record.receiptNo, deadline: formatDate(record.systemSettingsDeadline, locale, true) }}
        onConfirm={async () => {
          await run(RECORD_SYSTEM_SETTINGS, { applicationId: record.id }, { success: 'naccs.system_settings.done' });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
