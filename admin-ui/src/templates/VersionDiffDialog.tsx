import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { DiffView } from './DiffView';
import { diffStats, lineDiff } from './lineDiff';
import { TEMPLATE_PARTS, draftOf, type TemplateDraft, type TemplateVersion } from './templateTypes';

/** The line diff between a saved version and the draft in the editor, part by part (件名, 本文, HTML). */
export const VersionDiffDialog = ({
  open,
  onClose,
  version,
  draft,
  draftLabel,
  actions,
}: {
  open: boolean;
  onClose: () => void;
  version: TemplateVersion;
  draft: TemplateDraft;
  /** What the right-hand side is (translation key): the draft, by default. */
  draftLabel?: string;
  actions?: ReactNode;
}) => {
  const translate = useTranslate();
  const old = draftOf(version);
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="lg" data-testid="version-diff-dialog" aria-labelledby="version-diff-title">
      <DialogTitle id="version-diff-title">
        {translate('naccs.templates.diff.title', {
          version: version.version,
          target: translate(draftLabel ?? 'naccs.templates.diff.draft'),
        })}
      </DialogTitle>
      <DialogContent dividers>
        {TEMPLATE_PARTS.map((part) => {
          if (!old[part] && !draft[part]) return null;
          const stats = diffStats(lineDiff(old[part], draft[part]));
          return (
            <Box key={part} sx={{ mb: 2.5 }}>
              <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 0.75 }}>
                <Typography variant="subtitle2" component="h3">
                  {translate(`resources.templates.fields.${part}`)}
                </Typography>
                {stats.added ? <Chip size="small" color="success" variant="outlined" label={`+${stats.added}`} /> : null}
                {stats.removed ? <Chip size="small" color="error" variant="outlined" label={`−${stats.removed}`} /> : null}
              </Stack>
              <DiffView oldText={old[part]} newText={draft[part]} testId={`diff-${part}`} />
            </Box>
          );
        })}
      </DialogContent>
      <DialogActions>
        {actions}
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
