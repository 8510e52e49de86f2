import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatDate } from '../components/format';
import { todayInJapan } from '../components/isoDates';
import type { Application } from '../types';
import { openDocument, type DocumentKind } from './openDocument';

const D = (key: string) => `naccs.documents.${key}`;

/** Japanese labels (the keys let a locale name them otherwise). */
const LABEL: Record<DocumentKind, string> = { form: '申込書PDF', approval: '承認通知PDF', 'id-notice': 'ID通知内容PDF' };

/**
 * One document button: fetches the PDF from the server (GET /documents/…, the session's token) with a spinner while the
 * server generates it, opens it in a new tab, and shows the server's refusal in Japanese. `confirm`: a message to
 * accept first (a print that is recorded); `onDone` after it opened.
 */
const DocumentButton = ({ receiptNo, kind, confirm, onDone }: { receiptNo: string; kind: DocumentKind; confirm?: string; onDone?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const label = translate(D(kind), { _: LABEL[kind] });
  const open = async () => {
    setBusy(true);
    try {
      await openDocument(receiptNo, kind);
      onDone?.();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={() => (confirm ? setAsking(true) : void open())}
        disabled={busy}
        aria-busy={busy}
        startIcon={busy ? <CircularProgress size={14} /> : <PictureAsPdfIcon />}
        data-testid={`document-${kind}`}
      >
        {busy ? translate(D('generating'), { _: '作成中…' }) : label}
      </Button>
      {confirm ? (
        <Confirm
          isOpen={asking}
          loading={busy}
          title={label}
          content={confirm}
          confirm={translate(D('print'), { _: '出力する' })}
          onConfirm={() => void open()}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
};

/**
 * The application page's documents: 申込書PDF (変更申込書 for a change) always; 承認通知PDF once approved — before the
 * 利用開始日 it says from when (the manuals: 利用開始日以降に出力可能) instead of asking the server to refuse.
 */
export const DocumentButtons = ({ record }: { record: Pick<Application, 'receiptNo' | 'status' | 'startDate'> }) => {
  if (!record.receiptNo) return null;
  return <Buttons receiptNo={record.receiptNo} status={record.status} startDate={record.startDate} />;
};

const Buttons = ({ receiptNo, status, startDate }: { receiptNo: string; status: Application['status']; startDate?: string | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const approved = status === 'APPROVED' && !!startDate;
  const notYet = approved && todayInJapan() < startDate;
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap data-testid="document-buttons">
      <DocumentButton receiptNo={receiptNo} kind="form" />
      {approved && !notYet ? <DocumentButton receiptNo={receiptNo} kind="approval" /> : null}
      {notYet ? (
        <Typography variant="body2" color="text.secondary" data-testid="approval-not-yet">
          {translate(D('approval_from'), { _: '承認通知PDFは利用開始日 (%{date}) から出力できます。', date: formatDate(startDate, locale) })}
        </Typography>
      ) : null}
    </Stack>
  );
};

/**
 * ID通知内容PDF for handing over on paper. Where this staff member may read the passwords (`withPasswords`: the notice
 * is readable for them), the print carries them and is recorded like 「パスワードを表示」: asked first, and the page
 * refreshed after so its history shows the record.
 */
export const IdNoticePdfButton = ({ receiptNo, withPasswords }: { receiptNo?: string | null; withPasswords: boolean }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  if (!receiptNo) return null;
  return (
    <DocumentButton
      receiptNo={receiptNo}
      kind="id-notice"
      confirm={withPasswords ? translate(D('id_notice_confirm'), { _: 'パスワードを記載したID通知内容を出力します。出力は参照として履歴と監査ログに記録されます。' }) : undefined}
      onDone={withPasswords ? refresh : undefined}
    />
  );
};
