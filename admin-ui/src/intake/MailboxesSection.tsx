import { ArrayInput, NumberInput, SelectInput, SimpleFormIterator } from 'react-admin';
import { enumChoices } from '../labels';
import { FormSection } from './FormSection';
import { newMailboxRow, rowDefaults } from './newRows';
import { PathError } from './PathError';

const L = (key: string) => `resources.intake.fields.mailbox.${key}`;

/** メールボックス (一般NACCS, 自社システム): how many of each kind. */
export const MailboxesSection = () => (
  <FormSection id="intake-mailboxes" title="resources.intake.sections.mailboxes">
    <PathError source="mailboxes" />
    <ArrayInput source="mailboxes" label={false} helperText={false}>
      <SimpleFormIterator inline disableReordering disableClear getItemDefaults={rowDefaults(newMailboxRow)}>
        <SelectInput source="mailboxType" label={L('mailboxType')} choices={enumChoices('MailboxType')} helperText={false} sx={{ minWidth: 180 }} />
        <NumberInput source="count" label={L('count')} helperText={false} min={1} sx={{ maxWidth: 140 }} />
      </SimpleFormIterator>
    </ArrayInput>
  </FormSection>
);
