import { Alert, Box, Divider, Stack, Typography } from '@mui/material';
import {
  Link,
  Show,
  TabbedShowLayout,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import {
  DateText,
  DateTimeText,
  EnumChips,
  EnumText,
  Item,
  ItemGrid,
  PersonItems,
  Section,
  TextBlock,
  Val,
  useEnumLabel,
} from '../components/display';
import { fileSize } from '../components/format';
import { RowsTable } from '../components/RowsTable';
import { BillingSections, CompanyProfileSection, OfficeProfileSections } from '../components/profiles';
import { StatusChip } from '../components/StatusChip';
import { useShowError } from '../components/useShowError';
import type { Application } from '../types';
import { ChangesTable } from './ChangesTable';
import { ChecksPanel } from './ChecksPanel';
import { DocumentButtons } from './DocumentButtons';
import { DownloadAttachmentButton } from './DownloadAttachmentButton';
import { CategoryText, companyNameOf } from './helpers';
import { HistoryTab } from './HistoryTab';
import { IdNoticeTab } from './IdNoticeTab';
import { ReviewDoneProvider } from './nextApplication';
import { ReviewToolbar } from './ReviewToolbar';
import { ShowLive } from './ShowLive';
import { hasIdNotice } from './reviewRules';
import { LinesTab, TerminalsTab, UserCodesTab, MailboxesTab } from './ContractTabs';
import { TabChanges } from './TabChanges';

const ShowTitle = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  return <>{translate('resources.applications.title', { receiptNo: record?.receiptNo ?? '' })}</>;
};

/** What the support desk reads out on the phone: number, status, company, dates, reviewer. */
const SummaryHeader = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pt: 2, pb: 1 }}>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="h5" component="h2" sx={{ fontFamily: 'monospace', fontWeight: 700 }} data-testid="receipt-no">
          {record.receiptNo}
        </Typography>
        <StatusChip status={record.status} size="medium" />
        <Typography variant="subtitle1">
          <CategoryText record={record} />
        </Typography>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          <Val>{companyNameOf(record)}</Val>
        </Typography>
      </Stack>
      <Stack direction="row" spacing={3} sx={{ mt: 1, color: 'text.secondary' }} flexWrap="wrap" useFlexGap>
        <Typography variant="body2">
          {translate('resources.applications.fields.receivedAt')}: <DateTimeText value={record.receivedAt} />
        </Typography>
        <Typography variant="body2">
          {translate('resources.applications.fields.desiredStartDate')}: <DateText value={record.desiredStartDate} />
        </Typography>
        <Typography variant="body2">
          {translate('resources.applications.fields.startDate')}: <DateText value={record.startDate} />
        </Typography>
        <Typography variant="body2">
          {translate('resources.applications.fields.assignee')}: <Val>{record.assignee?.name}</Val>
        </Typography>
        <Typography variant="body2">
          {translate('resources.applications.fields.officeCode')}: <Val>{record.office?.code}</Val>
        </Typography>
      </Stack>
      <Box sx={{ mt: 1.5 }}>
        <DocumentButtons record={record} />
      </Box>
      {record.status === 'RETURNED' && record.returnMessage ? (
        <Alert severity="warning" sx={{ mt: 1.5, whiteSpace: 'pre-wrap' }}>
          <strong>{translate('resources.applications.fields.returnMessage')}:</strong> {record.returnMessage}
        </Alert>
      ) : null}
    </Box>
  );
};

const F = (key: string) => `resources.applications.fields.${key}`;

/** 申込内容. */
const ApplicationTab = () => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <Box>
      <Section title="resources.applications.sections.summary">
        <ItemGrid>
          <Item label={F('receiptNo')}>
            <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
              {record.receiptNo}
            </Box>
          </Item>
          <Item label={F('status')}>
            <StatusChip status={record.status} />
          </Item>
          <Item label={F('kind')}>
            <EnumText name="ApplicationKind" value={record.kind} />
          </Item>
          <Item label={F('connection')}>
            <EnumText name="Connection" value={record.connection} />
          </Item>
          <Item label={F('assignee')}>{record.assignee?.name}</Item>
          <Item label={F('version')}>{record.version}</Item>
          <Item label={F('changeItems')} wide>
            <EnumChips name="ChangeItem" values={record.changeItems} />
          </Item>
          <Item label={F('otherChange')}>
            <EnumText name="OtherChange" value={record.otherChange} />
          </Item>
          <Item label={F('transferTargetOfficeCode')}>{record.transferTargetOfficeCode}</Item>
        </ItemGrid>
      </Section>
      <Section title="resources.applications.sections.dates">
        <ItemGrid>
          <Item label={F('receivedAt')}>
            <DateTimeText value={record.receivedAt} />
          </Item>
          <Item label={F('desiredStartDate')}>
            <DateText value={record.desiredStartDate} />
          </Item>
          <Item label={F('startDate')}>
            <DateText value={record.startDate} />
          </Item>
          <Item label={F('reviewedAt')}>
            <DateTimeText value={record.reviewedAt} />
          </Item>
          <Item label={F('systemSettingsDeadline')}>
            <DateText value={record.systemSettingsDeadline} />
          </Item>
          <Item label={F('systemSettingsRecordedAt')}>
            <DateTimeText value={record.systemSettingsRecordedAt} />
          </Item>
          <Item label={F('updatedAt')}>
            <DateTimeText value={record.updatedAt} />
          </Item>
        </ItemGrid>
      </Section>
      <Section title={F('returnMessage')}>
        <TextBlock text={record.returnMessage} />
      </Section>
      <Section title="resources.applications.sections.applicant">
        <ItemGrid>
          <Item label={F('applicantCompanyName')}>{record.applicantCompanyName}</Item>
          <Item label={F('applicantCompanyNameKana')}>{record.applicantCompanyNameKana}</Item>
          <PersonItems person={record.applicant} />
        </ItemGrid>
      </Section>
      <Section title={F('reason')}>
        <TextBlock text={record.reason} />
      </Section>
      <Section title={F('remarks')}>
        <TextBlock text={record.remarks} />
      </Section>
      <Section title="resources.applications.sections.attachments">
        <RowsTableAttachments record={record} />
      </Section>
      {record.kind === 'CHANGE' || record.kind === 'TERMINATION' ? (
        <Section title="resources.applications.sections.changes">
          <ChangesTable changes={record.changes} />
        </Section>
      ) : null}
    </Box>
  );
};

const RowsTableAttachments = ({ record }: { record: Application }) => {
  const enumLabel = useEnumLabel();
  return (
    <RowsTable
      rows={record.attachments}
      empty="naccs.attachment.none"
      columns={[
        { label: 'naccs.attachment.kind', render: (a) => enumLabel('AttachmentKind', a.kind), nowrap: true },
        { label: 'naccs.attachment.fileName', render: (a) => a.fileName },
        { label: 'naccs.attachment.contentType', render: (a) => a.contentType },
        { label: 'naccs.attachment.size', render: (a) => fileSize(a.size), align: 'right', nowrap: true },
        { label: 'naccs.attachment.createdAt', render: (a) => <DateTimeText value={a.createdAt} />, nowrap: true },
        { label: 'naccs.attachment.download', render: (a) => <DownloadAttachmentButton attachment={a} />, nowrap: true },
      ]}
    />
  );
};

/** 事業所・企業: the profiles in the application, and the registered office when there is one. */
const OfficeCompanyTab = () => {
  const record = useRecordContext<Application>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <TabChanges items={['COMPANY_OFFICE', 'CONTRACTOR', 'HEAD_OFFICE', 'MANAGER']} />
      <Section title="resources.applications.sections.linkedOffice">
        {record.office ? (
          <ItemGrid>
            <Item label="naccs.office.code">
              <Link to={createPath({ resource: 'offices', id: record.office.id, type: 'show' })} sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
                {record.office.code}
              </Link>
            </Item>
            <Item label="naccs.office.name">{record.office.profile?.name}</Item>
            <Item label="naccs.company.name">{record.office.company?.profile?.name}</Item>
            <Item label="naccs.company.abbreviation">{record.office.company?.abbreviation}</Item>
          </ItemGrid>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.applications.no_office_yet')}
          </Typography>
        )}
      </Section>
      <Divider sx={{ mb: 2 }} />
      <CompanyProfileSection profile={record.companyProfile} />
      <OfficeProfileSections profile={record.officeProfile} />
    </Box>
  );
};

/** 料金プラン. */
const PlanTab = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title={F('plan')}>
      <TabChanges items={['PLAN']} />
      {record.plan ? (
        <Typography variant="h6" component="p">
          <EnumText name="Plan" value={record.plan} />
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('naccs.plan.none')}
        </Typography>
      )}
    </Section>
  );
};

const BillingTab = () => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <>
      <TabChanges items={['BILLING_ADDRESS', 'BILLING_CONTACT', 'PAYMENT_METHOD']} />
      <BillingSections billing={record.billing} />
    </>
  );
};

const T = (key: string) => `resources.applications.tabs.${key}`;

/** A tab label with the number of rows behind it, e.g. 利用者コード (2). */
const TabLabel = ({ label, count }: { label: string; count: (r: Application) => number | undefined }) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const n = record ? count(record) : undefined;
  return (
    <span>
      {translate(label)}
      {n ? ` (${n})` : ''}
    </span>
  );
};

/** The tabs; ID通知内容 appears once the application is approved. */
const ApplicationTabs = () => {
  const record = useRecordContext<Application>();
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label={T('application')}>
        <ApplicationTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={T('officeCompany')} path="office">
        <OfficeCompanyTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={<TabLabel label={T('userCodes')} count={(r) => r.userCodes?.length} />} path="user-codes">
        <UserCodesTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab
        label={<TabLabel label={T('terminals')} count={(r) => r.terminals?.filter((t) => t.terminalType !== 'GENERAL').length} />}
        path="terminals"
      >
        <TerminalsTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={<TabLabel label={T('lines')} count={(r) => r.lines?.length} />} path="lines">
        <LinesTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={<TabLabel label={T('mailboxes')} count={(r) => r.mailboxes?.length} />} path="mailboxes">
        <MailboxesTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={T('plan')} path="plan">
        <PlanTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={T('billing')} path="billing">
        <BillingTab />
      </TabbedShowLayout.Tab>
      {hasIdNotice(record) ? (
        <TabbedShowLayout.Tab label={T('idNotice')} path="id-notice">
          <IdNoticeTab />
        </TabbedShowLayout.Tab>
      ) : null}
      <TabbedShowLayout.Tab label={<TabLabel label={T('history')} count={(r) => r.history?.length} />} path="history">
        <HistoryTab />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  );
};

/**
 * The application as NSS shows it, tab by tab, plus its ID通知内容 and history, with the review actions on top; live:
 * who else has it open, what others do to it, and 次の申込へ after a review action.
 */
export const ApplicationShow = () => {
  const onError = useShowError('applications');
  return (
    <ReviewDoneProvider>
      <Show title={<ShowTitle />} actions={<ReviewToolbar />} queryOptions={{ onError }}>
        <ShowLive />
        <SummaryHeader />
        <ChecksPanel />
        <ApplicationTabs />
      </Show>
    </ReviewDoneProvider>
  );
};
