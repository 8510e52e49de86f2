import { Link as MuiLink } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useCreatePath, useDataProvider, useNavigate, useNotify } from 'react-admin';
import { EMPTY } from '../components/format';

/**
 * A 申込受付番号 or 事業所コード that opens its application or office. The rows that show them (送信ログ, デジタル
 * 証明書) carry only the code, so the record is looked up when clicked (the shared provider's `lookup` of
 * applications by receiptNo and offices by code), as the app bar's receipt-number box does.
 */
export const LookupLink = ({ resource, code }: { resource: 'applications' | 'offices'; code?: string | null }) => {
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!code) return <>{EMPTY}</>;
  const open = async (e: MouseEvent) => {
    e.stopPropagation();
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const meta = resource === 'applications' ? { receiptNo: code, lookup: true } : { code, lookup: true };
      const { data } = await dataProvider.getOne(resource, { id: '', meta });
      navigate(createPath({ resource, id: data.id, type: 'show' }));
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <MuiLink
      component="button"
      type="button"
      onClick={(e: MouseEvent) => void open(e)}
      sx={{ fontFamily: 'monospace', fontWeight: 700, verticalAlign: 'baseline', cursor: busy ? 'progress' : 'pointer' }}
      data-testid={`lookup-${resource}-${code}`}
    >
      {code}
    </MuiLink>
  );
};
