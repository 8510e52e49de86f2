import { useTranslate } from 'react-admin';
import { RowsTable } from '../components/RowsTable';
import type { ApplicationResultRow } from '../types';

/** 申込結果: per 対象項目 (利用者コード数, 識別番号数, 回線数, 論理端末数, メールボックス数) the 追加 / 変更 / 削除 counts. */
export const ApplicationResultTable = ({ rows }: { rows?: ApplicationResultRow[] | null }) => {
  const translate = useTranslate();
  return (
    <RowsTable<ApplicationResultRow & { id: string }>
      rows={rows?.map((r) => ({ ...r, id: r.item }))}
      label="naccs.result.title"
      empty="naccs.none"
      columns={[
        { label: 'naccs.result.item', render: (r) => translate(`enums.ApplicationResultItem.${r.item}`, { _: r.item }), nowrap: true },
        { label: 'naccs.result.added', render: (r) => r.added, align: 'right' },
        { label: 'naccs.result.changed', render: (r) => r.changed, align: 'right' },
        { label: 'naccs.result.deleted', render: (r) => r.deleted, align: 'right' },
      ]}
    />
  );
};
