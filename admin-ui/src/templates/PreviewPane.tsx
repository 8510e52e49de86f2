import { Alert, AlertTitle, Box, CircularProgress, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ApplicationPicker, type PickedApplication } from './ApplicationPicker';
import { SandboxedHtml } from './SandboxedHtml';
import type { PreviewState } from './usePreview';

const partLabel = (path: string): string =>
  path === 'subject' || path === 'text' || path === 'html' ? `resources.templates.fields.${path}` : path;

/**
 * The right-hand side of the editor: the draft as the customer would receive it, with a real application's data
 * (chosen by receipt number or company) or the sample values; why it cannot be rendered when it cannot.
 */
export const PreviewPane = ({
  preview,
  application,
  onApplicationChange,
}: {
  preview: PreviewState;
  application: PickedApplication | null;
  onApplicationChange: (a: PickedApplication | null) => void;
}) => {
  const translate = useTranslate();
  const [tab, setTab] = useState<'text' | 'html'>('text');
  const { result } = preview;
  const hasHtml = !!result?.html;
  const shown = hasHtml ? tab : 'text';
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="template-preview" aria-busy={preview.loading}>
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
          {translate('naccs.templates.preview.title')}
        </Typography>
        {preview.loading ? <CircularProgress size={16} aria-label={translate('ra.page.loading')} /> : null}
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" data-testid="preview-source">
          {application
            ? translate('naccs.templates.preview.with_application', { receiptNo: application.receiptNo })
            : translate('naccs.templates.preview.with_sample')}
        </Typography>
      </Stack>
      <ApplicationPicker
        value={application}
        onChange={onApplicationChange}
        label="naccs.templates.preview.application"
        helperText="naccs.templates.preview.application_hint"
        testId="preview-application"
      />
      {preview.errors.length > 0 || (preview.message && !preview.current && !preview.loading) ? (
        <Alert severity="warning" sx={{ mt: 1.5 }} data-testid="preview-errors">
          <AlertTitle>{translate('naccs.templates.preview.cannot_render')}</AlertTitle>
          {preview.errors.length > 0 ? (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {preview.errors.map((e) => (
                <li key={`${e.path}-${e.message}`}>
                  <strong>{translate(partLabel(e.path), { _: e.path })}</strong>: {e.message}
                </li>
              ))}
            </Box>
          ) : (
            preview.message
          )}
        </Alert>
      ) : null}
      {result ? (
        <Box sx={{ mt: 2, opacity: preview.current ? 1 : 0.55 }} data-testid="preview-result" data-current={preview.current}>
          <Typography variant="caption" color="text.secondary">
            {translate('resources.templates.fields.subject')}
          </Typography>
          <Typography variant="body1" sx={{ fontWeight: 700, mb: 1, overflowWrap: 'anywhere' }} data-testid="preview-subject">
            {result.subject}
          </Typography>
          {hasHtml ? (
            <Tabs value={shown} onChange={(_, v: 'text' | 'html') => setTab(v)} sx={{ minHeight: 36, mb: 1 }}>
              <Tab value="text" label={translate('naccs.templates.preview.text')} sx={{ minHeight: 36 }} />
              <Tab value="html" label={translate('naccs.templates.preview.html')} sx={{ minHeight: 36 }} />
            </Tabs>
          ) : null}
          {shown === 'html' && result.html ? (
            <SandboxedHtml html={result.html} testId="preview-html" />
          ) : (
            <Box
              component="pre"
              data-testid="preview-text"
              sx={{
                m: 0,
                p: 1.5,
                bgcolor: 'action.hover',
                borderRadius: 1,
                fontFamily: 'monospace',
                fontSize: '0.85rem',
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                maxHeight: '70vh',
                overflow: 'auto',
              }}
            >
              {result.text}
            </Box>
          )}
        </Box>
      ) : null}
    </Paper>
  );
};
