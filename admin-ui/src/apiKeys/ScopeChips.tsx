import { Box, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ApiKey, ApiKeyScope } from '../types';

/** An API key's permissions (参照・申込・パスワード参照) as small chips; passwords stand out. */
export const ScopeChips = ({ scopes }: { scopes?: readonly ApiKeyScope[] | null }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {(scopes ?? []).map((s) => (
        <Chip
          key={s}
          size="small"
          variant="outlined"
          color={s === 'REVEAL_PASSWORDS' ? 'warning' : 'default'}
          label={translate(`resources.apiKeys.scopes.${s}`, { _: s })}
          data-scope={s}
        />
      ))}
    </Box>
  );
};

/** The companies and offices a key is limited to, or 限定なし. */
export const KeyLimits = ({ apiKey }: { apiKey: Pick<ApiKey, 'companies' | 'offices'> }) => {
  const translate = useTranslate();
  const companies = apiKey.companies ?? [];
  const offices = apiKey.offices ?? [];
  if (!companies.length && !offices.length) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {translate('resources.apiKeys.no_limit')}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }} data-testid="api-key-limits">
      {[
        companies.length ? `${translate('resources.apiKeys.companies_short')}: ${companies.join(', ')}` : '',
        offices.length ? `${translate('resources.apiKeys.offices_short')}: ${offices.join(', ')}` : '',
      ].filter(Boolean).join(' / ')}
    </Typography>
  );
};
