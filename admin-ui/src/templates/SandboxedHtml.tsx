import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * An HTML mail body, shown in an iframe with `sandbox=""`: no script runs, no form posts, no navigation of the
 * console, and the mail's styles stay inside the frame. The frame is its own (opaque) origin, so it cannot size
 * itself to its content: it has a height and the user can drag it taller.
 */
export const SandboxedHtml = ({ html, title, height = 420, testId }: { html: string; title?: string; height?: number; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box
      component="iframe"
      sandbox=""
      srcDoc={html}
      title={title ?? translate('naccs.templates.preview.html')}
      referrerPolicy="no-referrer"
      data-testid={testId}
      sx={{ width: '100%', height, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff', resize: 'vertical', display: 'block' }}
    />
  );
};
