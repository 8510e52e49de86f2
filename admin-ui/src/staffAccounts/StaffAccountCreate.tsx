import { CheckboxGroupInput, Create, PasswordInput, SimpleForm, TextInput, required } from 'react-admin';
import { STAFF_ROLE_CHOICES } from './staffRoles';

/**
 * A new staff account: the server checks everything (e-mail shape and uniqueness, 12-character password with
 * letters and digits, at least one role) and its messages show on the fields.
 */
export const StaffAccountCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ roles: ['REVIEWER'] }}>
      <TextInput source="email" type="email" validate={required()} autoComplete="off" sx={{ minWidth: 360 }} />
      <TextInput source="name" validate={required()} sx={{ minWidth: 360 }} />
      <CheckboxGroupInput source="roles" choices={STAFF_ROLE_CHOICES} validate={required()} />
      <PasswordInput source="password" validate={required()} autoComplete="new-password" helperText="resources.staffAccounts.password_hint" />
    </SimpleForm>
  </Create>
);
