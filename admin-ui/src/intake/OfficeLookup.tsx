import SearchIcon from '@mui/icons-material/Search';
import { Alert, AlertTitle, Box, Button, Card, CardContent, CircularProgress, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { errorMessageOf } from './fieldErrors';
import type { OfficeForChange } from './changeTypes';
import { fetchOfficeForChange } from './intakeApi';

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; code: string }
  | { state: 'notFound'; code: string }
  | { state: 'failed'; code: string; message: string };

const L = (key: string) => `resources.intake.change.${key}`;

/**
 * Step 1 of a 変更申込 / 利用者ID廃止: the 事業所コード the customer gives, read from the server (its current
 * contract). Enter reads it; an unknown code says so and points to the office list.
 */
export const OfficeLookup = ({ onFound, title }: { onFound: (office: OfficeForChange) => void; title: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const loading = lookup.state === 'loading';

  const read = async (e: FormEvent) => {
    e.preventDefault();
    const typed = code.trim();
    if (!typed || loading) return;
    setLookup({ state: 'loading', code: typed });
    try {
      const office = await fetchOfficeForChange(typed);
      if (office) {
        setLookup({ state: 'idle' });
        onFound(office);
      } else setLookup({ state: 'notFound', code: typed });
    } catch (error) {
      setLookup({ state: 'failed', code: typed, message: translate(errorMessageOf(error)) });
    }
  };

  return (
    <Card variant="outlined" sx={{ maxWidth: 720 }} aria-busy={loading}>
      {loading ? <LinearProgress aria-label={translate(L('loading'))} /> : <Box sx={{ height: 4 }} />}
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1, fontWeight: 700 }}>
          {translate(title)}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(L('lookup_hint'))}
        </Typography>
        <Stack component="form" direction="row" spacing={2} alignItems="flex-start" onSubmit={(e) => void read(e)} noValidate>
          <TextField
            label={translate(L('officeCode'))}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            autoComplete="off"
            inputProps={{ 'data-testid': 'change-office-code', style: { fontFamily: 'monospace', textTransform: 'uppercase' }, maxLength: 12 }}
            helperText={translate(L('officeCode_hint'))}
            sx={{ width: 240 }}
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={loading || !code.trim()}
            startIcon={loading ? <CircularProgress size={18} color="inherit" /> : <SearchIcon />}
            data-testid="change-office-read"
            sx={{ mt: 0.5 }}
          >
            {translate(L('read'))}
          </Button>
        </Stack>
        {loading ? (
          <Typography variant="body2" color="text.secondary" role="status" sx={{ mt: 1 }}>
            {translate(L('loading'))}
          </Typography>
        ) : null}
        {lookup.state === 'notFound' ? (
          <Alert severity="warning" sx={{ mt: 2 }} role="alert" data-testid="change-office-not-found">
            <AlertTitle>{translate(L('not_found'), { code: lookup.code })}</AlertTitle>
            {translate(L('not_found_hint'))}{' '}
            <Link to={createPath({ resource: 'offices', type: 'list' })}>{translate(L('office_list'))}</Link>
          </Alert>
        ) : null}
        {lookup.state === 'failed' ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {lookup.message}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
};
