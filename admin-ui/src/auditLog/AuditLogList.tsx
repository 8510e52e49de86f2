import { Box, Chip } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SelectArrayInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { CsvExportButton } from '../components/CsvExportButton';
import { DateTimeText, Mono } from '../components/display';
import { EmptyState } from '../components/EmptyState';
import { enumChoices } from '../labels';
import type { AuditEntry } from '../types';

const filters = [
  <SelectArrayInput key="actions" source="actions" choices={enumChoices('AuditAction')} alwaysOn size="small" sx={{ minWidth: 220 }} />,
  <ReferenceInput key="staffId" source="staffId" reference="staffAccounts" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="name" size="small" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <DateInput key="from" source="from" size="small" alwaysOn />,
  <DateInput key="to" source="to" size="small" alwaysOn />,
];

const AuditActionChip = ({ action }: { action: string }) => {
  const translate = useTranslate();
  const failed = action === 'LOGIN_FAILED' || action === 'LOGIN_LOCKED' || action === 'API_KEY_REVOKE';
  const sensitive = action === 'PASSWORD_REVEAL' || action === 'STAFF_PASSWORD_RESET';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={failed ? 'error' : sensitive ? 'warning' : 'default'}
      label={translate(`enums.AuditAction.${action}`, { _: action })}
      data-action={action}
    />
  );
};

const Column = DataTable.Col<AuditEntry>;

/** 監査ログ (admin): sign-ins, password reveals, staff and API-key changes — newest first, filtered on the server. */
export const AuditLogList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CsvExportButton list="audit-log" />
      </TopToolbar>
    }
    perPage={50}
    sort={{ field: 'at', order: 'DESC' }}
    empty={false}
  >
    <DataTable<AuditEntry>
      rowClick={false}
      bulkActionButtons={false}
      size="small"
      empty={<EmptyState message="resources.auditLog.empty" />}
    >
      <Column source="at" disableSort render={(e) => <DateTimeText value={e.at} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <Column source="action" disableSort render={(e) => <AuditActionChip action={e.action} />} />
      <Column source="staffName" disableSort />
      <Column source="apiKeyName" disableSort />
      <Column source="target" disableSort render={(e) => <Mono>{e.target}</Mono>} />
      <Column
        source="detail"
        disableSort
        render={(e) => <Box sx={{ maxWidth: 420, overflowWrap: 'anywhere', fontSize: '0.8rem' }}>{e.detail}</Box>}
      />
      <Column source="ip" disableSort render={(e) => <Mono>{e.ip}</Mono>} />
    </DataTable>
  </List>
);
