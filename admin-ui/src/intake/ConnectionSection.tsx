import { RadioButtonGroupInput } from 'react-admin';
import { enumChoices } from '../labels';
import { FormSection } from './FormSection';

/** netNACCS / 一般NACCS: decides which of the following sections the application has (as the NSS tabs do). */
export const ConnectionSection = () => (
  <FormSection id="intake-connection" title="resources.intake.sections.connection">
    <RadioButtonGroupInput
      source="connection"
      label="resources.intake.fields.connection"
      choices={enumChoices('Connection')}
      helperText={false}
    />
  </FormSection>
);
