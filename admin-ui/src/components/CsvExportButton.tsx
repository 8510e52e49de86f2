import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadCsv, exportSearch, type ExportList, type ExportProgress } from './csvExport';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * CSVダウンロード: the list as the server exports it — every page, with the filters (and queue tab) on screen, the
 * sort too when `sorted` (the application list; the others have the server's own order). While it streams the button
 * says 書き出し中… with the rows and bytes so far and cannot be pressed again; a refusal shows the server's message.
 */
export const CsvExportButton = ({ list, sorted = false }: { list: ExportList; sorted?: boolean }) => {
  const { filterValues, sort } = useListContext();
  const notify = useNotify();
  const translate = useTranslate();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving the page stops a download in flight (the server ends its query).
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    abort.current = new AbortController();
    setProgress({ bytes: 0, rows: 0 });
    try {
      const done = await downloadCsv(list, exportSearch(filterValues ?? {}, sorted ? sort : undefined), setProgress, abort.current.signal);
      notify('naccs.csv.done', { type: 'success', messageArgs: { file: done.fileName, rows: done.rows.toLocaleString('ja-JP') } });
    } catch (e) {
      if (!abort.current?.signal.aborted) notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  const running = progress !== null;
  return (
    <Button
      size="small"
      onClick={() => void run()}
      disabled={running}
      startIcon={running ? <CircularProgress size={16} /> : <DownloadIcon />}
      aria-busy={running}
      data-testid="csv-export"
    >
      {running
        ? translate('naccs.csv.running', { rows: progress.rows.toLocaleString('ja-JP'), size: size(progress.bytes) })
        : translate('naccs.csv.download')}
    </Button>
  );
};
