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
  /** この利用者がこのデジタル証明書に対して今できる操作 (the server's rule: state, terminal, role). */
  availableActions?: CertificateAction[];
}

/** What may be done with a certificate (Certificate.availableActions). */
export type CertificateAction = 'REISSUE' | 'REVOKE';
