import { BoolText, DateText, EnumChips, Mono, useEnumLabel } from '../components/display';
import { RowsTable } from '../components/RowsTable';
import type { Connection } from '../labels';
import type { ContractUserCode, ContractUserId, Office } from '../types';
import { PendingValue } from './PendingChanges';

type Row = ContractUserId & { code: ContractUserCode };

/**
 * The office's 利用者ID of one connection (netNACCS or 一般NACCS) as NSS's 契約情報 lists them: 区分, 業種, 処理方式,
 * 利用者コード + 識別番号, 管理統計資料, 保存サービス, 他事業所と共用, 利用開始日, 利用終了日.
 */
export const ContractUserIdsTable = ({ office, connection }: { office: Office; connection: Connection }) => {
  const enumLabel = useEnumLabel();
  const rows: Row[] = (office.userCodes ?? []).flatMap((code) =>
    code.userIds.filter((u) => u.connection === connection).map((u) => ({ ...u, code })),
  );
  return (
    <RowsTable<Row>
      rows={rows}
      empty="naccs.userCode.none_contract"
      label="resources.offices.fields.userCodes"
      rowSx={(r) => (r.endDate ? { opacity: 0.6 } : undefined)}
      columns={[
        { label: 'naccs.userCode.systemCategory', render: (r) => enumLabel('SystemCategory', r.code.systemCategory), nowrap: true },
        { label: 'naccs.userId.industries', render: (r) => <EnumChips name="Industry" values={r.industries} /> },
        { label: 'naccs.userId.processingMethod', render: (r) => enumLabel('ProcessingMethod', r.processingMethod), nowrap: true },
        { label: 'naccs.userCode.userCode', render: (r) => <Mono bold>{r.code.code}</Mono> },
        { label: 'naccs.userId.identNo', render: (r) => <Mono bold>{r.identNo}</Mono> },
        { label: 'naccs.userCode.statisticsPaid', render: (r) => (
            <>
              <BoolText value={r.code.statisticsPaid} required />
              <PendingValue changes={office.pendingChanges} targetId={r.code.id} field="statisticsPaid" />
            </>
          ),
        },
        { label: 'naccs.userCode.statisticsFree', render: (r) => (
            <>
              <BoolText value={r.code.statisticsFree} required />
              <PendingValue changes={office.pendingChanges} targetId={r.code.id} field="statisticsFree" />
            </>
          ),
        },
        { label: 'naccs.userCode.bondedRecordService', render: (r) => (
            <>
              <BoolText value={r.code.bondedRecordService} required />
              <PendingValue changes={office.pendingChanges} targetId={r.code.id} field="bondedRecordService" />
            </>
          ),
        },
        { label: 'naccs.userCode.shared', render: (r) => <BoolText value={r.code.shared} /> },
        { label: 'naccs.userCode.ownerOfficeCode', render: (r) => <Mono>{r.code.ownerOfficeCode}</Mono> },
        { label: 'naccs.userId.startDate', render: (r) => <DateText value={r.startDate} weekday={false} />, nowrap: true },
        { label: 'naccs.userId.endDate', render: (r) => <DateText value={r.endDate} weekday={false} />, nowrap: true },
      ]}
    />
  );
};
