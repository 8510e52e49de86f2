import CloseIcon from '@mui/icons-material/Close';
import { Alert, Box, Drawer, IconButton, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useAccess } from '../access';
import { DateTimeText, Item, ItemGrid, Mono } from '../components/display';
import { SandboxedHtml } from '../templates/SandboxedHtml';
import { EmailFlags, EmailStatusChip } from './EmailStatusChip';
import type { OutboundEmail } from './emailTypes';
import { LookupLink } from './LookupLink';
import { ResendEmailButton } from './ResendEmailButton';

const F = (key: string) => `resources.emails.fields.${key}`;

/**
 * One mail of 送信ログ: its envelope (宛先, 状態, 試行回数, 最終エラー, Message-ID, dates, 申込受付番号) and the body as
 * sent — the text, and the HTML part in a sandboxed frame (no script, no navigation). Supervisors resend it.
 */
export const EmailDetailDrawer = ({
  email,
  templateLabel,
  onClose,
}: {
  email: OutboundEmail | null;
  templateLabel: (key: string) => string;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const { may } = useAccess();
  const [tab, setTab] = useState<'text' | 'html'>('text');
  const shown = email?.html ? tab : 'text';
  return (
    <Drawer anchor="right" open={!!email} onClose={onClose} slotProps={{ paper: { sx: { width: { xs: '100%', md: 720 } } } }}>
      {email ? (
        <Box sx={{ p: 2 }} data-testid="email-detail" data-email-id={email.id}>
          <Stack direction="row" alignItems="flex-start" spacing={1} sx={{ mb: 1.5 }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="caption" color="text.secondary">
                {translate('resources.emails.detail_title')}
              </Typography>
              <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }} data-testid="email-detail-subject">
                {email.subject}
              </Typography>
            </Box>
            <IconButton onClick={onClose} aria-label={translate('ra.action.close')}>
              <CloseIcon />
            </IconButton>
          </Stack>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }}>
            <EmailStatusChip status={email.status} />
            <EmailFlags email={email} />
            <Box sx={{ flex: 1 }} />
            {may('resendEmail') ? <ResendEmailButton email={email} /> : null}
          </Stack>
          {email.possibleDuplicate ? (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="email-detail-possible-duplicate">
              <strong>{translate('naccs.emails.possible_duplicate')}:</strong> {translate('naccs.emails.possible_duplicate_hint')}
            </Alert>
          ) : null}
          {email.renderNote ? (
            <Alert severity="warning" sx={{ mb: 2, overflowWrap: 'anywhere' }} data-testid="email-detail-render-note">
              <strong>{translate('naccs.emails.render_fallback')}:</strong> {translate('naccs.emails.render_fallback_hint')}
              <Box sx={{ mt: 0.5, fontSize: '0.85rem' }}>{email.renderNote}</Box>
            </Alert>
          ) : null}
          {email.lastError ? (
            <Alert severity={email.status === 'DEAD' ? 'error' : 'warning'} sx={{ mb: 2, overflowWrap: 'anywhere' }}>
              <strong>{translate(F('lastError'))}:</strong> {email.lastError}
            </Alert>
          ) : null}
          <ItemGrid min={200}>
            <Item label={F('recipients')} wide>
              {email.recipients.join(', ')}
            </Item>
            <Item label={F('templateKey')}>
              {`${templateLabel(email.templateKey)}${email.templateVersion ? ` (${translate('naccs.templates.version', { version: email.templateVersion })})` : ''}`}
            </Item>
            <Item label={F('receiptNo')}>{email.receiptNo ? <LookupLink resource="applications" code={email.receiptNo} /> : null}</Item>
            <Item label={F('attempts')}>{String(email.attempts)}</Item>
            <Item label={F('createdAt')}>
              <DateTimeText value={email.createdAt} />
            </Item>
            <Item label={F('sentAt')}>{email.sentAt ? <DateTimeText value={email.sentAt} /> : null}</Item>
            <Item label={F('nextAttemptAt')}>
              {email.status === 'PENDING' || email.status === 'SENDING' ? <DateTimeText value={email.nextAttemptAt} /> : null}
            </Item>
            <Item label={F('messageId')} wide>
              <Mono>{email.messageId}</Mono>
            </Item>
          </ItemGrid>
          <Tabs value={shown} onChange={(_, v: 'text' | 'html') => setTab(v)} sx={{ mt: 2, mb: 1 }}>
            <Tab value="text" label={translate('naccs.templates.preview.text')} />
            {email.html ? <Tab value="html" label={translate('naccs.templates.preview.html')} data-testid="email-html-tab" /> : null}
          </Tabs>
          {shown === 'html' && email.html ? (
            <SandboxedHtml html={email.html} height={560} title={email.subject} testId="email-html" />
          ) : (
            <Box
              component="pre"
              data-testid="email-text"
              sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontFamily: 'monospace', fontSize: '0.85rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {email.text}
            </Box>
          )}
        </Box>
      ) : null}
    </Drawer>
  );
};
