import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, CircularProgress, IconButton, Paper, Skeleton, Stack, Tooltip, Typography } from '@mui/material';
import { Suspense, type ReactNode } from 'react';
import { Title } from 'react-admin';
import { formatDateTime } from '../components/format';
import { lazyComponent } from '../lazyComponent';
import { ScopedDataProvider } from '../templates/ScopedDataProvider';
import { BreachCards } from './BreachCards';
import { DASHBOARD_RESOURCES } from './dashboardDataProvider';
import { useDashboardText } from './messages';
import { OldestUnassigned } from './OldestUnassigned';
import { QueueCards } from './QueueCards';
import type { ReviewDashboard } from './types';
import { useReviewDashboard } from './useReviewDashboard';
import { WorkloadTable } from './WorkloadTable';

// The charts (@mui/x-charts) are a chunk of their own, fetched once the figures are on screen.
const ThroughputChart = lazyComponent(() => import('./Charts'), 'ThroughputChart');
const AgeChart = lazyComponent(() => import('./Charts'), 'AgeChart');

/** A titled panel of the dashboard. */
const Panel = ({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId?: string }) => (
  <Paper variant="outlined" component="section" sx={{ p: 2, minWidth: 0 }} data-testid={testId} aria-label={title}>
    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
      {title}
    </Typography>
    {hint ? (
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {hint}
      </Typography>
    ) : null}
    {children}
  </Paper>
);

const ChartFallback = ({ height }: { height: number }) => {
  const t = useDashboardText();
  return <Skeleton variant="rectangular" height={height} aria-label={t('chart_loading')} />;
};

/** Two panels side by side on a wide screen, one above the other on a narrow one. */
const Columns = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>{children}</Box>
);

const Figures = ({ dashboard }: { dashboard: ReviewDashboard }) => {
  const t = useDashboardText();
  const noData = (
    <Typography color="text.secondary" role="status" sx={{ py: 2 }}>
      {t('no_data')}
    </Typography>
  );
  return (
    <Stack spacing={2}>
      <Panel title={t('queues')} testId="dashboard-queues">
        <QueueCards counts={dashboard.queueCounts} />
      </Panel>
      <Panel title={t('breaches')} testId="dashboard-breaches">
        <BreachCards breaches={dashboard.breaches} />
      </Panel>
      <Panel title={t('oldest_unassigned')} testId="dashboard-oldest">
        <OldestUnassigned rows={dashboard.oldestUnassigned} />
      </Panel>
      <Columns>
        <Panel title={t('received_age')} hint={t('received_age_hint')}>
          {dashboard.receivedAge.length === 0 ? noData : (
            <Suspense fallback={<ChartFallback height={240} />}>
              <AgeChart buckets={dashboard.receivedAge} label={t('received_age')} testId="received-age-chart" />
            </Suspense>
          )}
        </Panel>
        <Panel title={t('start_age')} hint={t('start_age_hint')}>
          {dashboard.startAge.length === 0 ? noData : (
            <Suspense fallback={<ChartFallback height={240} />}>
              <AgeChart buckets={dashboard.startAge} label={t('start_age')} testId="start-age-chart" />
            </Suspense>
          )}
        </Panel>
      </Columns>
      <Columns>
        <Panel title={t('throughput')} hint={t('throughput_hint')}>
          {dashboard.throughput.length === 0 ? noData : (
            <Suspense fallback={<ChartFallback height={280} />}>
              <ThroughputChart weeks={dashboard.throughput} />
            </Suspense>
          )}
        </Panel>
        <Panel title={t('workload')} testId="dashboard-workload-panel">
          <WorkloadTable rows={dashboard.workload} />
        </Panel>
      </Columns>
    </Stack>
  );
};

const DashboardPage = () => {
  const t = useDashboardText();
  const { dashboard, error, isPending, isFetching, refetch } = useReviewDashboard();
  return (
    <Box sx={{ py: 2 }} data-testid="dashboard">
      <Title title={t('title')} />
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('title')}
        </Typography>
        {dashboard ? (
          <Typography variant="body2" color="text.secondary" data-testid="dashboard-as-of">
            {t('as_of', { time: formatDateTime(dashboard.asOf) })}
          </Typography>
        ) : null}
        <Tooltip title={t('refresh')}>
          <span>
            <IconButton onClick={() => void refetch()} disabled={isFetching} aria-label={t('refresh')} size="small" data-testid="dashboard-refresh">
              {isFetching ? <CircularProgress size={18} /> : <RefreshIcon fontSize="small" />}
            </IconButton>
          </span>
        </Tooltip>
      </Stack>
      {error && !dashboard ? (
        <Alert
          severity="error"
          data-testid="dashboard-error"
          action={
            <Button color="inherit" size="small" onClick={() => void refetch()}>
              {t('retry')}
            </Button>
          }
        >
          {t('error')}
          {error instanceof Error && error.message ? `: ${error.message}` : null}
        </Alert>
      ) : isPending || !dashboard ? (
        <Stack direction="row" spacing={1.5} alignItems="center" role="status" sx={{ py: 6, justifyContent: 'center' }}>
          <CircularProgress size={24} />
          <Typography color="text.secondary">{t('loading')}</Typography>
        </Stack>
      ) : (
        <>
          {error ? (
            // A later reading failed: the figures stay, said to be those of their time.
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="dashboard-stale">
              {t('stale', { time: formatDateTime(dashboard.asOf) })}
            </Alert>
          ) : null}
          <Figures dashboard={dashboard} />
        </>
      )}
    </Box>
  );
};

/**
 * ダッシュボード, the console's home page: queue counts, service-level breaches, the oldest unassigned applications
 * (with 自分に割り当て for those who take them), the age distributions, throughput and each reviewer's workload.
 * What each role sees follows its operations from the server (access.ts); the server still decides every call.
 */
export const Dashboard = () => (
  <ScopedDataProvider resources={DASHBOARD_RESOURCES}>
    <DashboardPage />
  </ScopedDataProvider>
);
