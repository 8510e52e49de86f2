import SendIcon from '@mui/icons-material/Send';
import { Box, Button, CircularProgress, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** The only way to send an intake form: a button (never Enter), with progress while the server answers. */
export const SubmitBar = ({
  label,
  submitting,
  onSubmit,
  testId,
  children,
}: {
  label: string;
  submitting: boolean;
  onSubmit: () => void;
  testId: string;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Paper
      elevation={3}
      sx={{ position: 'sticky', bottom: 0, zIndex: 2, mt: 2, overflow: 'hidden' }}
      aria-busy={submitting}
    >
      {submitting ? <LinearProgress aria-label={translate('resources.intake.messages.submitting')} /> : <Box sx={{ height: 4 }} />}
      <Stack direction="row" spacing={2} alignItems="center" justifyContent="flex-end" sx={{ p: 1.5 }}>
        <Box sx={{ flex: 1 }}>{children}</Box>
        {submitting ? (
          <Typography variant="body2" color="text.secondary" role="status">
            {translate('resources.intake.messages.submitting')}
          </Typography>
        ) : null}
        <Button
          type="button"
          variant="contained"
          size="large"
          onClick={onSubmit}
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : <SendIcon />}
          data-testid={testId}
        >
          {translate(label)}
        </Button>
      </Stack>
    </Paper>
  );
};
