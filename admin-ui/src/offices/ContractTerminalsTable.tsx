import { DateText, Mono, useEnumLabel } from '../components/display';
import { RowsTable } from '../components/RowsTable';
import { CertificateStatusChip } from '../components/StatusChip';
import type { TerminalType } from '../labels';
import type { ContractChange, ContractTerminal } from '../types';
import { PendingValue } from './PendingChanges';

/** 論理端末 under contract (区分 with a pending 区分の変更, 利用機器区分, 論理端末名, 端末アクセスキー, デジタル証明書, dates). */
export const ContractTerminalsTable = ({ terminals, types, pending }: { terminals?: ContractTerminal[]; types: TerminalType[]; pending?: ContractChange[] }) => {
  const enumLabel = useEnumLabel();
  return (
    <RowsTable<ContractTerminal>
      rows={(terminals ?? []).filter((t) => t.type && types.includes(t.type))}
      empty="naccs.contract.none"
      rowSx={(t) => (t.endDate ? { opacity: 0.6 } : undefined)}
      columns={[
        {
          label: 'naccs.terminal.systemCategory',
          render: (t) => (
            <>
              {enumLabel('SystemCategory', t.systemCategory)}
              <PendingValue changes={pending} targetId={t.id} field="systemCategory" />
            </>
          ),
          nowrap: true,
        },
        { label: 'naccs.terminal.terminalType', render: (t) => enumLabel('TerminalType', t.type), nowrap: true },
        { label: 'naccs.terminal.name', render: (t) => <Mono bold>{t.name}</Mono> },
        { label: 'naccs.terminal.accessKey', render: (t) => <Mono>{t.accessKey}</Mono> },
        {
          label: 'naccs.terminal.certificateStatus',
          render: (t) => (t.certificateStatus ? <CertificateStatusChip status={t.certificateStatus} /> : null),
        },
        { label: 'naccs.terminal.startDate', render: (t) => <DateText value={t.startDate} weekday={false} />, nowrap: true },
        { label: 'naccs.terminal.endDate', render: (t) => <DateText value={t.endDate} weekday={false} />, nowrap: true },
      ]}
    />
  );
};
