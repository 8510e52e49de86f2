import { Box } from '@mui/material';
import { CopyButton } from '../components/CopyButton';
import { EMPTY } from '../components/format';

/** What the server sends in place of a password it does not open. */
export const MASK = '********';

/**
 * A code or password of the ID通知内容 in monospace, with a copy button once it is readable (a masked password has
 * nothing to copy).
 */
export const SecretText = ({ value, label, testId }: { value?: string | null; label: string; testId?: string }) => {
  if (!value) return <>{EMPTY}</>;
  const masked = value === MASK;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' }}>
      <Box
        component="span"
        data-testid={testId}
        data-masked={masked || undefined}
        sx={{ fontFamily: 'monospace', fontWeight: masked ? 400 : 700, color: masked ? 'text.disabled' : undefined, letterSpacing: 1 }}
      >
        {value}
      </Box>
      {masked ? null : <CopyButton value={value} label={label} />}
    </Box>
  );
};
