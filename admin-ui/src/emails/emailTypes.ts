/** EmailStatus of server/schema.graphql: 送信待ち, 送信中, 送信済, 送信失敗 (DEAD: retries exhausted). */
export const EMAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'DEAD'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** OutboundEmailView (送信ログ), as the console reads it. */
export interface OutboundEmail {
  id: string;
  templateKey: string;
  templateVersion?: number | null;
  receiptNo?: string | null;
  recipients: string[];
  subject: string;
  /** Secrets (passwords) stay masked. */
  text: string;
  html?: string | null;
  status: EmailStatus;
  attempts: number;
  lastError?: string | null;
  /** Why the mail was written from an earlier template version (the latest one failed to render). */
  renderNote?: string | null;
  messageId: string;
  /** An earlier attempt's outcome was never recorded: it was sent again (same Message-ID) and may have arrived twice. */
  possibleDuplicate: boolean;
  createdAt: string;
  sentAt?: string | null;
  nextAttemptAt: string;
}
