import { ArrayInput, SimpleFormIterator, useTranslate } from 'react-admin';
import { FormSection } from './FormSection';
import { PathError } from './PathError';
import { newUserCodeRow, rowDefaults } from './newRows';
import { UserCodeFields } from './UserCodeFields';

/** 利用者コード: one or more, each with its 業種・処理方式・識別番号数 rows. */
export const UserCodesSection = () => {
  const translate = useTranslate();
  return (
  <FormSection id="intake-user-codes" title="resources.intake.sections.userCodes">
    <PathError source="userCodes" />
    <ArrayInput source="userCodes" label={false} helperText={false}>
      <SimpleFormIterator
        disableReordering
        disableClear
        getItemDefaults={rowDefaults(newUserCodeRow)}
        getItemLabel={(i) => translate('resources.intake.fields.userCode.item', { n: i + 1 })}
      >
        <UserCodeFields />
      </SimpleFormIterator>
    </ArrayInput>
  </FormSection>
  );
};
