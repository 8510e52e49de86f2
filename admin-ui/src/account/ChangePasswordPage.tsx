import { gql } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Title, useLogout, useNotify } from 'react-admin';
import { useServerAction } from '../components/useServerAction';

const CHANGE_PASSWORD = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

/**
 * パスワード変更 for the signed-in staff member (the user menu). The server checks the current password and the new
 * one's rules (their messages appear under the fields); a change ends every session of the account, this one too,
 * so the page says so and goes to the sign-in page.
 */
export const ChangePasswordPage = () => {
  const { run, busy } = useServerAction();
  const notify = useNotify();
  const logout = useLogout();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmation: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Typed twice to catch a slip of the finger; every rule of the password itself is the server's.
    if (values.newPassword !== values.confirmation) {
      setErrors({ confirmation: '新しいパスワードと確認用の入力が一致しません。' });
      return;
    }
    setErrors({});
    const outcome = await run<{ changePassword: boolean }>(CHANGE_PASSWORD, { currentPassword: values.currentPassword, newPassword: values.newPassword }, { refreshAfter: false });
    if (outcome.ok) {
      notify('パスワードを変更しました。新しいパスワードでサインインしてください。', { type: 'success' });
      await logout();
      return;
    }
    const byField: Partial<Record<Field, string>> = {};
    for (const e of outcome.fieldErrors) {
      const field: Field = e.path === 'currentPassword' ? 'currentPassword' : 'newPassword';
      byField[field] = [byField[field], e.message].filter(Boolean).join(' ');
    }
    setErrors(byField);
  };

  const input = (field: Field, label: string, autoComplete: string, autoFocus = false) => (
    <TextField
      name={field}
      type="password"
      label={label}
      value={values[field]}
      onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
      error={!!errors[field]}
      helperText={errors[field] ?? ' '}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      required
      fullWidth
    />
  );

  return (
    <Box sx={{ maxWidth: 480, mt: 2 }}>
      <Title title="パスワード変更" />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h1" gutterBottom>パスワード変更</Typography>
          <Alert severity="info" sx={{ mb: 2 }}>変更すると、このアカウントのすべてのセッションが終了します。新しいパスワードでサインインし直してください。</Alert>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack spacing={1}>
              {input('currentPassword', '現在のパスワード', 'current-password', true)}
              {input('newPassword', '新しいパスワード', 'new-password')}
              {input('confirmation', '新しいパスワード (確認)', 'new-password')}
              <Box>
                <Button type="submit" variant="contained" disabled={busy || !values.currentPassword || !values.newPassword} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
                  変更する
                </Button>
              </Box>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
};
