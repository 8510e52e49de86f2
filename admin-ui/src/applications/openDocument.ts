import { session } from '../session';
import { saveFile } from './saveFile';

/** The server's documents of an application (GET /documents/applications/{receiptNo}/{kind}.pdf). */
export type DocumentKind = 'form' | 'approval' | 'id-notice';

export const documentUrl = (receiptNo: string, kind: DocumentKind): string =>
  `/documents/applications/${encodeURIComponent(receiptNo)}/${kind}.pdf`;

/** A refusal of the server: its Japanese message and code (UNAUTHENTICATED, INVALID_TRANSITION …). */
export class DocumentError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/** The file name the server gave (RFC 5987 filename* first, e.g. 申込書_260001A.pdf). */
const fileNameOf = (disposition: string | null): string | undefined => {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1];
};

/**
 * Fetches a document with the session's token (a plain link could not send it) and opens it in a new tab as a blob
 * URL; where the browser blocks the tab, it is saved under the server's file name instead.
 */
export const openDocument = async (receiptNo: string, kind: DocumentKind): Promise<void> => {
  const token = session.token();
  const res = await fetch(documentUrl(receiptNo, kind), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new DocumentError(body?.message ?? `HTTP ${res.status}`, body?.code);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  const fileName = fileNameOf(res.headers.get('content-disposition')) ?? `${kind}-${receiptNo}.pdf`;
  if (!window.open(url, '_blank')) saveFile(url, fileName);
  // The new tab has read the blob by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
