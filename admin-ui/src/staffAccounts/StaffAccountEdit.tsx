import {
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  ListButton,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Staff } from '../types';
import { ResetStaffPasswordButton } from './ResetStaffPasswordButton';
import { STAFF_ROLE_CHOICES } from './staffRoles';

const Title = () => {
  const record = useRecordContext<Staff>();
  const translate = useTranslate();
  return <>{translate('resources.staffAccounts.edit_title', { name: record?.name ?? '' })}</>;
};

/** Accounts are deactivated, never deleted (their history keeps their name): no delete button. */
const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Roles, name and active/inactive of a staff account (admin); deactivating signs the person out everywhere. */
export const StaffAccountEdit = () => (
  <Edit
    title={<Title />}
    mutationMode="pessimistic"
    redirect="list"
    actions={
      <TopToolbar>
        <ResetStaffPasswordButton />
        <ListButton />
      </TopToolbar>
    }
  >
    <SimpleForm toolbar={<FormToolbar />}>
      <TextInput source="email" disabled sx={{ minWidth: 360 }} />
      <TextInput source="name" validate={required()} sx={{ minWidth: 360 }} />
      <CheckboxGroupInput source="roles" choices={STAFF_ROLE_CHOICES} validate={required()} />
      <BooleanInput source="active" helperText="resources.staffAccounts.active_hint" />
    </SimpleForm>
  </Edit>
);
