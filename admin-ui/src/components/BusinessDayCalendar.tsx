import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, ButtonBase, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CalendarDay } from '../types';
import { addMonths, monthGrid, monthOf, weekdayOf } from './isoDates';

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const WEEK_ROW = { display: 'grid', gridTemplateColumns: 'repeat(7, 44px)' } as const;

/** The grid's dates (whole weeks from a Sunday) in weeks of seven. */
const weeksOf = (dates: string[]): string[][] => Array.from({ length: Math.ceil(dates.length / 7) }, (_, i) => dates.slice(i * 7, i * 7 + 7));

/** A day's accessible name in the console's language, holding the day's number as the button shows it (2027年1月4日(月)). */
const DAY_OPTIONS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' };
const DAY_NAMES = { ja: new Intl.DateTimeFormat('ja-JP', DAY_OPTIONS), en: new Intl.DateTimeFormat('en-US', DAY_OPTIONS) };
const dayName = (date: string, locale: string): string => (locale === 'en' ? DAY_NAMES.en : DAY_NAMES.ja).format(new Date(`${date}T00:00:00Z`));

export interface DayMarker {
  date?: string | null;
  /** Translation key of the marker's name (shown in the tooltip and legend). */
  label: string;
  color: string;
}

/**
 * A month of the business-day calendar as a grid of buttons. Days that are not business days (土日, 祝日,
 * 年末年始休業, 臨時休業) are greyed out and cannot be chosen; their tooltip gives the reason (成人の日…). Days before
 * `min` cannot be chosen either. Markers ring special days (e.g. the desired start date).
 */
export const BusinessDayCalendar = ({
  month,
  onMonthChange,
  days,
  selected,
  onSelect,
  min,
  markers = [],
  loading,
}: {
  month: string;
  onMonthChange: (month: string) => void;
  days: Map<string, CalendarDay>;
  selected?: string | null;
  onSelect: (date: string) => void;
  min?: string;
  markers?: DayMarker[];
  loading?: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [y, m] = month.split('-');
  const monthLabel = translate('naccs.calendar.month', { year: y, month: String(Number(m)) });

  return (
    <Box sx={{ width: 7 * 44, userSelect: 'none' }} data-testid="business-calendar" data-month={month}>
      <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 0.5 }}>
        <IconButton size="small" onClick={() => onMonthChange(addMonths(month, -1))} aria-label={translate('naccs.calendar.previous')}>
          <ChevronLeftIcon />
        </IconButton>
        <Typography variant="subtitle1" component="div" sx={{ fontWeight: 700 }} aria-live="polite">
          {monthLabel}
        </Typography>
        <IconButton size="small" onClick={() => onMonthChange(addMonths(month, 1))} aria-label={translate('naccs.calendar.next')}>
          <ChevronRightIcon />
        </IconButton>
      </Stack>
      {/* A grid of rows (a header row, then the weeks) as ARIA asks; each row lays out its seven cells. */}
      <Box role="grid" aria-label={monthLabel} aria-busy={loading ? true : undefined} sx={{ display: 'grid', rowGap: 0.25 }}>
        <Box role="row" sx={WEEK_ROW}>
          {WEEKDAY_KEYS.map((k, i) => (
            <Typography
              key={k}
              role="columnheader"
              variant="caption"
              sx={{ textAlign: 'center', fontWeight: 600, color: i === 0 ? 'error.main' : i === 6 ? 'info.main' : 'text.secondary' }}
            >
              {translate(`naccs.calendar.weekdays.${k}`)}
            </Typography>
          ))}
        </Box>
        {weeksOf(monthGrid(month))
          .filter((week) => week.some((date) => monthOf(date) === month))
          .map((week) => (
            <Box key={week[0]} role="row" sx={WEEK_ROW}>
              {week.map((date) => {
                const inMonth = monthOf(date) === month;
                const day = days.get(date);
                const past = !!min && date < min;
                const closed = day ? !day.businessDay : false;
                const unknown = !day;
                const disabled = !inMonth || past || closed || unknown;
                const isSelected = date === selected;
                const marker = markers.find((mk) => mk.date === date);
                const reason = closed ? day?.reason ?? translate('naccs.calendar.closed') : past ? translate('naccs.calendar.past') : '';
                const tip = [reason, marker ? translate(marker.label) : ''].filter(Boolean).join(' / ');
                const label = `${dayName(date, locale)}${tip ? ` ${tip}` : ''}`;
                if (!inMonth) return <Box key={date} role="gridcell" />;
                const wd = weekdayOf(date);
                const button = (
                  <ButtonBase
                    role="gridcell"
                    aria-selected={isSelected}
                    aria-disabled={disabled}
                    aria-label={label}
                    data-date={date}
                    data-business-day={day ? String(day.businessDay) : undefined}
                    disabled={disabled}
                    onClick={() => onSelect(date)}
                    sx={{
                      width: 40,
                      height: 36,
                      mx: '2px',
                      borderRadius: 1,
                      fontSize: '0.875rem',
                      fontWeight: isSelected ? 700 : 400,
                      color: isSelected
                        ? 'primary.contrastText'
                        : closed || past
                          ? 'text.disabled'
                          : wd === 0
                            ? 'error.main'
                            : 'text.primary',
                      bgcolor: isSelected ? 'primary.main' : closed ? 'action.disabledBackground' : 'transparent',
                      textDecoration: closed ? 'line-through' : undefined,
                      outline: marker ? `2px solid ${marker.color}` : undefined,
                      outlineOffset: -2,
                      '&:hover': { bgcolor: isSelected ? 'primary.dark' : 'action.hover' },
                    }}
                  >
                    {Number(date.slice(8))}
                  </ButtonBase>
                );
                return tip ? (
                  <Tooltip key={date} title={tip} placement="top" describeChild>
                    <Box component="span" sx={{ display: 'inline-flex', cursor: disabled ? 'not-allowed' : undefined }}>
                      {button}
                    </Box>
                  </Tooltip>
                ) : (
                  <Box key={date} component="span" sx={{ display: 'inline-flex' }}>
                    {button}
                  </Box>
                );
              })}
            </Box>
          ))}
      </Box>
      {markers.some((mk) => mk.date && monthOf(mk.date) === month) ? (
        <Stack direction="row" spacing={1.5} sx={{ mt: 1 }} flexWrap="wrap" useFlexGap>
          {markers
            .filter((mk) => mk.date)
            .map((mk) => (
              <Stack key={mk.label} direction="row" spacing={0.5} alignItems="center">
                <Box sx={{ width: 12, height: 12, borderRadius: 0.5, border: `2px solid ${mk.color}` }} />
                <Typography variant="caption" color="text.secondary">
                  {translate(mk.label)}
                </Typography>
              </Stack>
            ))}
        </Stack>
      ) : null}
    </Box>
  );
};
