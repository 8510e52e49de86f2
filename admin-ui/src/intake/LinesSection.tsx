import { ArrayInput, BooleanInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FieldGrid } from './FieldGrid';
import { FormSection } from './FormSection';
import { LineFields } from './LineFields';
import { newLineRow, rowDefaults } from './newRows';
import { PathError } from './PathError';
import { PersonFields } from './PersonFields';

const L = (key: string) => `resources.intake.fields.${key}`;

/** 回線 (一般NACCS): the lines, or the "no line" box; the construction contacts when there are lines. */
export const LinesSection = () => {
  const lines = useWatch({ name: 'lines' }) as unknown[] | undefined;
  const translate = useTranslate();
  return (
    <FormSection id="intake-lines" title="resources.intake.sections.lines">
      <FieldGrid min={320}>
        <BooleanInput source="noLineRequired" label={L('noLineRequired')} helperText={false} sx={{ gridColumn: '1 / -1' }} />
        <TextInput source="equipmentSharingOfficeCode" label={L('equipmentSharingOfficeCode')} helperText={false} />
      </FieldGrid>
      <PathError source="lines" />
      <ArrayInput source="lines" label={L('lines')} helperText={false}>
        <SimpleFormIterator
          disableReordering
          disableClear
          getItemDefaults={rowDefaults(newLineRow)}
          getItemLabel={(i) => translate('resources.intake.fields.line.item', { n: i + 1 })}
        >
          <LineFields />
        </SimpleFormIterator>
      </ArrayInput>
      {lines?.length ? (
        <>
          <PersonFields source="constructionContact" title="resources.intake.sections.constructionContact" email={false} />
          <PersonFields source="constructionAttendee" title="resources.intake.sections.constructionAttendee" email={false} />
          <FieldGrid>
            <TextInput source="constructionNotes" label={L('constructionNotes')} helperText={false} multiline minRows={2} sx={{ gridColumn: '1 / -1' }} />
          </FieldGrid>
        </>
      ) : null}
    </FormSection>
  );
};
