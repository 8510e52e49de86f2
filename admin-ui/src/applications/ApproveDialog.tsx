import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import {
  Alert,
  Box,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  Stack,
  TextField,
  Typography,
  useTheme,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useGetList, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { BusinessDayCalendar } from '../components/BusinessDayCalendar';
import { Item, ItemGrid, Section } from '../components/display';
import { formatDate } from '../components/format';
import { addDays, addMonths, firstOfMonth, lastOfMonth, monthOf, todayInJapan } from '../components/isoDates';
import { useServerAction } from '../components/useServerAction';
import type { FieldError } from '../intake/inputTypes';
import { APPROVE_APPLICATION } from '../queries';
import type { Application, ApprovalPreview, CalendarDay } from '../types';
import { ApplicationResultTable } from './ApplicationResultTable';
import { useMarkReviewDone } from './nextApplication';
import { DialogCancelButton, DialogConfirmButton, DialogErrors } from '../components/DialogButtons';

type Preselect = 'desired' | 'fallback' | 'done';

/** The longest override reason the server takes (review/workflow.ts MESSAGE_MAX). */
const REASON_MAX = 2_000;

/**
 * 審査終了 (承認): pick 利用開始日 on the business-day calendar and confirm. The dialog pre-selects the desired start
 * date when it is a business day not before today, else the earliest date the standard lead time allows; shows
 * the lead-time warning, the resulting システム設定申込締切日 and パスワード参照期間 (asked from the server, which applies
 * the same rules when approving), the 企業略称 for a new company, and what will be issued. Days before the server's
 * minimum start date (lead time, システム設定申込締切日) look disabled; the reviewer may still approve one by ticking
 * the override and giving a reason, which the server records in the history.
 */
export const ApproveDialog = ({ record, open, onClose }: { record: Application; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const [locale] = useLocaleState();
  const { run, busy } = useServerAction();
  const markDone = useMarkReviewDone();
  const today = useMemo(() => todayInJapan(), []);
  const advice = record.startDateAdvice;
  const desired = record.desiredStartDate ?? undefined;
  // The minimum start date an approval today may fix without an override: the server's rule (approvalPreview).
  const { data: basis } = useGetOne<ApprovalPreview>(
    'approvalPreviews',
    { id: record.id, meta: { startDate: today } },
    { enabled: open, staleTime: 60_000 },
  );
  const minimum = basis?.minimumStartDate;
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const fallback = minimum && minimum > today ? minimum : today;
  const wantsDesired = !!desired && desired >= today;

  const [month, setMonth] = useState(monthOf(wantsDesired ? desired : fallback));
  const [selected, setSelected] = useState<string | null>(null);
  const [preselect, setPreselect] = useState<Preselect>(wantsDesired ? 'desired' : 'fallback');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [known, setKnown] = useState<Map<string, CalendarDay>>(() => new Map());

  // The visible month and its neighbours.
  const { data: loaded, isFetching } = useGetList<CalendarDay>(
    'businessDays',
    {
      filter: { from: firstOfMonth(addMonths(month, -1)), to: lastOfMonth(addMonths(month, 1)) },
      pagination: { page: 1, perPage: 200 },
      sort: { field: 'date', order: 'ASC' },
    },
    { enabled: open, staleTime: 10 * 60_000 },
  );
  useEffect(() => {
    if (!loaded?.length) return;
    setKnown((prev) => {
      const next = new Map(prev);
      for (const d of loaded) next.set(d.date, d);
      return next;
    });
  }, [loaded]);

  // Pre-selection: the desired date if it is a business day, else the first business day from the fallback.
  useEffect(() => {
    if (!open || preselect === 'done' || !minimum) return;
    if (preselect === 'desired' && desired && desired < minimum) {
      setPreselect('fallback');
      return;
    }
    if (preselect === 'desired' && desired) {
      const day = known.get(desired);
      if (!day) return;
      if (day.businessDay) {
        setSelected(desired);
        setPreselect('done');
      } else {
        setPreselect('fallback');
        setMonth(monthOf(fallback));
      }
      return;
    }
    if (!known.has(fallback)) {
      if (month !== monthOf(fallback)) setMonth(monthOf(fallback));
      return;
    }
    for (let d = fallback; known.has(d); d = addDays(d, 1)) {
      if (known.get(d)?.businessDay) {
        setSelected(d);
        setMonth(monthOf(d));
        setPreselect('done');
        return;
      }
    }
    // Not within what is loaded yet: look at the next month.
    if (!isFetching && known.size > 0) setMonth((m) => addMonths(m, 1));
  }, [open, preselect, known, desired, fallback, isFetching, month, minimum]);

  const abbreviationNeeded = record.kind === 'NEW' && !record.office?.company?.abbreviation;
  const { data: suggestion } = useGetOne<{ id: string; abbreviation: string }>(
    'abbreviationSuggestions',
    { id: record.id },
    { enabled: open && abbreviationNeeded },
  );
  const [abbreviation, setAbbreviation] = useState<string | null>(null);
  const abbreviationValue = abbreviation ?? suggestion?.abbreviation ?? '';

  const { data: preview } = useGetOne<ApprovalPreview>(
    'approvalPreviews',
    { id: record.id, meta: { startDate: selected } },
    { enabled: open && !!selected, staleTime: 60_000 },
  );
  const current = preview && preview.startDate === selected ? preview : undefined;
  const deadline = current?.systemSettingsDeadline;
  const referenceEnd = current?.passwordReadableUntil;
  const desiredDay = desired ? known.get(desired) : undefined;
  const overrideNeeded = current?.overrideNeeded;
  const overrideReady = override && overrideReason.trim().length > 0;

  const errorsAt = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message);
  const otherErrors = errors.filter((e) => e.path !== 'startDate' && e.path !== 'abbreviation' && e.path !== 'overrideReason');
  const date = (iso?: string | null) => formatDate(iso, locale, true);

  const confirm = async () => {
    if (!selected) return;
    setErrors([]);
    const outcome = await run(
      APPROVE_APPLICATION,
      {
        id: record.id,
        startDate: selected,
        expectedVersion: record.version,
        abbreviation: abbreviationNeeded && abbreviationValue.trim() ? abbreviationValue.trim().toUpperCase() : undefined,
        ...(override ? { override: true, overrideReason: overrideReason.trim() } : {}),
      },
      { success: 'naccs.approve.done', successArgs: { receiptNo: record.receiptNo, startDate: date(selected) } },
    );
    if (outcome.ok) {
      // On the show page 次の申込へ is offered.
      markDone(record.id);
      onClose();
    } else setErrors(outcome.fieldErrors);
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth data-testid="approve-dialog" aria-labelledby="approve-dialog-title">
      <DialogTitle id="approve-dialog-title">{translate('naccs.approve.title', { receiptNo: record.receiptNo })}</DialogTitle>
      <DialogContent dividers>
        {advice?.desiredDateTooSoon ? (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="lead-time-warning">
            <strong>{translate('naccs.approve.too_soon')}</strong>
            <br />
            {translate('naccs.approve.too_soon_detail', {
              days: advice.leadTimeBusinessDays,
              earliest: date(advice.earliestStartDate),
            })}
          </Alert>
        ) : null}
        {desired && desiredDay && !desiredDay.businessDay ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('naccs.approve.desired_closed', { date: date(desired), reason: desiredDay.reason ?? '' })}
          </Alert>
        ) : null}
        {desired && desired < today ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('naccs.approve.desired_past', { date: date(desired) })}
          </Alert>
        ) : null}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} alignItems="flex-start">
          <Box>
            <BusinessDayCalendar
              month={month}
              onMonthChange={setMonth}
              days={known}
              selected={selected}
              onSelect={(d) => {
                setSelected(d);
                setPreselect('done');
                setErrors((e) => e.filter((x) => x.path !== 'startDate'));
              }}
              min={override ? today : (minimum ?? today)}
              loading={isFetching}
              markers={[
                { date: desired, label: 'resources.applications.fields.desiredStartDate', color: theme.palette.warning.main },
                { date: advice?.earliestStartDate, label: 'naccs.approve.earliest', color: theme.palette.info.main },
              ]}
            />
            {current?.startDateProblem ? (
              <FormHelperText error data-testid="approve-start-date-problem">
                {current.startDateProblem}
              </FormHelperText>
            ) : null}
            {errorsAt('startDate').map((m) => (
              <FormHelperText key={m} error>
                {m}
              </FormHelperText>
            ))}
            {minimum ? (
              <FormHelperText data-testid="approve-minimum">{translate('naccs.approve.minimum', { date: date(minimum) })}</FormHelperText>
            ) : null}
            {overrideNeeded ? (
              <Alert severity="error" sx={{ mt: 1, maxWidth: 360 }} data-testid="approve-override-needed">
                {overrideNeeded}
              </Alert>
            ) : null}
            <FormControlLabel
              sx={{ mt: 1 }}
              control={<Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)} slotProps={{ input: { 'data-testid': 'approve-override' } as never }} />}
              label={translate('naccs.approve.override')}
            />
            {override ? (
              <TextField
                name="overrideReason"
                label={translate('naccs.approve.override_reason')}
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.target.value)}
                required
                multiline
                minRows={2}
                error={errorsAt('overrideReason').length > 0}
                helperText={errorsAt('overrideReason').join(' ') || translate('naccs.approve.override_hint')}
                slotProps={{ htmlInput: { maxLength: REASON_MAX, 'data-testid': 'approve-override-reason' } }}
                sx={{ display: 'flex', maxWidth: 360 }}
                size="small"
              />
            ) : null}
          </Box>
          <Box sx={{ flex: 1, minWidth: 260 }}>
            <ItemGrid min={200}>
              <Item label="resources.applications.fields.desiredStartDate">{date(desired)}</Item>
              <Item label="naccs.approve.lead_time">
                {advice
                  ? translate('naccs.approve.lead_time_value', {
                      days: advice.leadTimeBusinessDays,
                      earliest: date(advice.earliestStartDate),
                    })
                  : null}
              </Item>
              <Item label="naccs.approve.start_date" wide>
                <Typography component="span" variant="h6" data-testid="approve-start-date" sx={{ fontWeight: 700 }}>
                  {selected ? date(selected) : translate('naccs.approve.pick')}
                </Typography>
              </Item>
              <Item label="naccs.approve.deadline_preview">
                <span data-testid="approve-deadline">
                  {!selected
                    ? null
                    : !current
                      ? translate('naccs.approve.calculating')
                      : deadline
                        ? date(deadline)
                        : translate('naccs.approve.deadline_none')}
                </span>
              </Item>
              <Item label="naccs.approve.reference_period">
                <span data-testid="approve-reference-period">
                  {referenceEnd
                    ? translate('naccs.approve.reference_period_value', { from: date(today), to: date(referenceEnd) })
                    : selected
                      ? translate('naccs.approve.calculating')
                      : null}
                </span>
              </Item>
            </ItemGrid>
            {abbreviationNeeded ? (
              <TextField
                name="abbreviation"
                label={translate('naccs.company.abbreviation')}
                value={abbreviationValue}
                onChange={(e) => setAbbreviation(e.target.value.toUpperCase())}
                error={errorsAt('abbreviation').length > 0}
                helperText={errorsAt('abbreviation').join(' ') || translate('naccs.approve.abbreviation_hint')}
                slotProps={{ htmlInput: { maxLength: 3, style: { fontFamily: 'monospace', letterSpacing: 4 }, 'data-testid': 'approve-abbreviation' } }}
                sx={{ mt: 2, width: 240 }}
                size="small"
              />
            ) : null}
          </Box>
        </Stack>
        <Box sx={{ mt: 2 }}>
          <Section title="naccs.approve.issued">
            <ApplicationResultTable rows={record.result} />
          </Section>
        </Box>
        <DialogErrors errors={otherErrors} />
      </DialogContent>
      <DialogActions>
        <DialogCancelButton onClick={onClose} busy={busy} />
        <DialogConfirmButton color="success" busy={busy} disabled={!selected || (!!overrideNeeded && !overrideReady) || (override && !overrideReady)} onClick={() => void confirm()} icon={<CheckCircleIcon />} data-testid="approve-confirm">
          {translate('naccs.approve.confirm', { date: selected ? date(selected) : '' })}
        </DialogConfirmButton>
      </DialogActions>
    </Dialog>
  );
};
