import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Section, useEnumLabel } from '../components/display';
import { formatDate } from '../components/format';
import { RowsTable } from '../components/RowsTable';
import { useChangeFieldLabel } from '../applications/changeLabels';
import type { ContractSnapshot } from '../types';
import { Marked } from './PendingChanges';

interface DataRow {
  key: string;
  label: string;
  value: string;
}

/** The contract's data on a snapshot's date, one row per value a change can touch (keyed to compare two dates). */
const useDataRows = () => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const fieldLabel = useChangeFieldLabel();
  const yesNo = (b?: boolean | null) => translate(b ? 'naccs.yes' : 'naccs.no');
  return (s: ContractSnapshot): DataRow[] => {
    const terminal = translate('naccs.pending.targets.TERMINAL');
    const line = translate('naccs.pending.targets.LINE');
    const userCode = translate('naccs.pending.targets.USER_CODE');
    return [
      { key: 'company.name', label: fieldLabel('companyProfile.name'), value: s.companyProfile?.name ?? '' },
      { key: 'office.name', label: fieldLabel('officeProfile.name'), value: s.officeProfile?.name ?? '' },
      { key: 'manager.phone', label: fieldLabel('officeProfile.manager.phone'), value: s.officeProfile?.manager?.phone ?? '' },
      { key: 'manager.email', label: fieldLabel('officeProfile.manager.email'), value: s.officeProfile?.manager?.email ?? '' },
      { key: 'plan', label: fieldLabel('plan'), value: s.plan ? enumLabel('Plan', s.plan) ?? s.plan : '' },
      {
        key: 'services',
        label: translate('resources.offices.fields.services'),
        value: [s.usesNet && 'netNACCS', s.usesGeneral && '一般NACCS'].filter(Boolean).join('・'),
      },
      ...(s.terminalDetails ?? []).map((t) => ({
        key: `terminal:${t.id}`,
        label: `${terminal} ${t.name} ${translate('naccs.terminal.systemCategory')}`,
        value: enumLabel('SystemCategory', t.systemCategory) ?? '',
      })),
      ...(s.lineDetails ?? []).flatMap((l) => [
        { key: `line:${l.id}:lineType`, label: `${line} ${l.ipAddress ?? ''} ${translate('naccs.line.lineType')}`, value: enumLabel('LineType', l.lineType) ?? '' },
        { key: `line:${l.id}:speed`, label: `${line} ${l.ipAddress ?? ''} ${translate('naccs.line.speed')}`, value: l.speed ?? '' },
        { key: `line:${l.id}:maintenance`, label: `${line} ${l.ipAddress ?? ''} ${translate('naccs.line.maintenance')}`, value: enumLabel('MaintenanceHours', l.maintenance) ?? '' },
      ]),
      ...(s.userCodeDetails ?? []).flatMap((u) =>
        (['statisticsPaid', 'statisticsFree', 'bondedRecordService'] as const).map((f) => ({
          key: `userCode:${u.id}:${f}`,
          label: `${userCode} ${u.code} ${translate(`naccs.userCode.${f}`)}`,
          value: yesNo(u[f]),
        })),
      ),
    ];
  };
};

/**
 * The contract's data (区分, 回線, 管理統計資料, company and office data, 料金プラン, services) that differs between the
 * chosen date and today: a change approved for a later start date shows on a date from then, an applied one on a date
 * before it.
 */
export const ContractDataDifferences = ({ then, now }: { then: ContractSnapshot; now: ContractSnapshot }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataRows = useDataRows();
  const today = new Map(dataRows(now).map((r) => [r.key, r]));
  const rows = dataRows(then)
    .filter((r) => today.has(r.key) && today.get(r.key)!.value !== r.value)
    .map((r) => ({ id: r.key, label: r.label, then: r.value, now: today.get(r.key)!.value }));
  return (
    <Section title="naccs.contract_as_of.data">
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('naccs.contract_as_of.data_same')}
        </Typography>
      ) : (
        <Box data-testid="as-of-data">
          <RowsTable
            rows={rows}
            empty="naccs.none"
            columns={[
              { label: 'naccs.contract_as_of.item', render: (r) => r.label },
              {
                label: translate('naccs.contract_as_of.then', { date: formatDate(then.date, locale) }),
                render: (r) => <Marked>{r.then || translate('naccs.empty_value')}</Marked>,
              },
              { label: 'naccs.contract_as_of.today', render: (r) => r.now || translate('naccs.empty_value') },
            ]}
          />
        </Box>
      )}
    </Section>
  );
};
