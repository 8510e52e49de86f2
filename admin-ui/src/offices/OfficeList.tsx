import { Box, Chip } from '@mui/material';
import type { MouseEvent } from 'react';
import {
  DataTable,
  Link,
  List,
  SearchInput,
  SelectArrayInput,
  TopToolbar,
  useCreatePath,
  useTranslate,
  type SearchInputProps,
} from 'react-admin';
import { CsvExportButton } from '../components/CsvExportButton';
import { DateText, EnumText, Val } from '../components/display';
import { EmptyState } from '../components/EmptyState';
import { OfficeStatusChip } from '../components/StatusChip';
import { enumChoices } from '../labels';
import type { Office } from '../types';

const SearchBox = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.offices.search_placeholder')} sx={{ minWidth: 320 }} />;
};

const officeFilters = [
  <SearchBox key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('OfficeStatus')} alwaysOn size="small" sx={{ minWidth: 160 }} />,
];

const CodeLink = ({ record }: { record: Office }) => {
  const createPath = useCreatePath();
  // An office in review (PENDING) has no code yet.
  if (!record.code) return <>—</>;
  return (
    <Link
      to={createPath({ resource: 'offices', id: record.id, type: 'show' })}
      onClick={(e: MouseEvent) => e.stopPropagation()}
      sx={{ fontFamily: 'monospace', fontWeight: 700 }}
    >
      {record.code}
    </Link>
  );
};

/** netNACCS / 一般NACCS as chips. */
export const Services = ({ record }: { record: Pick<Office, 'usesNet' | 'usesGeneral'> }) => {
  const translate = useTranslate();
  if (!record.usesNet && !record.usesGeneral) return <>—</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5 }}>
      {record.usesNet ? <Chip size="small" variant="outlined" label={translate('enums.Connection.NET')} /> : null}
      {record.usesGeneral ? <Chip size="small" variant="outlined" label={translate('enums.Connection.GENERAL')} /> : null}
    </Box>
  );
};

const Column = DataTable.Col<Office>;

/** 事業所一覧. The server has no sort for offices: the order is its own. */
export const OfficeList = () => (
  <List
    filters={officeFilters}
    actions={
      <TopToolbar>
        <CsvExportButton list="offices" />
      </TopToolbar>
    }
    perPage={25}
    empty={false}
    storeKey="offices.list"
    sort={{ field: '', order: 'ASC' }}
  >
    <DataTable<Office>
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}
      size="small"
      empty={<EmptyState message="resources.offices.empty" hint="resources.applications.empty_hint" />}
    >
      <Column source="code" disableSort render={(r) => <CodeLink record={r} />} />
      <Column source="companyName" disableSort render={(r) => <Val>{r.company?.profile?.name}</Val>} />
      <Column source="name" disableSort render={(r) => <Val>{r.profile?.name}</Val>} />
      <Column source="status" disableSort render={(r) => <OfficeStatusChip status={r.status} endDate={r.endDate} />} />
      <Column source="plan" disableSort render={(r) => <EnumText name="Plan" value={r.plan} />} />
      <Column source="services" disableSort render={(r) => <Services record={r} />} />
      <Column source="startDate" disableSort render={(r) => <DateText value={r.startDate} weekday={false} />} />
    </DataTable>
  </List>
);
