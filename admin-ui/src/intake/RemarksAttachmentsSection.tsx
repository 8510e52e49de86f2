import { ArrayInput, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import { enumChoices } from '../labels';
import { AttachmentFileInput } from './AttachmentFileInput';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { newAttachmentRow, rowDefaults } from './newRows';
import { PathError } from './PathError';

/** The attachments (システム構成図, 委任状, その他), with the server's message for the list. */
export const AttachmentsInput = () => (
  <>
    <PathError source="attachments" />
    <ArrayInput source="attachments" label="resources.intake.fields.attachments" helperText={false}>
      <SimpleFormIterator inline disableReordering disableClear getItemDefaults={rowDefaults(newAttachmentRow)}>
        <SelectInput
          source="kind"
          label="resources.intake.fields.attachment.kind"
          choices={enumChoices('AttachmentKind')}
          helperText={false}
          sx={{ minWidth: 180 }}
        />
        <AttachmentFileInput />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

/** 備考 and the attachments. */
export const RemarksAttachmentsSection = () => (
  <FormSection id="intake-remarks" title="resources.intake.sections.remarks">
    <FieldGrid>
      <TextInput source="remarks" label="resources.intake.fields.remarks" helperText={false} multiline minRows={2} sx={{ gridColumn: '1 / -1' }} />
    </FieldGrid>
    <AttachmentsInput />
  </FormSection>
);
