import { useTranslate } from 'react-admin';
import { useAccess } from '../access';
import { QUEUES } from '../applications/QueueTabs';
import { CardRow, FigureCard } from './FigureCard';
import { applicationsListPath } from './listLink';
import { useDashboardText } from './messages';
import type { ReviewDashboard } from './types';

/**
 * The queue tabs' counts as cards, each opening the list on its tab. 自分の担当 only for staff who take applications
 * (for the others it is always 0).
 */
export const QueueCards = ({ counts }: { counts: ReviewDashboard['queueCounts'] }) => {
  const translate = useTranslate();
  const t = useDashboardText();
  const { may } = useAccess();
  return (
    <CardRow>
      {QUEUES.filter(({ queue }) => queue !== 'MINE' || may('assignApplication')).map(({ queue, count }) => {
        const name = translate(`enums.ReviewQueue.${queue}`);
        return (
          <FigureCard
            key={queue}
            testId={`dashboard-queue-${queue}`}
            label={name}
            value={counts[count]}
            tone={queue === 'DUE_SOON' ? 'warning' : undefined}
            to={applicationsListPath({}, queue)}
            linkLabel={t('open_list', { name })}
          />
        );
      })}
    </CardRow>
  );
};
