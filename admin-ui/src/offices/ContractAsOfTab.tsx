import { Alert, Box, Button, Chip, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Section } from '../components/display';
import { formatDate } from '../components/format';
import { addDays, todayInJapan } from '../components/isoDates';
import type { ContractSnapshot, Office } from '../types';
import { ContractDataDifferences } from './ContractDataDifferences';

type Group = 'userIds' | 'terminals' | 'mailboxes' | 'lines';
const GROUPS: Group[] = ['userIds', 'terminals', 'mailboxes', 'lines'];

/**
 * The contract on any date (contractAsOf): which 利用者ID, 論理端末, メールボックス and 回線 (IP addresses) are live that
 * day, compared with today — for a past date what was abolished or added since, for a future date what starts or
 * ends by then (approved applications with later start dates) — and its data that differs from today's (区分, 回線,
 * company/office data: changes take effect on their start date).
 */
export const ContractAsOfTab = () => {
  const record = useRecordContext<Office>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = todayInJapan();
  const [date, setDate] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const { data: snapshot, isFetching, error } = useGetOne<ContractSnapshot>(
    'contractSnapshots',
    { id: record?.id ?? '', meta: { date } },
    { enabled: !!record?.id && valid },
  );
  const { data: current } = useGetOne<ContractSnapshot>(
    'contractSnapshots',
    { id: record?.id ?? '', meta: { date: today } },
    { enabled: !!record?.id && date !== today },
  );
  if (!record) return null;
  const shortcuts: Array<{ label: string; date?: string | null }> = [
    { label: 'naccs.contract_as_of.today', date: today },
    { label: 'resources.offices.fields.startDate', date: record.startDate },
    { label: 'naccs.contract_as_of.a_year_ago', date: addDays(today, -365) },
  ];
  return (
    <Box>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 2 }}>
        <TextField
          type="date"
          size="small"
          name="asOf"
          label={translate('naccs.contract_as_of.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'contract-as-of-date' } }}
        />
        {shortcuts
          .filter((s) => s.date)
          .map((s) => (
            <Button key={s.label} size="small" variant={s.date === date ? 'contained' : 'outlined'} onClick={() => setDate(s.date!)}>
              {translate(s.label)}
            </Button>
          ))}
        {isFetching ? <CircularProgress size={18} /> : null}
      </Stack>
      {error ? <Alert severity="error">{error instanceof Error ? error.message : String(error)}</Alert> : null}
      {snapshot ? (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {translate('naccs.contract_as_of.caption', { date: formatDate(snapshot.date, locale, true) })}
          </Typography>
          {GROUPS.map((g) => {
            const then = snapshot[g];
            const now = date !== today && current ? new Set(current[g]) : null;
            const thenSet = new Set(then);
            const onlyNow = now ? [...now].filter((x) => !thenSet.has(x)) : [];
            // A past date: what it had and today has not was abolished since; a future date: it is still to come.
            const future = date > today;
            const onlyThenLabel = translate(future ? 'naccs.contract_as_of.added_by' : 'naccs.contract_as_of.gone_since');
            const onlyNowLabel = translate(future ? 'naccs.contract_as_of.gone_by' : 'naccs.contract_as_of.added_since');
            return (
              <Section key={g} title={translate(`naccs.contract_as_of.${g}`, { smart_count: then.length })}>
                {then.length === 0 && onlyNow.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {translate('naccs.none')}
                  </Typography>
                ) : (
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }} data-testid={`as-of-${g}`}>
                    {then.map((x) => {
                      const differs = now ? !now.has(x) : false;
                      return (
                        <Chip
                          key={x}
                          size="small"
                          variant={differs ? 'outlined' : 'filled'}
                          color={differs ? (future ? 'success' : 'error') : 'default'}
                          label={differs ? `${x} (${onlyThenLabel})` : x}
                          data-value={x}
                          sx={{ fontFamily: 'monospace' }}
                        />
                      );
                    })}
                    {onlyNow.map((x) => (
                      <Chip
                        key={`now-${x}`}
                        size="small"
                        variant="outlined"
                        color={future ? 'error' : 'success'}
                        label={`${future ? '−' : '＋'}${x} (${onlyNowLabel})`}
                        sx={{ fontFamily: 'monospace', opacity: 0.8 }}
                      />
                    ))}
                  </Box>
                )}
              </Section>
            );
          })}
          {date !== today && current ? <ContractDataDifferences then={snapshot} now={current} /> : null}
        </>
      ) : null}
    </Box>
  );
};
