import { TextField } from '@mui/material';
import type { Ref } from 'react';
import { useTranslate } from 'react-admin';
import type { FieldError } from '../intake/inputTypes';
import type { TemplatePart } from './templateTypes';

/**
 * One part of a template (件名, 本文, HTML) as a monospace text box. The server's messages for this part (which
 * variable, which line) show under it.
 */
export const TemplateField = ({
  part,
  value,
  onChange,
  onFocus,
  inputRef,
  errors,
  readOnly,
  rows,
  helperText,
}: {
  part: TemplatePart;
  value: string;
  onChange: (value: string) => void;
  onFocus: () => void;
  inputRef: Ref<HTMLInputElement | HTMLTextAreaElement>;
  errors: FieldError[];
  readOnly: boolean;
  /** Minimum rows of a multi-line part; the subject is one line. */
  rows?: number;
  helperText?: string;
}) => {
  const translate = useTranslate();
  const own = errors.filter((e) => e.path === part);
  const help = own.length > 0 ? own.map((e) => e.message).join('\n') : helperText ? translate(helperText, { _: helperText }) : ' ';
  return (
    <TextField
      fullWidth
      name={part}
      label={translate(`resources.templates.fields.${part}`)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onFocus={onFocus}
      inputRef={inputRef}
      multiline={rows !== undefined}
      minRows={rows}
      maxRows={rows !== undefined ? 40 : undefined}
      error={own.length > 0}
      helperText={help}
      slotProps={{
        htmlInput: {
          readOnly,
          spellCheck: false,
          'data-testid': `template-${part}`,
          style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK JP", monospace', fontSize: '0.85rem', lineHeight: 1.55 },
        },
        formHelperText: { sx: { whiteSpace: 'pre-line' }, ...({ 'data-testid': `template-${part}-errors` } as object) },
      }}
    />
  );
};
