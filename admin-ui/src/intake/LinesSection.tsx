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
  return (
    <FormSection id="intake-lines" title="resources.intake.sections.lines">
      <FieldGrid min={320}>
        <BooleanInput source="noLineRequired" label={L('noLineRequired')} helperText={false} sx={{ gridColumn: '1 / -1' }} />
        <TextInput source="equipmentSharingOfficeCode" label={L('equipmentSharingOfficeCode')} helperText={false} />
      </FieldGrid>
      <PathError source="lines" />
      <LineRowsInput label={L('lines')} />
      {lines?.length ? <ConstructionFields /> : null}
    </FormSection>
  );
};

/** The lines to add (回線 1, 回線 2 … — their ルータ番号). */
export const LineRowsInput = ({ label }: { label: string | false }) => {
  const translate = useTranslate();
  return (
    <ArrayInput source="lines" label={label} helperText={false}>
      <SimpleFormIterator
        disableReordering
        disableClear
        getItemDefaults={rowDefaults(newLineRow)}
        getItemLabel={(i) => translate('resources.intake.fields.line.item', { n: i + 1 })}
      >
        <LineFields />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

/** Who arranges the line construction (工事事務担当者, 工事立会者) and what to tell about it. */
export const ConstructionFields = () => (
  <>
    <PersonFields source="constructionContact" title="resources.intake.sections.constructionContact" email={false} />
    <PersonFields source="constructionAttendee" title="resources.intake.sections.constructionAttendee" email={false} />
    <FieldGrid>
      <TextInput source="constructionNotes" label={L('constructionNotes')} helperText={false} multiline minRows={2} sx={{ gridColumn: '1 / -1' }} />
    </FieldGrid>
  </>
);
