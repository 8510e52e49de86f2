import {
  ArrayInput,
  SimpleFormIterator,
  TextInput,
  useSimpleFormIteratorItem,
  useTranslate,
  type TextInputProps,
} from 'react-admin';
import { PathError } from './PathError';

type BoxProps = Pick<TextInputProps, 'inputProps' | 'type'> & { itemLabel: string };

/** One row: a box labelled with its number (…番号2). */
const NumberedBox = ({ itemLabel, inputProps, type }: BoxProps) => {
  const translate = useTranslate();
  const { index } = useSimpleFormIteratorItem();
  return (
    <TextInput
      source="value"
      label={translate(itemLabel, { n: index + 1 })}
      helperText={false}
      inputProps={inputProps}
      type={type}
      fullWidth={false}
      sx={{ width: 320 }}
    />
  );
};

/**
 * A list of single values (緊急連絡用FAX番号, 請求通知先E-mailアドレス), one numbered box per row, rows added as
 * needed. The rows are `{ value }` (react-hook-form lists hold objects); the API's `source.i` is row i's
 * `source.i.value` (see toInput's remap).
 */
export const ScalarListInput = ({ source, label, ...box }: BoxProps & { source: string; label: string }) => (
  <>
    <ArrayInput source={source} label={label} helperText={false}>
      <SimpleFormIterator inline disableReordering disableClear getItemDefaults={(item?: unknown) => item ?? { value: '' }}>
        <NumberedBox {...box} />
      </SimpleFormIterator>
    </ArrayInput>
    <PathError source={source} />
  </>
);
