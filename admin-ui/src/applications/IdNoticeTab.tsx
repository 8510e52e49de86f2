import { Alert, Box, CircularProgress, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { CopyButton } from '../components/CopyButton';
import { DateText, EnumChips, EnumText, Item, ItemGrid, Section, useEnumLabel } from '../components/display';
import { RowsTable } from '../components/RowsTable';
import { CertificateStatusChip } from '../components/StatusChip';
import type { Application, IdNotice, IdNoticeLine, IdNoticeMailbox, IdNoticeTerminal, IdNoticeUserId } from '../types';
import { ApplicationResultTable } from './ApplicationResultTable';
import { IdNoticePdfButton } from './DocumentButtons';
import { ReissuePasswordButton } from './ReissuePasswordButton';
import { RevealPasswordsButton } from './RevealPasswordsButton';
import { reviewActionsFor } from './reviewRules';
import { SecretText } from './SecretText';

const N = (key: string) => `naccs.id_notice.${key}`;

const Code = ({ value, label }: { value?: string | null; label: string }) =>
  value ? (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' }}>
      <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
        {value}
      </Box>
      <CopyButton value={value} label={label} />
    </Box>
  ) : null;

/**
 * ID通知内容 of an approved application, laid out like NSS's screen: the codes and passwords it issued, the
 * 利用者ID it abolishes, lines with IP addresses, 論理端末 with 端末アクセスキー and 認証コード, mailboxes, and the
 * 申込結果. Passwords stay masked until 「パスワードを表示」 (recorded in the history and audit log; only within the
 * パスワード参照期間 and for roles that may read them). Supervisors reissue a password per 利用者ID, mailbox or office.
 */
export const IdNoticeTab = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data: masked, isPending, error } = useGetOne<IdNotice>('idNotices', { id: record?.id ?? '' }, { enabled: !!record?.id });
  const [revealed, setRevealed] = useState<IdNotice | null>(null);
  const [revealing, setRevealing] = useState(false);

  // Another application, or this one changed (e.g. a reissue): show it masked again.
  useEffect(() => setRevealed(null), [record?.id, record?.version]);

  if (!record) return null;
  if (isPending) return <CircularProgress size={24} sx={{ m: 2 }} />;
  if (error || !masked) {
    return <Alert severity="info">{error instanceof Error ? error.message : translate(N('none'))}</Alert>;
  }
  const notice = revealed ?? masked;
  const canReissue = reviewActionsFor(record).reissuePassword;
  const readable =
    masked.officePasswordReadable ||
    masked.userIds.some((u) => u.passwordReadable) ||
    masked.mailboxes.some((m) => m.passwordReadable) ||
    masked.terminals.some((t) => t.authCodesReadable);

  const reveal = async () => {
    setRevealing(true);
    try {
      const { data } = await dataProvider.getOne<IdNotice>('idNotices', { id: record.id, meta: { revealPasswords: true } });
      setRevealed(data);
      if (!data.passwordsRevealed && data.maskReason) notify(data.maskReason, { type: 'warning' });
      // The reveal is in the history now.
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setRevealing(false);
    }
  };
  const afterReissue = () => setRevealed(null);

  return (
    <Box data-testid="id-notice">
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }} flexWrap="wrap" useFlexGap>
        <IdNoticePdfButton receiptNo={record.receiptNo} withPasswords={readable} />
        {notice.passwordsRevealed ? (
          <Alert severity="warning" sx={{ flex: 1 }} data-testid="passwords-revealed">
            {translate(N('revealed'))}
          </Alert>
        ) : (
          <>
            {readable ? <RevealPasswordsButton onReveal={reveal} busy={revealing} /> : null}
            <Alert severity="info" sx={{ flex: 1 }} data-testid="mask-reason">
              {/* The server says why (the role, the period, or how to reveal); the console adds no reason of its own. */}
              {notice.maskReason ?? translate(N('not_readable'))}
            </Alert>
          </>
        )}
      </Stack>

      <Section title={N('title')}>
        <ItemGrid>
          <Item label={N('startDate')}>
            <DateText value={notice.startDate} />
          </Item>
          <Item label="naccs.company.abbreviation">
            <Code value={notice.abbreviation} label="naccs.company.abbreviation" />
          </Item>
          <Item label="naccs.office.code">
            <Code value={notice.officeCode} label="naccs.office.code" />
          </Item>
          <Item label={N('officePassword')}>
            {notice.officePassword ? (
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
                <SecretText value={notice.officePassword} label={N('officePassword')} testId="office-password" />
                {canReissue ? <ReissuePasswordButton kind="OFFICE" code={notice.officeCode} onDone={afterReissue} /> : null}
              </Box>
            ) : null}
          </Item>
          <Item label={N('systemCategory')}>
            <EnumText name="SystemCategory" value={notice.systemCategory} />
          </Item>
          <Item label="naccs.office.customsOffice">
            <EnumText name="CustomsOffice" value={notice.customsOffice} />
          </Item>
          <Item label="resources.offices.fields.billingCode">
            <Code value={notice.billingCode} label="resources.offices.fields.billingCode" />
          </Item>
          <Item label="resources.applications.fields.systemSettingsDeadline">
            <DateText value={notice.systemSettingsDeadline} />
          </Item>
        </ItemGrid>
      </Section>

      <Section title={N('userIds')}>
        <RowsTable<IdNoticeUserId & { id: string }>
          rows={notice.userIds.map((u) => ({ ...u, id: u.userId }))}
          empty={N('no_user_ids')}
          label={N('userIds')}
          columns={[
            { label: N('systemCategory'), render: (u) => enumLabel('SystemCategory', u.systemCategory), nowrap: true },
            { label: 'naccs.userId.industries', render: (u) => <EnumChips name="Industry" values={u.industries} /> },
            { label: 'naccs.userId.processingMethod', render: (u) => enumLabel('ProcessingMethod', u.processingMethod), nowrap: true },
            { label: 'naccs.userCode.userCode', render: (u) => <Code value={u.userCode} label="naccs.userCode.userCode" /> },
            { label: 'naccs.userId.identNo', render: (u) => <Code value={u.identNo} label="naccs.userId.identNo" /> },
            {
              label: N('password'),
              render: (u) => (
                <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
                  <SecretText value={u.password} label={N('password')} testId={`password-${u.userId}`} />
                  {canReissue ? <ReissuePasswordButton kind="USER_ID" code={u.userId} onDone={afterReissue} /> : null}
                </Box>
              ),
            },
            { label: 'naccs.userId.startDate', render: (u) => <DateText value={u.startDate} weekday={false} />, nowrap: true },
          ]}
        />
      </Section>

      {notice.abolishedUserIds.length > 0 ? (
        <Section title={N('abolished')}>
          <RowsTable<IdNoticeUserId & { id: string }>
            rows={notice.abolishedUserIds.map((u) => ({ ...u, id: u.userId }))}
            columns={[
              { label: 'naccs.userId.userId', render: (u) => <Code value={u.userId} label="naccs.userId.userId" /> },
              { label: 'naccs.userId.industries', render: (u) => <EnumChips name="Industry" values={u.industries} /> },
              { label: 'naccs.userId.processingMethod', render: (u) => enumLabel('ProcessingMethod', u.processingMethod), nowrap: true },
              { label: N('endDate'), render: (u) => <DateText value={u.endDate} />, nowrap: true },
            ]}
          />
        </Section>
      ) : null}

      {notice.lines.length > 0 ? (
        <Section title={N('lines')}>
          <RowsTable<IdNoticeLine & { id: number }>
            rows={notice.lines.map((l, i) => ({ ...l, id: i }))}
            columns={[
              { label: 'naccs.line.systemCategory', render: (l) => enumLabel('SystemCategory', l.systemCategory), nowrap: true },
              { label: 'naccs.line.lineType', render: (l) => enumLabel('LineType', l.lineType), nowrap: true },
              { label: 'naccs.line.speed', render: (l) => l.speed, nowrap: true },
              { label: N('routerNo'), render: (l) => l.routerNo, align: 'right' },
              { label: 'naccs.line.ipAddress', render: (l) => <Code value={l.ipAddress} label="naccs.line.ipAddress" /> },
            ]}
          />
        </Section>
      ) : null}

      {notice.terminals.length > 0 ? (
        <Section title={N('terminals')}>
          <RowsTable<IdNoticeTerminal & { id: string }>
            rows={notice.terminals.map((t) => ({ ...t, id: t.name }))}
            columns={[
              { label: N('systemCategory'), render: (t) => enumLabel('SystemCategory', t.systemCategory), nowrap: true },
              { label: 'naccs.terminal.terminalType', render: (t) => enumLabel('TerminalType', t.type), nowrap: true },
              { label: N('packageSoftware'), render: (t) => enumLabel('PackageSoftware', t.packageSoftware), nowrap: true },
              { label: N('routerNo'), render: (t) => t.routerNo, align: 'right' },
              { label: 'naccs.terminal.name', render: (t) => <Code value={t.name} label="naccs.terminal.name" /> },
              { label: 'naccs.line.ipAddress', render: (t) => <Code value={t.ipAddress} label="naccs.line.ipAddress" /> },
              { label: 'naccs.terminal.accessKey', render: (t) => <Code value={t.accessKey} label="naccs.terminal.accessKey" /> },
              { label: N('authCode1'), render: (t) => <SecretText value={t.authCode1} label={N('authCode1')} /> },
              { label: N('authCode2'), render: (t) => <SecretText value={t.authCode2} label={N('authCode2')} /> },
              { label: N('authCode3'), render: (t) => <SecretText value={t.authCode3} label={N('authCode3')} /> },
              {
                label: 'naccs.terminal.certificateStatus',
                render: (t) => (t.certificateStatus ? <CertificateStatusChip status={t.certificateStatus} /> : null),
              },
            ]}
          />
        </Section>
      ) : null}

      {notice.mailboxes.length > 0 ? (
        <Section title={N('mailboxes')}>
          <RowsTable<IdNoticeMailbox & { id: string }>
            rows={notice.mailboxes.map((m) => ({ ...m, id: m.mailboxId }))}
            columns={[
              { label: 'naccs.mailbox.mailboxId', render: (m) => <Code value={m.mailboxId} label="naccs.mailbox.mailboxId" /> },
              { label: 'naccs.mailbox.type', render: (m) => enumLabel('MailboxType', m.type), nowrap: true },
              {
                label: N('password'),
                render: (m) => (
                  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
                    <SecretText value={m.password} label={N('password')} testId={`password-${m.mailboxId}`} />
                    {canReissue ? <ReissuePasswordButton kind="MAILBOX" code={m.mailboxId} onDone={afterReissue} /> : null}
                  </Box>
                ),
              },
            ]}
          />
        </Section>
      ) : null}

      <Section title="naccs.result.title">
        <ItemGrid>
          <Item label={N('startDate')}>
            <DateText value={notice.startDate} />
          </Item>
          <Item label={N('contractEndDate')}>
            <DateText value={notice.contractEndDate} />
          </Item>
          <Item label={N('applicationFormDeadline')}>
            <DateText value={notice.applicationFormDeadline} />
          </Item>
          <Item label="resources.applications.fields.systemSettingsDeadline">
            <DateText value={notice.systemSettingsDeadline} />
          </Item>
        </ItemGrid>
        <Box sx={{ mt: 1.5, maxWidth: 560 }}>
          <ApplicationResultTable rows={record.result} />
        </Box>
      </Section>
    </Box>
  );
};
