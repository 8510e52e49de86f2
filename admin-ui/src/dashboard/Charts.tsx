import { Box, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../components/format';
import { useDashboardText } from './messages';
import type { AgeBucket, WeekThroughput } from './types';

/*
 * The dashboard's charts: @mui/x-charts is a chunk of its own (Dashboard.tsx loads this module lazily), so neither the
 * console's first load nor the dashboard's figures wait for it.
 */

/** 2026-11-30 → 11/30 (a week's Monday on the axis; the tooltip names the whole date). */
const monthDay = (iso: string): string => {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}/${Number(m[2])}` : iso;
};

/** Off screen, still read by screen readers. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  // px: in sx, 1 would be 100 %.
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * A chart's numbers as a table for screen readers: the SVG tells them nothing. (A table grows to its content whatever
 * its width, so the hidden box is a div around it.)
 */
const NumbersTable = ({ caption, head, rows }: { caption: string; head: string[]; rows: Array<[string, ...number[]]> }) => (
  <Box sx={VISUALLY_HIDDEN}>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, ...values]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {values.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </Box>
);

/** 審査終了 per week, 新規 / 変更 / 解約 stacked, oldest week first. */
export const ThroughputChart = ({ weeks }: { weeks: WeekThroughput[] }) => {
  const translate = useTranslate();
  const t = useDashboardText();
  const [locale] = useLocaleState();
  const week = (iso: string) => t('week_of', { date: formatDate(iso, locale) });
  const kind = (k: string) => translate(`enums.ApplicationKind.${k}`, { _: k });
  const series = [
    { key: 'new', label: kind('NEW') },
    { key: 'change', label: kind('CHANGE') },
    { key: 'termination', label: kind('TERMINATION') },
  ] as const;
  return (
    <Box data-testid="throughput-chart" role="figure" sx={{ position: 'relative' }} aria-label={t('throughput')}>
      <BarChart
        // Read again every minute: the bars stay still rather than grow again at each reading.
        skipAnimation
        height={280}
        xAxis={[
          {
            scaleType: 'band',
            data: weeks.map((w) => w.weekStart),
            valueFormatter: (v: string, context) => (context.location === 'tick' ? monthDay(v) : week(v)),
          },
        ]}
        yAxis={[{ label: t('applications'), tickMinStep: 1 }]}
        series={series.map((s) => ({ id: s.key, label: s.label, stack: 'kinds', data: weeks.map((w) => w[s.key]) }))}
        margin={{ left: 8, right: 8 }}
      />
      <NumbersTable
        caption={t('throughput')}
        head={['', ...series.map((s) => s.label)]}
        rows={weeks.map((w) => [week(w.weekStart), ...series.map((s) => w[s.key])] as [string, ...number[]])}
      />
    </Box>
  );
};

/**
 * An age distribution (days since 受付, business days to the desired start date): one bar per bucket, a bucket of
 * negative days (期限超過, the desired date passed) in the error colour.
 */
export const AgeChart = ({ buckets, label, testId }: { buckets: AgeBucket[]; label: string; testId: string }) => {
  const { palette } = useTheme();
  const t = useDashboardText();
  return (
    <Box data-testid={testId} role="figure" sx={{ position: 'relative' }} aria-label={label}>
      <BarChart
        skipAnimation
        height={240}
        xAxis={[
          {
            scaleType: 'band',
            data: buckets.map((b) => b.label),
            colorMap: {
              type: 'ordinal',
              values: buckets.map((b) => b.label),
              colors: buckets.map((b) => (b.to != null && b.to < 0 ? palette.error.main : palette.primary.main)),
            },
          },
        ]}
        yAxis={[{ tickMinStep: 1 }]}
        series={[{ id: 'count', label, data: buckets.map((b) => b.count), color: palette.primary.main }]}
        hideLegend
        margin={{ left: 8, right: 8 }}
      />
      <NumbersTable caption={label} head={['', t('applications')]} rows={buckets.map((b) => [b.label, b.count])} />
    </Box>
  );
};
