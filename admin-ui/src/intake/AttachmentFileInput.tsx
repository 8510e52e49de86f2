import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, FormControl, FormHelperText, FormLabel, Stack, Typography } from '@mui/material';
import { useId, type ChangeEvent } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { fileSize } from '../components/format';

/** The file as AttachmentInput wants it: base64 without the `data:…;base64,` prefix. */
const readAsBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * A native file picker (keyboard-reachable) that fills the row's `fileName`, `contentType` and `contentBase64`;
 * the server's messages for any of the three show under it.
 */
export const AttachmentFileInput = () => {
  const translate = useTranslate();
  const id = useId();
  const fileName = useInput({ source: 'fileName' });
  const contentType = useInput({ source: 'contentType' });
  const content = useInput({ source: 'contentBase64' });
  const error = [fileName, contentType, content].map((i) => i.fieldState.error?.message).find(Boolean);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    fileName.field.onChange(file.name);
    contentType.field.onChange(file.type);
    content.field.onChange(await readAsBase64(file));
  };

  const base64 = content.field.value as string | null | undefined;
  const bytes = base64 ? Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0) : null;
  return (
    <FormControl error={!!error} sx={{ minWidth: 280, mt: 0.5 }}>
      <FormLabel htmlFor={id} sx={{ fontSize: '0.8rem' }}>
        {translate('resources.intake.fields.attachment.file')}
      </FormLabel>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5 }}>
        <AttachFileIcon fontSize="small" color="action" />
        <Box component="input" type="file" id={id} name={content.field.name} onChange={onChange} sx={{ fontSize: '0.875rem' }} />
      </Stack>
      {fileName.field.value ? (
        <Typography variant="caption" color="text.secondary">
          {fileName.field.value} ({contentType.field.value || '—'}, {fileSize(bytes)})
        </Typography>
      ) : null}
      <input type="hidden" name={fileName.field.name} />
      <input type="hidden" name={contentType.field.name} />
      {error ? <FormHelperText>{error}</FormHelperText> : null}
    </FormControl>
  );
};
