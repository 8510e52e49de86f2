import { NumberInput, SelectInput, useWrappedSource } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumChoices } from '../labels';

const L = (key: string) => `resources.intake.fields.terminal.${key}`;

/** One row of 論理端末: kind, システム区分, how many; a 一般NACCS terminal also names its line (ルータ番号). */
export const TerminalFields = () => {
  const terminalType = useWatch({ name: useWrappedSource('terminalType') }) as string | undefined;
  return (
    <>
      <SelectInput source="terminalType" label={L('terminalType')} choices={enumChoices('TerminalType')} helperText={false} sx={{ minWidth: 180 }} />
      <SelectInput source="systemCategory" label={L('systemCategory')} choices={enumChoices('SystemCategory')} helperText={false} sx={{ minWidth: 180 }} />
      <NumberInput source="count" label={L('count')} helperText={false} min={1} sx={{ maxWidth: 140 }} />
      {terminalType === 'GENERAL' ? (
        <NumberInput source="lineNo" label={L('lineNo')} helperText={false} min={1} sx={{ maxWidth: 140 }} />
      ) : null}
    </>
  );
};
