import { ArrayInput, SimpleFormIterator } from 'react-admin';
import { FormSection } from './FormSection';
import { newTerminalRow, rowDefaults } from './newRows';
import { PathError } from './PathError';
import { TerminalFields } from './TerminalFields';

/** 論理端末・証明書: terminal counts per kind and システム区分. */
export const TerminalsSection = () => (
  <FormSection id="intake-terminals" title="resources.intake.sections.terminals">
    <PathError source="terminals" />
    <ArrayInput source="terminals" label={false} helperText={false}>
      <SimpleFormIterator inline disableReordering disableClear getItemDefaults={rowDefaults(newTerminalRow)}>
        <TerminalFields />
      </SimpleFormIterator>
    </ArrayInput>
  </FormSection>
);
