import { Chip } from '@mui/material';
import { consoleNow } from '../components/consoleClock';
import { useTranslate } from 'react-admin';
import type { ApiKey } from '../types';

/** 有効 / 失効 / 期限切れ of an API key. */
export const apiKeyState = (k: ApiKey, now = consoleNow()): 'active' | 'revoked' | 'expired' =>
  k.revokedAt ? 'revoked' : k.expiresAt && new Date(k.expiresAt) <= now ? 'expired' : 'active';

export const ApiKeyStatusChip = ({ apiKey }: { apiKey: ApiKey }) => {
  const translate = useTranslate();
  const state = apiKeyState(apiKey);
  return (
    <Chip
      size="small"
      variant={state === 'active' ? 'filled' : 'outlined'}
      color={state === 'active' ? 'success' : state === 'revoked' ? 'error' : 'default'}
      label={translate(`resources.apiKeys.states.${state}`)}
      data-state={state}
    />
  );
};
