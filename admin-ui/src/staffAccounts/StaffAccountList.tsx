import { Chip } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  EditButton,
  List,
  SearchInput,
  SelectArrayInput,
  TopToolbar,
  useTranslate,
  type SearchInputProps,
} from 'react-admin';
import type { Staff } from '../types';
import { ResetStaffPasswordButton } from './ResetStaffPasswordButton';
import { RoleChips } from './RoleChips';
import { STAFF_ROLE_CHOICES } from './staffRoles';

const SearchBox = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.staffAccounts.search_placeholder')} sx={{ minWidth: 280 }} />;
};

const filters = [
  <SearchBox key="q" source="q" alwaysOn />,
  <SelectArrayInput key="roles" source="roles" choices={STAFF_ROLE_CHOICES} alwaysOn size="small" sx={{ minWidth: 180 }} />,
  <BooleanInput key="inactive" source="inactive" alwaysOn />,
];

const ActiveChip = ({ active }: { active: boolean }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={active ? 'filled' : 'outlined'}
      color={active ? 'success' : 'default'}
      label={translate(active ? 'resources.staffAccounts.active' : 'resources.staffAccounts.inactive')}
    />
  );
};

const Column = DataTable.Col<Staff>;

/** 職員 (admin): every staff account with its roles; create, edit (roles, name, active) and reset a password. */
export const StaffAccountList = () => (
  <List
    sort={{ field: 'email', order: 'ASC' }}
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
    perPage={50}
  >
    <DataTable<Staff> rowClick="edit" bulkActionButtons={false} size="small">
      <Column source="name" />
      <Column source="email" cellSx={() => ({ fontFamily: 'monospace' })} />
      <Column source="roles" disableSort render={(r) => <RoleChips roles={r.roles} />} />
      <Column source="active" disableSort render={(r) => <ActiveChip active={r.active} />} />
      <Column
        source="actions"
        label="naccs.review.actions"
        disableSort
        render={(r) => (
          <>
            <EditButton record={r} />
            <ResetStaffPasswordButton record={r} />
          </>
        )}
      />
    </DataTable>
  </List>
);
