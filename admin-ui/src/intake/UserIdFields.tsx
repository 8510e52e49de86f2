import { NumberInput, SelectArrayInput, SelectInput } from 'react-admin';
import { enumChoices } from '../labels';

const L = (key: string) => `resources.intake.fields.userId.${key}`;

/** One 業種・処理方式・識別番号数 row of a 利用者コード. */
export const UserIdFields = () => (
  <>
    <SelectArrayInput source="industries" label={L('industries')} choices={enumChoices('Industry')} helperText={false} sx={{ minWidth: 260 }} />
    <SelectInput source="processingMethod" label={L('processingMethod')} choices={enumChoices('ProcessingMethod')} helperText={false} sx={{ minWidth: 200 }} />
    <NumberInput source="identCount" label={L('identCount')} helperText={false} min={1} sx={{ maxWidth: 140 }} />
  </>
);
