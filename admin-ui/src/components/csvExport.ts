// The server's CSV exports (GET /exports/{list}.csv, server/src/exports/routes.ts) fetched with the session's token:
// the list's filter as query parameters of the same names, the body read as it streams (bytes and rows so far for the
// progress), then saved under the server's file name.
import { saveFile } from '../applications/saveFile';
import { session } from '../session';

export type ExportList = 'applications' | 'audit-log' | 'emails' | 'offices';

export interface ExportProgress {
  bytes: number;
  rows: number;
}

/**
 * A list's filter values as the export's parameters: lists repeat, empty values are left out (the server reads a
 * missing filter as no filter). The sort (applications only) goes as its GraphQL enum: receivedAt → RECEIVED_AT.
 */
export function exportSearch(filter: Record<string, unknown>, sort?: { field: string; order: string }): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null || v === '' || v === false) continue;
      search.append(key, String(v).trim());
    }
  }
  if (sort?.field) {
    search.set('sort', sort.field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase());
    search.set('order', sort.order === 'ASC' ? 'ASC' : 'DESC');
  }
  return search;
}

/**
 * Counts CSV records as bytes arrive: a line feed ends a record unless it is inside quotes (a doubled quote toggles
 * twice, so escaped quotes need no care). Multi-byte UTF-8 never contains the bytes of `"` or LF.
 */
export class CsvRecordCounter {
  records = 0;
  private quoted = false;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (byte === 0x22) this.quoted = !this.quoted;
      else if (byte === 0x0a && !this.quoted) this.records++;
    }
  }
}

/** The file name of a Content-Disposition: the RFC 5987 (UTF-8) one first, else the plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** The server's refusal in its own (Japanese) words, or a generic one. */
async function refusal(res: Response): Promise<Error> {
  try {
    const body = (await res.json()) as { message?: string };
    if (body.message) return new Error(body.message);
  } catch {
    /* not JSON */
  }
  return new Error(res.status === 401 ? 'サインインし直してください。' : `CSVを書き出せませんでした (HTTP ${res.status})。時間をおいて再度お試しください。`);
}

/** Downloads an export: streams it (reporting progress), then saves it as the server names it. Returns the data rows. */
export async function downloadCsv(
  list: ExportList,
  search: URLSearchParams,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportProgress & { fileName: string }> {
  const token = session.token();
  let res: Response;
  try {
    res = await fetch(`/exports/${list}.csv?${search}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new Error('サーバーに接続できませんでした。ネットワークを確認して再度お試しください。');
  }
  if (!res.ok || !res.body) throw await refusal(res);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  const counter = new CsvRecordCounter();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new Error('書き出しの途中で接続が切れました。再度お試しください。');
    });
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    counter.push(value);
    onProgress({ bytes, rows: Math.max(0, counter.records - 1) });
  }
  const fileName = fileNameOf(res.headers.get('content-disposition'), `${list}.csv`);
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }));
  saveFile(url, fileName);
  // Revoked after the click has handed the file to the browser's download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { bytes, rows: Math.max(0, counter.records - 1), fileName };
}
