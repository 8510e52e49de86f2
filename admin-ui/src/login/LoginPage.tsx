import { Typography } from '@mui/material';
import { useEffect } from 'react';
import { Login, LoginForm, PasswordInput, TextInput, email, required, useTranslate } from 'react-admin';
import { preloadSignedIn } from './preload';

/** Sign-in with e-mail address and password (in Japanese by default). */
export const LoginPage = () => {
  const translate = useTranslate();
  useEffect(() => preloadSignedIn('idle'), []);
  return (
    <Login>
      <Typography variant="subtitle1" component="h1" align="center" sx={{ px: 2, fontWeight: 600 }}>
        {translate('naccs.login.heading')}
      </Typography>
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="naccs.login.email"
          autoComplete="username"
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label="naccs.login.password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
    </Login>
  );
};
