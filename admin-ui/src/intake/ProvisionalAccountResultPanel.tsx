import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../components/format';
import { copyText } from '../components/copyText';
import type { ProvisionalAccountResult } from './inputTypes';

const Value = ({ label, value, testId }: { label: string; value: string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="h5" component="div" sx={{ fontFamily: 'monospace', fontWeight: 700, letterSpacing: 2 }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
};

/**
 * The 仮ログインID and 仮パスワード the server returned — the password only in this answer, so it is shown
 * once, with a copy button, before moving on to the application with the login ID filled in.
 */
export const ProvisionalAccountResultPanel = ({
  result,
  onProceed,
}: {
  result: ProvisionalAccountResult;
  onProceed: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    const text = `${translate('resources.intake.fields.loginId')}: ${result.loginId}\n${translate('resources.intake.fields.password')}: ${result.password}`;
    const ok = await copyText(text);
    notify(ok ? 'resources.intake.messages.copied' : 'resources.intake.messages.copy_failed', { type: ok ? 'info' : 'warning' });
  };
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="provisional-account-result">
      <CardContent>
        <Alert severity="success" sx={{ mb: 2 }}>
          <AlertTitle>{translate('resources.intake.messages.registered')}</AlertTitle>
          {translate('resources.intake.messages.expires', { at: formatDateTime(result.expiresAt) })}
        </Alert>
        <Stack direction="row" spacing={5} flexWrap="wrap" useFlexGap alignItems="flex-end" sx={{ mb: 2 }}>
          <Value label="resources.intake.fields.loginId" value={result.loginId} testId="provisional-login-id" />
          <Value label="resources.intake.fields.password" value={result.password} testId="provisional-password" />
          <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
            {translate('resources.intake.actions.copy')}
          </Button>
        </Stack>
        <Alert severity="warning" sx={{ mb: 2 }} role="note">
          {translate('resources.intake.messages.shown_once')}
        </Alert>
        <Button variant="contained" endIcon={<ArrowForwardIcon />} onClick={onProceed} autoFocus data-testid="intake-proceed">
          {translate('resources.intake.actions.proceed')}
        </Button>
      </CardContent>
    </Card>
  );
};
