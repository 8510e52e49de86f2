import { Admin, Resource } from 'react-admin';
import applications from './applications';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import offices from './offices';
import { theme } from './theme';

export const App = () => (
  <Admin
    disableTelemetry
    title="NACCS"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    theme={theme}
  >
    <Resource name="applications" {...applications} />
    <Resource name="offices" {...offices} />
    <Resource name="staff" recordRepresentation="name" />
  </Admin>
);
