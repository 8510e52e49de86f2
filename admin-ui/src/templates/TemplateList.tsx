import { Chip } from '@mui/material';
import { DataTable, List, SearchInput, useTranslate, type SearchInputProps } from 'react-admin';
import { DateTimeText, Mono, Val } from '../components/display';
import { EmptyState } from '../components/EmptyState';
import { ScopedDataProvider } from './ScopedDataProvider';
import { TEMPLATE_RESOURCES } from './templatesDataProvider';
import type { NotificationTemplate } from './templateTypes';

const SearchBox = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.templates.search_placeholder')} sx={{ minWidth: 280 }} />;
};

const filters = [<SearchBox key="q" source="q" alwaysOn />];

const VersionChip = ({ version }: { version: number }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate('naccs.templates.version', { version })} data-version={version} />;
};

const Column = DataTable.Col<NotificationTemplate>;

/** 通知テンプレート: one per e-mail event (通知名, key, latest version, 件名, last saved by/at); a row opens the editor. */
export const TemplateList = () => (
  <ScopedDataProvider resources={TEMPLATE_RESOURCES}>
    <List filters={filters} pagination={false} perPage={100} exporter={false} actions={false} empty={false}>
      <DataTable<NotificationTemplate>
        rowClick="edit"
        bulkActionButtons={false}
        size="small"
        empty={<EmptyState message="resources.templates.empty" />}
      >
        <Column source="label" disableSort cellSx={() => ({ fontWeight: 600 })} />
        <Column source="key" disableSort render={(t) => <Mono>{t.key}</Mono>} />
        <Column source="version" disableSort render={(t) => <VersionChip version={t.version} />} />
        <Column source="subject" disableSort />
        <Column source="updatedBy" disableSort render={(t) => <Val>{t.versions[0]?.createdBy}</Val>} />
        <Column
          source="updatedAt"
          disableSort
          render={(t) => <DateTimeText value={t.versions[0]?.createdAt} />}
          cellSx={() => ({ whiteSpace: 'nowrap' })}
        />
      </DataTable>
    </List>
  </ScopedDataProvider>
);
