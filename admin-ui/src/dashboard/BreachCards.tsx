import { useTranslate } from 'react-admin';
import { CardRow, FigureCard } from './FigureCard';
import { applicationsListPath } from './listLink';
import { useDashboardText } from './messages';
import type { Breaches } from './types';

/**
 * Service-level breaches. Only the customer's overdue answers have a list to open (the 確認事項あり queue); the list
 * has no filter for the lead time or the システム設定申込締切日, so those cards are figures only.
 */
export const BreachCards = ({ breaches }: { breaches: Breaches }) => {
  const translate = useTranslate();
  const t = useDashboardText();
  const returned = translate('enums.ReviewQueue.RETURNED');
  return (
    <CardRow min={220}>
      <FigureCard
        testId="dashboard-breach-insideLeadTime"
        label={t('inside_lead_time')}
        hint={t('inside_lead_time_hint')}
        value={breaches.insideLeadTime}
        tone="warning"
      />
      <FigureCard
        testId="dashboard-breach-systemSettingsDeadline"
        label={t('system_settings_deadline')}
        hint={t('system_settings_deadline_hint')}
        value={breaches.systemSettingsDeadline}
        tone="error"
      />
      <FigureCard
        testId="dashboard-breach-returnedWaiting"
        label={t('returned_waiting')}
        hint={t('returned_waiting_hint', { days: breaches.returnedWaitingDays })}
        value={breaches.returnedWaiting}
        tone="warning"
        to={applicationsListPath({}, 'RETURNED')}
        linkLabel={t('open_list', { name: returned })}
      />
    </CardRow>
  );
};
