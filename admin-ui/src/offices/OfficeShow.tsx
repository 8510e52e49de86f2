import { Box, Typography } from '@mui/material';
import type { MouseEvent, ReactNode } from 'react';
import { Link, ListButton, Show, TabbedShowLayout, TopToolbar, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { CategoryText, companyNameOf } from '../applications/helpers';
import {
  AddressText,
  DateText,
  DateTimeText,
  EnumText,
  Item,
  ItemGrid,
  Mono,
  Section,
  Val,
  useEnumLabel,
} from '../components/display';
import { BillingSections, CompanyProfileSection, OfficeProfileSections } from '../components/profiles';
import { RowsTable } from '../components/RowsTable';
import { OfficeStatusChip, StatusChip } from '../components/StatusChip';
import { useShowError } from '../components/useShowError';
import type { Application, ContractLine, Office } from '../types';
import { ContractAsOfTab } from './ContractAsOfTab';
import { ContractTerminalsTable } from './ContractTerminalsTable';
import { ContractUserIdsTable } from './ContractUserIdsTable';
import { NoticesTab } from './NoticesTab';
import { PendingChangesSection, PendingValue } from './PendingChanges';
import { Services } from './OfficeList';

const F = (key: string) => `resources.offices.fields.${key}`;
const T = (key: string) => `resources.offices.tabs.${key}`;

const ShowTitle = () => {
  const record = useRecordContext<Office>();
  const translate = useTranslate();
  return <>{translate('resources.offices.title', { code: record?.code ?? '' })}</>;
};

const Header = () => {
  const record = useRecordContext<Office>();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pt: 2, pb: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="h5" component="h2" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
        {record.code}
      </Typography>
      <OfficeStatusChip status={record.status} endDate={record.endDate} />
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        <Val>{record.company?.profile?.name}</Val>
      </Typography>
      <Typography variant="subtitle1">
        <Val>{record.profile?.name}</Val>
      </Typography>
      <Services record={record} />
    </Box>
  );
};

const OfficeTab = () => {
  const record = useRecordContext<Office>();
  if (!record) return null;
  return (
    <Box>
      <PendingChangesSection changes={record.pendingChanges} />
      <Section title={T('office')}>
        <ItemGrid>
          <Item label={F('code')}>
            <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
              {record.code}
            </Box>
          </Item>
          <Item label={F('status')}>
            <OfficeStatusChip status={record.status} endDate={record.endDate} />
          </Item>
          <Item label={F('plan')}>
            <EnumText name="Plan" value={record.plan} />
          </Item>
          <Item label={F('services')}>
            <Services record={record} />
          </Item>
          <Item label={F('startDate')}>
            <DateText value={record.startDate} />
          </Item>
          <Item label={F('endDate')}>
            <DateText value={record.endDate} />
          </Item>
        </ItemGrid>
      </Section>
      <OfficeProfileSections title="resources.applications.sections.office" profile={record.profile} />
      <CompanyProfileSection profile={record.company?.profile} abbreviation={record.company?.abbreviation ?? null} />
    </Box>
  );
};

const BillingTab = () => {
  const record = useRecordContext<Office>();
  if (!record) return null;
  return <BillingSections billing={record.billing} billingCode={record.billingCode ?? null} />;
};

/** netNACCS: its 利用者ID and its netNACCS / webNACCS / ebMS terminals with their certificates. */
const NetNaccsTab = () => {
  const record = useRecordContext<Office>();
  if (!record) return null;
  return (
    <Box>
      <Section title={F('userIds')}>
        <ContractUserIdsTable office={record} connection="NET" />
      </Section>
      <Section title={F('terminals')}>
        <ContractTerminalsTable terminals={record.terminals} types={['NET', 'WEB', 'EBMS']} pending={record.pendingChanges} />
      </Section>
    </Box>
  );
};

/** 一般NACCS: its 利用者ID, lines (with IP addresses), terminals and mailboxes. */
const GeneralNaccsTab = () => {
  const record = useRecordContext<Office>();
  if (!record) return null;
  return (
    <Box>
      <Section title={F('userIds')}>
        <ContractUserIdsTable office={record} connection="GENERAL" />
      </Section>
      <LinesSection />
      <Section title={F('terminals')}>
        <ContractTerminalsTable terminals={record.terminals} types={['GENERAL']} pending={record.pendingChanges} />
      </Section>
      <MailboxesSection />
    </Box>
  );
};

const LinesSection = () => {
  const record = useRecordContext<Office>();
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  if (!record) return null;
  const options = (l: ContractLine) =>
    [l.redundancy && 'naccs.line.redundancy', l.spareRouter && 'naccs.line.spareRouter', l.pingMonitoring && 'naccs.line.pingMonitoring']
      .filter((o): o is string => !!o)
      .map((o) => translate(o))
      .join('・');
  // The current value, and a pending change of the line (回線の変更) from its start date.
  const withPending = (l: ContractLine, fields: string | string[], current: ReactNode) => (
    <>
      {current}
      {[fields].flat().map((f) => (
        <PendingValue key={f} changes={record.pendingChanges} targetId={l.id} field={f} />
      ))}
    </>
  );
  return (
    <Section title={F('lines')}>
      <RowsTable<ContractLine>
        rows={record.lines}
        empty="naccs.line.none_contract"
        columns={[
          { label: 'naccs.line.systemCategory', render: (l) => enumLabel('SystemCategory', l.systemCategory), nowrap: true },
          { label: 'naccs.line.connectionMethod', render: (l) => enumLabel('LineConnectionMethod', l.connectionMethod) },
          { label: 'naccs.line.lineType', render: (l) => withPending(l, 'lineType', enumLabel('LineType', l.lineType)), nowrap: true },
          { label: 'naccs.line.speed', render: (l) => withPending(l, 'speed', l.speed), nowrap: true },
          { label: 'naccs.line.maintenance', render: (l) => withPending(l, 'maintenance', enumLabel('MaintenanceHours', l.maintenance)), nowrap: true },
          { label: 'naccs.line.options', render: (l) => withPending(l, ['redundancy', 'spareRouter', 'pingMonitoring'], options(l)) },
          { label: 'naccs.line.ipAddress', render: (l) => <Mono bold>{l.ipAddress}</Mono> },
          { label: 'naccs.line.place', render: (l) => <AddressText address={l.place} /> },
          { label: 'naccs.line.startDate', render: (l) => <DateText value={l.startDate} weekday={false} />, nowrap: true },
          { label: 'naccs.line.endDate', render: (l) => <DateText value={l.endDate} weekday={false} />, nowrap: true },
        ]}
      />
    </Section>
  );
};

const MailboxesSection = () => {
  const record = useRecordContext<Office>();
  const enumLabel = useEnumLabel();
  if (!record) return null;
  return (
    <Section title={F('mailboxes')}>
      <RowsTable
        rows={record.mailboxes}
        empty="naccs.mailbox.none_contract"
        columns={[
          { label: 'naccs.mailbox.mailboxId', render: (m) => <Mono bold>{m.mailboxId}</Mono> },
          { label: 'naccs.mailbox.type', render: (m) => enumLabel('MailboxType', m.type), nowrap: true },
          { label: 'naccs.mailbox.startDate', render: (m) => <DateText value={m.startDate} weekday={false} />, nowrap: true },
          { label: 'naccs.mailbox.endDate', render: (m) => <DateText value={m.endDate} weekday={false} />, nowrap: true },
        ]}
      />
    </Section>
  );
};

const ApplicationsTab = () => {
  const record = useRecordContext<Office>();
  const createPath = useCreatePath();
  if (!record) return null;
  const A = (key: string) => `resources.applications.fields.${key}`;
  return (
    <Section title="resources.offices.recent_applications">
      <RowsTable<Application>
        rows={record.applications}
        empty="resources.applications.empty"
        columns={[
          {
            label: A('receiptNo'),
            render: (a) => (
              <Link
                to={createPath({ resource: 'applications', id: a.id, type: 'show' })}
                onClick={(e: MouseEvent) => e.stopPropagation()}
                sx={{ fontFamily: 'monospace', fontWeight: 700 }}
              >
                {a.receiptNo}
              </Link>
            ),
          },
          { label: A('category'), render: (a) => <CategoryText record={a} />, nowrap: true },
          { label: A('companyName'), render: (a) => companyNameOf(a) },
          { label: A('status'), render: (a) => <StatusChip status={a.status} /> },
          { label: A('assignee'), render: (a) => a.assignee?.name, nowrap: true },
          { label: A('receivedAt'), render: (a) => <DateTimeText value={a.receivedAt} />, nowrap: true },
          { label: A('desiredStartDate'), render: (a) => <DateText value={a.desiredStartDate} weekday={false} />, nowrap: true },
          { label: A('startDate'), render: (a) => <DateText value={a.startDate} weekday={false} />, nowrap: true },
        ]}
      />
    </Section>
  );
};

/**
 * An office under contract, as NSS's 契約情報 shows it: 事業所 (with its company), netNACCS, 一般NACCS and 請求先 — plus
 * the contract on any date, the office's 新着情報 and its applications.
 */
export const OfficeShow = () => {
  const onError = useShowError('offices');
  return (
    <Show
      title={<ShowTitle />}
      actions={
        <TopToolbar>
          <ListButton />
        </TopToolbar>
      }
      queryOptions={{ onError }}
    >
      <Header />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={T('office')}>
          <OfficeTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={T('net')} path="net">
          <NetNaccsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={T('general')} path="general">
          <GeneralNaccsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={T('billing')} path="billing">
          <BillingTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={T('contractAsOf')} path="as-of">
          <ContractAsOfTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={T('notices')} path="notices">
          <NoticesTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={T('applications')} path="applications">
          <ApplicationsTab />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
