import { Box, Tooltip, Typography } from '@mui/material';
import {
  DataTable,
  FilterButton,
  List,
  NumberInput,
  Pagination,
  SelectArrayInput,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { useAccess } from '../access';
import { DateText, EnumText, Mono, Val } from '../components/display';
import { EmptyState } from '../components/EmptyState';
import { formatDateTime } from '../components/format';
import { CertificateStatusChip } from '../components/StatusChip';
import { LookupLink } from '../emails/LookupLink';
import { enumChoices } from '../labels';
import { ScopedDataProvider } from '../templates/ScopedDataProvider';
import { CertificateAlerts } from './CertificateAlerts';
import { canReissue, canRevoke } from './certificateRules';
import { CERTIFICATE_RESOURCES } from './certificatesDataProvider';
import type { Certificate } from './certificateTypes';
import { CertificateWarnings } from './CertificateWarnings';
import { IssueCertificatesButton } from './IssueCertificatesButton';
import { ReissueCertificateButton } from './ReissueCertificateButton';
import { RevokeCertificateButton } from './RevokeCertificateButton';

const filters = [
  <TextInput key="officeCode" source="officeCode" alwaysOn size="small" sx={{ width: 160 }} />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('CertificateStatus')} alwaysOn size="small" sx={{ minWidth: 200 }} />,
  <NumberInput key="expiringWithinDays" source="expiringWithinDays" alwaysOn size="small" min={0} max={3660} step={1} sx={{ width: 200 }} />,
  <TextInput key="terminalName" source="terminalName" size="small" sx={{ width: 160 }} />,
];

/** A serial is long hex: its head in the table, the whole in a tooltip. */
const Serial = ({ serial }: { serial?: string | null }) =>
  serial ? (
    <Tooltip title={serial}>
      <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }}>
        {serial.length > 12 ? `${serial.slice(0, 12)}…` : serial}
      </Box>
    </Tooltip>
  ) : (
    <Val />
  );

/** 有効期間: from – to (dates in Japan time; the exact instants in a tooltip). */
const Validity = ({ certificate }: { certificate: Certificate }) => {
  if (!certificate.notBefore && !certificate.notAfter) return <Val />;
  return (
    <Tooltip title={`${formatDateTime(certificate.notBefore)} – ${formatDateTime(certificate.notAfter)}`}>
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(certificate.notBefore, true)} – {formatDateTime(certificate.notAfter, true)}
      </Box>
    </Tooltip>
  );
};

/** 理由 (reissue, revocation, stop) and when it was revoked or stopped. */
const Reason = ({ certificate }: { certificate: Certificate }) => {
  const translate = useTranslate();
  if (!certificate.reason && !certificate.revokedAt) return <Val />;
  return (
    <Box sx={{ minWidth: 160, maxWidth: 260, overflowWrap: 'anywhere' }}>
      <Typography variant="body2" component="span" sx={{ fontSize: '0.8rem' }}>
        {certificate.reason}
      </Typography>
      {certificate.revokedAt ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {translate('resources.certificates.fields.revokedAt')}: {formatDateTime(certificate.revokedAt, true)}
        </Typography>
      ) : null}
    </Box>
  );
};

const Actions = ({ certificate }: { certificate: Certificate }) => {
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      {canReissue(certificate) ? <ReissueCertificateButton certificate={certificate} /> : null}
      {canRevoke(certificate) ? <RevokeCertificateButton certificate={certificate} /> : null}
    </Box>
  );
};

const ListActions = () => {
  const { may } = useAccess();
  return (
    <TopToolbar>
      <FilterButton />
      {may('issueCertificates') ? <IssueCertificatesButton /> : null}
    </TopToolbar>
  );
};

const Column = DataTable.Col<Certificate>;

const CertificateListView = () => {
  const { may } = useAccess();
  const canAct = may('reissueCertificate') || may('revokeCertificate');
  return (
    <List
      resource="certificates"
      filters={filters}
      actions={<ListActions />}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      storeKey="certificates.list"
    >
      <Box sx={{ px: 2, pt: 1 }}>
        <CertificateAlerts />
      </Box>
      <DataTable<Certificate>
        rowClick={false}
        bulkActionButtons={false}
        size="small"
        empty={<EmptyState message="resources.certificates.empty" hint="resources.certificates.empty_hint" />}
        sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}
      >
        <Column source="terminalName" disableSort render={(c) => <Mono bold>{c.terminalName}</Mono>} />
        <Column source="terminalType" disableSort render={(c) => <EnumText name="TerminalType" value={c.terminalType} />} />
        <Column source="officeCode" disableSort render={(c) => <LookupLink resource="offices" code={c.officeCode} />} />
        <Column source="status" disableSort render={(c) => <CertificateStatusChip status={c.status} />} />
        <Column source="warnings" disableSort render={(c) => <CertificateWarnings certificate={c} />} />
        <Column source="acquireBy" disableSort render={(c) => <DateText value={c.acquireBy} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
        <Column source="validity" disableSort render={(c) => <Validity certificate={c} />} />
        <Column source="serial" disableSort render={(c) => <Serial serial={c.serial} />} />
        <Column source="receiptNo" disableSort render={(c) => <LookupLink resource="applications" code={c.receiptNo} />} />
        <Column source="reason" disableSort render={(c) => <Reason certificate={c} />} />
        {canAct ? <Column source="actions" label="naccs.review.actions" disableSort render={(c) => <Actions certificate={c} />} /> : null}
      </DataTable>
    </List>
  );
};

/**
 * デジタル証明書: every terminal certificate with its state (発行待ち, 取得済, 失効, 停止, 期限切れ), filtered by office
 * code, state and "expiring within N days"; warnings for the renewal window and the 取得期限; supervisors reissue and
 * revoke (a reason and a confirmation each); reviewers issue for an approved application.
 */
export const CertificateList = () => (
  <ScopedDataProvider resources={CERTIFICATE_RESOURCES}>
    <CertificateListView />
  </ScopedDataProvider>
);
