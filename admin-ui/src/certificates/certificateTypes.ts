import type { CertificateStatus, TerminalType } from '../labels';

/** Certificate of server/schema.graphql (no 認証コード), as the console reads it. */
export interface Certificate {
  id: string;
  terminalName: string;
  terminalType: TerminalType;
  officeCode?: string | null;
  receiptNo?: string | null;
  status: CertificateStatus;
  serial?: string | null;
  notBefore?: string | null;
  notAfter?: string | null;
  /** 取得期限 (ISO date). */
  acquireBy?: string | null;
  acquiredAt?: string | null;
  createdAt: string;
  revokedAt?: string | null;
  reason?: string | null;
  renewable: boolean;
  locked: boolean;
  failedAttempts: number;
}
