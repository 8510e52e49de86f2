import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CopyButton } from '../components/CopyButton';
import { useServerAction } from '../components/useServerAction';
import type { FieldError } from '../intake/inputTypes';
import { CREATE_API_KEY } from '../queries';
import { RoleChips } from '../staffAccounts/RoleChips';
import { API_KEY_SCOPES, type ApiKey, type ApiKeyScope } from '../types';
import { splitCodes } from './codes';
import { DialogCancelButton, DialogConfirmButton } from '../components/DialogButtons';

interface Created {
  createApiKey: { secret: string; apiKey: ApiKey };
}

/**
 * APIキーの作成 (admin): a name (the integrating system), its permissions (参照 only by default: reporting tools),
 * optionally the companies and offices it is limited to, and an optional expiry; the role is INTEGRATOR (the only
 * role the server gives a key). The secret is in the server's answer only: it is shown once, with a copy button.
 */
export const CreateApiKeyButton = () => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['READ']);
  const [companies, setCompanies] = useState('');
  const [offices, setOffices] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, setCreated] = useState<Created['createApiKey'] | null>(null);

  const close = () => {
    setOpen(false);
    setCreated(null);
    setName('');
    setExpires('');
    setScopes(['READ']);
    setCompanies('');
    setOffices('');
    setErrors([]);
  };
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((now) => API_KEY_SCOPES.filter((s) => (s === scope ? on : now.includes(s))));
  const create = async () => {
    setErrors([]);
    const outcome = await run<Created>(CREATE_API_KEY, {
      name: name.trim(),
      roles: ['INTEGRATOR'],
      scopes,
      companies: splitCodes(companies),
      offices: splitCodes(offices),
      // The end of the chosen day in Japan.
      expiresAt: expires ? new Date(`${expires}T23:59:59+09:00`).toISOString() : null,
    });
    if (outcome.ok && outcome.data) setCreated(outcome.data.createApiKey);
    else setErrors(outcome.fieldErrors);
  };
  const at = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message).join(' ');

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="create-api-key">
        {translate('resources.apiKeys.create')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} fullWidth maxWidth="sm" data-testid="api-key-dialog">
        <DialogTitle>{translate(created ? 'resources.apiKeys.created_title' : 'resources.apiKeys.create')}</DialogTitle>
        {created ? (
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>
              {translate('resources.apiKeys.created_for', { name: created.apiKey.name })}
            </DialogContentText>
            <Box sx={{ display: 'flex', alignItems: 'center', p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}>
              <Typography
                component="code"
                sx={{ fontFamily: 'monospace', fontWeight: 700, wordBreak: 'break-all', flex: 1 }}
                data-testid="api-key-secret"
              >
                {created.secret}
              </Typography>
              <CopyButton value={created.secret} label="resources.apiKeys.secret" />
            </Box>
            <Alert severity="warning" sx={{ mt: 2 }}>
              {translate('resources.apiKeys.shown_once')}
            </Alert>
          </DialogContent>
        ) : (
          <DialogContent>
            <Stack spacing={2} sx={{ mt: 1 }}>
              <TextField
                autoFocus
                required
                name="name"
                label={translate('resources.apiKeys.fields.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={!!at('name')}
                helperText={at('name') || translate('resources.apiKeys.name_hint')}
              />
              <TextField
                type="date"
                name="expiresAt"
                label={translate('resources.apiKeys.fields.expiresAt')}
                value={expires}
                onChange={(e) => setExpires(e.target.value)}
                error={!!at('expiresAt')}
                helperText={at('expiresAt') || translate('resources.apiKeys.expires_hint')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <FormControl error={!!at('scopes') || !scopes.length} component="fieldset" variant="standard">
                <FormLabel component="legend">{translate('resources.apiKeys.fields.scopes')}</FormLabel>
                <FormGroup>
                  {API_KEY_SCOPES.map((scope) => (
                    <FormControlLabel
                      key={scope}
                      control={
                        <Checkbox
                          size="small"
                          checked={scopes.includes(scope)}
                          onChange={(e) => toggle(scope, e.target.checked)}
                          name={`scope-${scope}`}
                          data-testid={`api-key-scope-${scope}`}
                        />
                      }
                      label={
                        <span>
                          {translate(`resources.apiKeys.scopes.${scope}`)}
                          <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
                            {translate(`resources.apiKeys.scope_hints.${scope}`)}
                          </Typography>
                        </span>
                      }
                    />
                  ))}
                </FormGroup>
                <FormHelperText>
                  {at('scopes') || (scopes.length ? translate('resources.apiKeys.scopes_hint') : translate('resources.apiKeys.scopes_required'))}
                </FormHelperText>
              </FormControl>
              <Box>
                <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
                  {translate('resources.apiKeys.limits_hint')}
                </Typography>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <TextField
                    fullWidth
                    name="companies"
                    label={translate('resources.apiKeys.fields.companies')}
                    placeholder="NAC"
                    value={companies}
                    onChange={(e) => setCompanies(e.target.value)}
                    error={!!at('companies')}
                    helperText={at('companies') || ' '}
                  />
                  <TextField
                    fullWidth
                    name="offices"
                    label={translate('resources.apiKeys.fields.offices')}
                    placeholder="NAC001"
                    value={offices}
                    onChange={(e) => setOffices(e.target.value)}
                    error={!!at('offices')}
                    helperText={at('offices') || ' '}
                  />
                </Stack>
              </Box>
              <Box>
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('resources.apiKeys.fields.roles')}
                </Typography>
                <RoleChips roles={['INTEGRATOR']} />
                {at('roles') ? <Alert severity="error">{at('roles')}</Alert> : null}
              </Box>
            </Stack>
          </DialogContent>
        )}
        <DialogActions>
          {created ? (
            <Button variant="contained" onClick={close} data-testid="api-key-done">
              {translate('resources.apiKeys.done')}
            </Button>
          ) : (
            <>
              <DialogCancelButton onClick={close} busy={busy} />
              <DialogConfirmButton busy={busy} disabled={!name.trim() || !scopes.length} onClick={() => void create()} data-testid="api-key-create-confirm">
                {translate('resources.apiKeys.create_confirm')}
              </DialogConfirmButton>
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
