import { Box } from '@mui/material';
import { ArrayInput, BooleanInput, SelectInput, SimpleFormIterator, TextInput, useWrappedSource } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumChoices } from '../labels';
import { FieldGrid } from './FieldGrid';
import { newUserIdRow, rowDefaults } from './newRows';
import { PathError } from './PathError';
import { UserIdFields } from './UserIdFields';

const L = (key: string) => `resources.intake.fields.userCode.${key}`;

/** One 利用者コード: new or shared with another office, its options, and its 業種・処理方式・識別番号数 rows. */
export const UserCodeFields = () => {
  const shared = useWatch({ name: useWrappedSource('shared') }) as boolean | undefined;
  return (
    <Box sx={{ width: '100%' }}>
      <FieldGrid>
        <BooleanInput source="shared" label={L('shared')} helperText={false} />
        {shared ? <TextInput source="userCode" label={L('userCode')} helperText={false} /> : null}
        <SelectInput source="systemCategory" label={L('systemCategory')} choices={enumChoices('SystemCategory')} helperText={false} />
      </FieldGrid>
      <FieldGrid>
        <BooleanInput source="singleSignOn" label={L('singleSignOn')} helperText={false} />
        <BooleanInput source="statisticsPaid" label={L('statisticsPaid')} helperText={false} />
        <BooleanInput source="statisticsFree" label={L('statisticsFree')} helperText={false} />
        <BooleanInput source="bondedRecordService" label={L('bondedRecordService')} helperText={false} />
      </FieldGrid>
      <ArrayInput source="userIds" label={L('userIds')} helperText={false}>
        <SimpleFormIterator inline disableReordering disableClear getItemDefaults={rowDefaults(newUserIdRow)}>
          <UserIdFields />
        </SimpleFormIterator>
      </ArrayInput>
      <PathError source="userIds" />
    </Box>
  );
};
