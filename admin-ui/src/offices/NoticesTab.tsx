import { Chip, type ChipProps } from '@mui/material';
import { Link, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../components/display';
import { RowsTable } from '../components/RowsTable';
import type { NoticeCategory } from '../labels';
import type { Notice, Office } from '../types';

const COLOURS: Record<NoticeCategory, ChipProps['color']> = {
  APPLICATION: 'primary',
  SYSTEM_SETTINGS: 'info',
  BILLING: 'default',
  CERTIFICATE_REISSUE: 'warning',
};

/** Opens the applications list on that receipt number (all queues). */
const receiptPath = (receiptNo: string) =>
  `/applications?${new URLSearchParams({ filter: JSON.stringify({ q: receiptNo, queue: 'ALL' }) }).toString()}`;

/** 新着情報: what the customer sees on NSS's top page for this office, newest first (NSS shows the latest 10). */
export const NoticesTab = () => {
  const record = useRecordContext<Office>();
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<Notice>(
    'notices',
    { filter: { officeCode: record?.code }, pagination: { page: 1, perPage: 50 }, sort: { field: 'at', order: 'DESC' } },
    { enabled: !!record?.code },
  );
  if (!record || isPending) return null;
  return (
    <RowsTable<Notice>
      rows={data}
      empty="naccs.notice.none"
      label="resources.offices.tabs.notices"
      columns={[
        { label: 'naccs.notice.at', render: (n) => <DateTimeText value={n.at} />, nowrap: true },
        {
          label: 'naccs.notice.category',
          render: (n) => (
            <Chip size="small" variant="outlined" color={COLOURS[n.category] ?? 'default'} label={translate(`enums.NoticeCategory.${n.category}`, { _: n.category })} />
          ),
          nowrap: true,
        },
        {
          label: 'naccs.notice.receiptNo',
          render: (n) => (n.receiptNo ? <Link to={receiptPath(n.receiptNo)} sx={{ fontFamily: 'monospace' }}>【{n.receiptNo}】</Link> : null),
          nowrap: true,
        },
        { label: 'naccs.notice.message', render: (n) => n.message },
      ]}
    />
  );
};
