import { TextInput } from 'react-admin';
import { FieldGrid } from './FieldGrid';

const L = (key: string) => `resources.intake.fields.address.${key}`;

/** An address with its kana (事業所所在地, 本社所在地, 請求書送付先, 回線設置場所) under `source`. */
export const AddressFields = ({ source, title }: { source: string; title?: string }) => {
  const s = (key: string) => `${source}.${key}`;
  return (
    <FieldGrid title={title}>
      <TextInput source={s('postalCode')} label={L('postalCode')} helperText={false} inputProps={{ inputMode: 'numeric' }} />
      <TextInput source={s('prefecture')} label={L('prefecture')} helperText={false} />
      <TextInput source={s('address')} label={L('address')} helperText={false} sx={{ gridColumn: { md: 'span 2' } }} />
      <TextInput source={s('addressKana')} label={L('addressKana')} helperText={false} sx={{ gridColumn: { md: 'span 2' } }} />
    </FieldGrid>
  );
};
