import { Alert, Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { todayInJapan } from '../components/isoDates';
import { Mono, Section } from '../components/display';
import { formatDate } from '../components/format';
import { RowsTable } from '../components/RowsTable';
import { useChangeFieldLabel, useChangeValueText } from '../applications/changeLabels';
import type { EnumName } from '../labels';
import type { Application, ContractChange, ContractChangeTarget } from '../types';

/**
 * Approved changes of the contract that take effect on their start date (適用日): until then the office's contract shows
 * its current values and these beside them, as "2026/12/22 から 航空".
 */

/** A new value highlighted (変更後, a pending value, a value differing from today's). */
export const Marked = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <Box
    component="mark"
    data-testid={testId}
    sx={{ display: 'inline-block', whiteSpace: 'pre-wrap', fontWeight: 700, bgcolor: 'warning.light', color: 'text.primary', px: 0.75, borderRadius: 0.5 }}
  >
    {children}
  </Box>
);

/** A company/office change's field as the 変更前/変更後 table names it (profile.manager.phone → officeProfile.manager.phone). */
const changeField = (target: ContractChangeTarget, field: string): string =>
  target === 'OFFICE' ? field.replace(/^profile\./, 'officeProfile.') : target === 'COMPANY' ? field.replace(/^profile\./, 'companyProfile.') : field;

/** A contract row's fields: their labels (the tables' column keys) and, for enums, the enum. */
const ROW_LABEL: Partial<Record<ContractChangeTarget, string>> = { TERMINAL: 'naccs.terminal', LINE: 'naccs.line', USER_CODE: 'naccs.userCode' };
const ROW_ENUM: Record<string, EnumName> = { systemCategory: 'SystemCategory', lineType: 'LineType', maintenance: 'MaintenanceHours' };

/** A pending change's field and value in Japanese. */
const usePendingLabels = () => {
  const translate = useTranslate();
  const fieldLabel = useChangeFieldLabel();
  const valueText = useChangeValueText();
  return {
    field: (target: ContractChangeTarget, field: string): string => {
      const row = ROW_LABEL[target];
      return row ? translate(`${row}.${field}`, { _: field }) : fieldLabel(changeField(target, field));
    },
    value: (target: ContractChangeTarget, field: string, value?: string | null): string => {
      if (ROW_LABEL[target] && ROW_ENUM[field] && value) return translate(`enums.${ROW_ENUM[field]}.${value}`, { _: value });
      return valueText(changeField(target, field), value) || translate('naccs.empty_value');
    },
  };
};

/** "2026/12/22 から 航空" for each pending change of one row's field (nothing when none). */
export const PendingValue = ({ changes, targetId, field }: { changes?: ContractChange[] | null; targetId: string; field: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = usePendingLabels();
  const pending = (changes ?? []).flatMap((c) =>
    c.targetId === targetId ? c.changes.filter((v) => v.field === field).map((v) => ({ date: c.effectiveDate, target: c.target, value: v.value })) : [],
  );
  if (!pending.length) return null;
  return (
    <>
      {pending.map((p, i) => (
        <Typography key={i} variant="caption" component="div" color="warning.dark" data-testid="pending-value" sx={{ fontWeight: 600 }}>
          {translate('naccs.pending.from', {
            date: formatDate(p.date, locale),
            // A yes/no option names itself: "… から 冗長化 あり".
            value: `${p.value === 'true' || p.value === 'false' ? `${labels.field(p.target, field)} ` : ''}${labels.value(p.target, field, p.value)}`,
          })}
        </Typography>
      ))}
    </>
  );
};

/** The office's changes still to take effect: 適用日, 対象, 項目, "… から 変更後", 申込受付番号. */
export const PendingChangesSection = ({ changes }: { changes?: ContractChange[] | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = usePendingLabels();
  const rows = (changes ?? []).flatMap((c) => c.changes.map((v, i) => ({ id: `${c.id}-${i}`, change: c, ...v })));
  if (!rows.length) return null;
  return (
    <Section title="naccs.pending.title">
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('naccs.pending.hint')}
      </Alert>
      <Box data-testid="pending-changes">
        <RowsTable
          rows={rows}
          empty="naccs.none"
          columns={[
            { label: 'naccs.pending.effectiveDate', render: (r) => formatDate(r.change.effectiveDate, locale, true), nowrap: true },
            {
              label: 'naccs.pending.target',
              render: (r) => (
                <>
                  {translate(`naccs.pending.targets.${r.change.target}`)} {r.change.targetLabel ? <Mono>{r.change.targetLabel}</Mono> : null}
                </>
              ),
              nowrap: true,
            },
            { label: 'naccs.pending.field', render: (r) => labels.field(r.change.target, r.field) },
            {
              label: 'naccs.pending.value',
              render: (r) => (
                <Marked>
                  {translate('naccs.pending.from', { date: formatDate(r.change.effectiveDate, locale), value: labels.value(r.change.target, r.field, r.value) })}
                </Marked>
              ),
            },
            { label: 'naccs.pending.receiptNo', render: (r) => <Mono>{r.change.receiptNo}</Mono>, nowrap: true },
          ]}
        />
      </Box>
    </Section>
  );
};

/**
 * For an approved application whose start date has not come: a value it changes reads "2026/12/22 から 航空" (the
 * change is recorded, not yet in effect); otherwise the value as it is.
 */
export const usePendingFrom = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const pending = record?.status === 'APPROVED' && !!record.startDate && record.startDate > todayInJapan();
  return (value: string | null | undefined): string | null | undefined =>
    pending && value ? translate('naccs.pending.from', { date: formatDate(record!.startDate, locale), value }) : value;
};
