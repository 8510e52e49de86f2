import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Button as MuiButton } from '@mui/material';
import type { MouseEvent } from 'react';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FilterButton,
  Link,
  List,
  ReferenceInput,
  SearchInput,
  type SearchInputProps,
  SelectArrayInput,
  TextInput,
  TopToolbar,
  useCreatePath,
  useGetIdentity,
  useListContext,
  useTranslate,
} from 'react-admin';
import { DateText, DateTimeText, Val } from '../components/display';
import { EmptyState } from '../components/EmptyState';
import { StatusChip } from '../components/StatusChip';
import { enumChoices } from '../labels';
import type { Application } from '../types';
import { CategoryText, companyNameOf } from './helpers';

/** The always-on search (受付番号・事業所コード・企業名・カナ). */
const SearchBox = (props: SearchInputProps) => {
  const translate = useTranslate();
  return (
    <SearchInput {...props} placeholder={translate('resources.applications.search_placeholder')} sx={{ minWidth: 320 }} />
  );
};

const applicationFilters = [
  <SearchBox key="q" alwaysOn source="q" />,
  <SelectArrayInput
    key="status"
    source="status"
    choices={enumChoices('ApplicationStatus')}
    alwaysOn
    sx={{ minWidth: 200 }}
    size="small"
  />,
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('ApplicationKind')} sx={{ minWidth: 160 }} size="small" />,
  <ReferenceInput key="assigneeId" source="assigneeId" reference="staff" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" size="small" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <DateInput key="receivedFrom" source="receivedFrom" size="small" />,
  <DateInput key="receivedTo" source="receivedTo" size="small" />,
  <TextInput key="officeCode" source="officeCode" size="small" />,
];

/** Toggles "assigned to me" (the reviewer's own queue). */
const MyQueueButton = () => {
  const { data: identity } = useGetIdentity();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  if (!identity?.id) return null;
  const active = filterValues.assigneeId === identity.id;
  const toggle = () => {
    const rest: Record<string, unknown> = { ...filterValues };
    delete rest.assigneeId;
    setFilters(active ? rest : { ...rest, assigneeId: identity.id }, {
      ...displayedFilters,
      assigneeId: !active,
    });
  };
  return (
    <MuiButton
      size="small"
      variant={active ? 'contained' : 'text'}
      startIcon={<AssignmentIndIcon />}
      onClick={toggle}
      aria-pressed={active}
    >
      {translate('resources.applications.my_queue')}
    </MuiButton>
  );
};

const ListActions = () => (
  <TopToolbar>
    <MyQueueButton />
    <FilterButton />
  </TopToolbar>
);


const ReceiptLink = ({ record }: { record: Application }) => {
  const createPath = useCreatePath();
  return (
    <Link
      to={createPath({ resource: 'applications', id: record.id, type: 'show' })}
      onClick={(e: MouseEvent) => e.stopPropagation()}
      sx={{ fontFamily: 'monospace', fontWeight: 700, fontSize: '0.95rem' }}
    >
      {record.receiptNo}
    </Link>
  );
};

const Column = DataTable.Col<Application>;

/** 利用申込一覧: the review queue and the support desk's search. */
export const ApplicationList = () => (
  <List
    sort={{ field: 'receivedAt', order: 'DESC' }}
    filters={applicationFilters}
    actions={<ListActions />}
    perPage={25}
    empty={false}
    storeKey="applications.list"
  >
    <DataTable<Application> rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}
      empty={<EmptyState message="resources.applications.empty" hint="resources.applications.empty_hint" />} size="small">
      <Column source="receiptNo" render={(r) => <ReceiptLink record={r} />} />
      <Column
        source="category"
        disableSort
        render={(r) => <CategoryText record={r} />}
        cellSx={() => ({ whiteSpace: 'nowrap' })}
      />
      <Column
        source="companyName"
        disableSort
        render={(r) => <Val>{companyNameOf(r)}</Val>}
        cellSx={() => ({ minWidth: 180 })}
      />
      <Column
        source="officeCode"
        disableSort
        render={(r) => <Val>{r.office?.code}</Val>}
        cellSx={() => ({ fontFamily: 'monospace' })}
      />
      <Column source="status" render={(r) => <StatusChip status={r.status} />} />
      <Column source="assignee" disableSort render={(r) => <Val>{r.assignee?.name}</Val>} />
      <Column source="receivedAt" render={(r) => <DateTimeText value={r.receivedAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <Column
        source="desiredStartDate"
        render={(r) => <DateText value={r.desiredStartDate} weekday={false} />}
        cellSx={() => ({ whiteSpace: 'nowrap' })}
      />
      <Column
        source="startDate"
        disableSort
        render={(r) => <DateText value={r.startDate} weekday={false} />}
        cellSx={() => ({ whiteSpace: 'nowrap' })}
      />
    </DataTable>
  </List>
);
