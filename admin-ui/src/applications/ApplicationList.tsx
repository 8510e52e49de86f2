import { Box } from '@mui/material';
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
  useTranslate,
} from 'react-admin';
import { useAccess } from '../access';
import { CsvExportButton } from '../components/CsvExportButton';
import { DateText, DateTimeText, Val } from '../components/display';
import { EmptyState } from '../components/EmptyState';
import { StatusChip } from '../components/StatusChip';
import { enumChoices } from '../labels';
import type { Application } from '../types';
import { ApproveButton } from './ApproveButton';
import { AssignToMeButton } from './AssignToMeButton';
import { BulkAssignToButton } from './BulkAssignToButton';
import { BulkAssignToMeButton } from './BulkAssignToMeButton';
import { CategoryText, companyNameOf } from './helpers';
import { QUEUE_SORT, QueueTabs } from './QueueTabs';
import { DaysToStart, DaysWaiting, overdueRowSx } from './Urgency';
import { CheckSummariesProvider, ChecksIcon } from './ChecksIcon';
import { ListLiveProvider, ListUpdates, RowViewersIcon, cursorRowSx, useRowCursor } from './ListLive';

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
  <DateInput key="desiredStartFrom" source="desiredStartFrom" size="small" />,
  <DateInput key="desiredStartTo" source="desiredStartTo" size="small" />,
  <TextInput key="officeCode" source="officeCode" size="small" />,
  // The heaviest finding of the automatic checks, as the server last computed it (a job, every few minutes).
  <SelectArrayInput key="checkSeverity" source="checkSeverity" choices={enumChoices('CheckSeverity')} sx={{ minWidth: 180 }} size="small" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CsvExportButton list="applications" sorted />
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

/** Overdue rows tinted; the J/K cursor's row outlined. */
const useRowSx = () => {
  const cursor = useRowCursor();
  return (r: Application) => ({ ...overdueRowSx(r), ...cursorRowSx(cursor, r) });
};

/** The table's rows take their style from the live cursor (a component of its own to read it). */
const ApplicationTable = (props: Omit<Parameters<typeof DataTable<Application>>[0], 'rowSx'>) => {
  const rowSx = useRowSx();
  return <DataTable<Application> {...props} rowSx={rowSx} />;
};

/**
 * 利用申込一覧: the review queue (tabs 未割当 / 自分の担当 / 確認事項あり / 期限が近い / すべて) and the support desk's
 * search. Reviewers and supervisors open on 未割当 — the work nobody has taken yet; their own applications are
 * one tab away with their count — and everyone else on すべて. Rows offer 「自分に割り当て」; selected rows can be
 * taken at once (supervisors can give them to another reviewer). Live: the tabs' counts follow the queues' changes,
 * the others' changes wait behind 「N件の更新があります」, each row shows who has it open (閲覧中), and J/K/Enter move
 * through the rows.
 */
export const ApplicationList = () => {
  const { may, roles, isPending } = useAccess();
  // The default queue depends on the role: wait for the roles rather than start on the wrong view.
  if (isPending) return null;
  const reviewer = may('assignApplication');
  const supervisor = roles.includes('SUPERVISOR');
  return (
    <List
      sort={QUEUE_SORT[reviewer ? 'UNASSIGNED' : 'ALL']}
      filters={applicationFilters}
      filterDefaultValues={{ queue: reviewer ? 'UNASSIGNED' : 'ALL' }}
      actions={<ListActions />}
      perPage={25}
      empty={false}
      storeKey="applications.list"
    >
      <QueueTabs />
      <ListUpdates />
      <CheckSummariesProvider>
      <ListLiveProvider>
      <ApplicationTable
        rowClick="show"
        bulkActionButtons={
          reviewer ? (
            <>
              <BulkAssignToMeButton />
              {supervisor ? <BulkAssignToButton /> : null}
            </>
          ) : (
            false
          )
        }
        sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}
        empty={<EmptyState message="resources.applications.empty" hint="resources.applications.empty_hint" />}
        size="small"
      >
        <Column
          source="receiptNo"
          render={(r) => (
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, whiteSpace: 'nowrap' }}>
              <ReceiptLink record={r} />
              <RowViewersIcon id={r.id} />
            </Box>
          )}
        />
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
        <Column source="checks" label="naccs.checks.title" disableSort render={(r) => <ChecksIcon record={r} />} />
        <Column source="assignee" disableSort render={(r) => <Val>{r.assignee?.name}</Val>} />
        <Column source="receivedAt" render={(r) => <DateTimeText value={r.receivedAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
        <Column
          source="desiredStartDate"
          render={(r) => <DateText value={r.desiredStartDate} weekday={false} />}
          cellSx={() => ({ whiteSpace: 'nowrap' })}
        />
        <Column
          source="businessDaysToStart"
          label="naccs.urgency.businessDays"
          disableSort
          render={(r) => <DaysToStart record={r} />}
          cellSx={() => ({ whiteSpace: 'nowrap' })}
        />
        <Column source="daysWaiting" label="naccs.urgency.waiting" disableSort render={(r) => <DaysWaiting record={r} />} />
        <Column
          source="startDate"
          disableSort
          render={(r) => <DateText value={r.startDate} weekday={false} />}
          cellSx={() => ({ whiteSpace: 'nowrap' })}
        />
        {reviewer ? (
          <Column
            source="actions"
            label="naccs.review.actions"
            disableSort
            render={(r) => (
              <>
                <AssignToMeButton record={r} compact />
                <ApproveButton record={r} compact />
              </>
            )}
          />
        ) : null}
      </ApplicationTable>
      </ListLiveProvider>
      </CheckSummariesProvider>
    </List>
  );
};
