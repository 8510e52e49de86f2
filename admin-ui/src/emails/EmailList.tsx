import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  DataTable,
  List,
  Pagination,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useGetList,
  useListContext,
  useTranslate,
  type SearchInputProps,
} from 'react-admin';
import { CsvExportButton } from '../components/CsvExportButton';
import { DateTimeText } from '../components/display';
import { EmptyState } from '../components/EmptyState';
import { ScopedDataProvider } from '../templates/ScopedDataProvider';
import type { NotificationTemplate } from '../templates/templateTypes';
import { EMAIL_RESOURCES } from './emailsDataProvider';
import { EmailDetailDrawer } from './EmailDetailDrawer';
import { EmailFlags, EmailStatusChip } from './EmailStatusChip';
import { EMAIL_STATUSES, type OutboundEmail } from './emailTypes';
import { LookupLink } from './LookupLink';

const SearchBox = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.emails.search_placeholder')} sx={{ minWidth: 280 }} />;
};

const statusChoices = EMAIL_STATUSES.map((s) => ({ id: s, name: `naccs.emails.status.${s}` }));

/** The templates (通知名 by key) for the filter and the rows. */
const useTemplateLabels = () => {
  const { data } = useGetList<NotificationTemplate>('templates', { pagination: { page: 1, perPage: 100 } });
  const labels = new Map((data ?? []).map((t) => [t.key, t.label]));
  return { templates: data ?? [], label: (key: string) => labels.get(key) ?? key };
};

/** "Narrowed to one application" (a link from elsewhere: `/emails?filter={"applicationId":…}`), with a way out. */
const ApplicationFilterChip = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  if (!filterValues.applicationId) return null;
  const { applicationId: _applicationId, ...rest } = filterValues;
  return (
    <Box sx={{ px: 2, pb: 1 }}>
      <Chip
        size="small"
        color="primary"
        variant="outlined"
        label={translate('resources.emails.by_application')}
        onDelete={() => setFilters(rest, displayedFilters)}
      />
    </Box>
  );
};

const Column = DataTable.Col<OutboundEmail>;

const EmailListView = () => {
  const { templates, label } = useTemplateLabels();
  const [selected, setSelected] = useState<OutboundEmail | null>(null);
  const filters = [
    <SearchBox key="q" source="q" alwaysOn />,
    <BooleanInput key="possibleDuplicate" source="possibleDuplicate" alwaysOn sx={{ mt: 1 }} />,
    <SelectArrayInput key="status" source="status" choices={statusChoices} alwaysOn size="small" sx={{ minWidth: 200 }} />,
    <SelectInput
      key="templateKey"
      source="templateKey"
      choices={templates.map((t) => ({ id: t.key, name: t.label }))}
      translateChoice={false}
      alwaysOn
      size="small"
      sx={{ minWidth: 220 }}
    />,
  ];
  return (
    <>
      <List
        resource="emails"
        filters={filters}
        actions={
          <TopToolbar>
            <CsvExportButton list="emails" />
          </TopToolbar>
        }
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        sort={{ field: 'createdAt', order: 'DESC' }}
        exporter={false}
        empty={false}
        storeKey="emails.list"
      >
        <ApplicationFilterChip />
        <DataTable<OutboundEmail>
          rowClick={(_id, _resource, record) => {
            setSelected(record as OutboundEmail);
            return false;
          }}
          bulkActionButtons={false}
          size="small"
          empty={<EmptyState message="resources.emails.empty" hint="resources.emails.empty_hint" />}
          sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}
        >
          <Column source="createdAt" disableSort render={(m) => <DateTimeText value={m.createdAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <Column
            source="recipients"
            disableSort
            render={(m) => (
              <Box sx={{ maxWidth: 260, overflowWrap: 'anywhere', fontSize: '0.8rem' }} data-testid="email-recipients">
                {m.recipients.join(', ')}
              </Box>
            )}
          />
          <Column
            source="subject"
            disableSort
            render={(m) => (
              <Box sx={{ minWidth: 200, maxWidth: 360 }}>
                <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="email-subject">
                  {m.subject}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {label(m.templateKey)}
                </Typography>
              </Box>
            )}
          />
          <Column
            source="status"
            disableSort
            render={(m) => (
              <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
                <EmailStatusChip status={m.status} />
                <EmailFlags email={m} />
              </Stack>
            )}
          />
          <Column source="attempts" disableSort cellSx={() => ({ textAlign: 'right' })} />
          <Column
            source="lastError"
            disableSort
            render={(m) =>
              m.lastError ? (
                <Tooltip title={m.lastError}>
                  <Box sx={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: 'error.main', fontSize: '0.8rem' }}>
                    {m.lastError}
                  </Box>
                </Tooltip>
              ) : null
            }
          />
          <Column source="sentAt" disableSort render={(m) => <DateTimeText value={m.sentAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <Column source="receiptNo" disableSort render={(m) => <LookupLink resource="applications" code={m.receiptNo} />} />
        </DataTable>
      </List>
      <EmailDetailDrawer email={selected} templateLabel={label} onClose={() => setSelected(null)} />
    </>
  );
};

/**
 * 送信ログ: every mail the outbox wrote, newest first, with its state (送信待ち, 送信中, 送信済, 送信失敗), attempts and
 * last error; filtered by state, template and 宛先・件名. A row opens the mail as sent; supervisors resend.
 */
export const EmailList = () => (
  <ScopedDataProvider resources={EMAIL_RESOURCES}>
    <EmailListView />
  </ScopedDataProvider>
);
