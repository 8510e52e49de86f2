import { Suspense, type ReactNode } from 'react';
import { Admin, CustomRoutes, Loading, reactRouterProvider, Resource, useAuthState } from 'react-admin';
import { mayCall } from './access';
import apiKeys from './apiKeys';
import applications from './applications';
import auditLog from './auditLog';
import certificates from './certificates';
import { Dashboard } from './dashboard';
import emails from './emails';
import templates from './templates';
import { authProvider } from './authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { lazyComponent } from './lazyComponent';
import { dataProvider } from './lazyDataProvider';
import { SignedInLayout } from './layout';
import { LoginPage } from './login/LoginPage';
import offices from './offices';
import staffAccounts from './staffAccounts';
import { theme } from './theme';

// The sign-in page is this chunk; the layout, every page and the data provider are chunks of their own
// (lazyComponent, lazyDataProvider), fetched once signed in — or while the sign-in form waits (login/preload.ts).
const IntakePage = lazyComponent(() => import('./intake/IntakePage'), 'IntakePage');
const ChangePasswordPage = lazyComponent(() => import('./account/ChangePasswordPage'), 'ChangePasswordPage');

/**
 * The layout's chunk loads under a Suspense boundary of its own (react-admin's is inside the layout), and only once
 * the session is checked: signed out, react-admin would otherwise fetch and render the layout and the queue first,
 * and only their check would send the browser to the sign-in page. (Admin's requireAuth does this check too, but
 * loops on the sign-in route with a custom login page.)
 */
const Layout = ({ children }: { children: ReactNode }) => {
  // Signed out: logs out and redirects to the sign-in page, as the pages' own checks do.
  const { isPending, authenticated } = useAuthState(undefined, true);
  if (isPending || !authenticated) return null;
  return (
    <Suspense fallback={<Loading />}>
      <SignedInLayout>{children}</SignedInLayout>
    </Suspense>
  );
};

/** react-router's Route, through react-admin's router adapter (the console does not depend on react-router). */
const { Route } = reactRouterProvider;

/** The admin's resources exist only for those who may use them (getPermissions gives the operations). */
export const App = () => (
  <Admin
    disableTelemetry
    title="NACCS"
    dashboard={Dashboard}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    theme={theme}
  >
    {(permissions: string[]) => (
      <>
        <Resource name="applications" {...applications} />
        <Resource name="offices" {...offices} />
        <Resource name="staff" recordRepresentation="name" />
        {mayCall(permissions, 'certificates') ? <Resource name="certificates" {...certificates} /> : null}
        {mayCall(permissions, 'notificationTemplates') ? <Resource name="templates" {...templates} /> : null}
        {mayCall(permissions, 'outboundEmails') ? <Resource name="emails" {...emails} /> : null}
        {mayCall(permissions, 'staffAccounts') ? <Resource name="staffAccounts" {...staffAccounts} /> : null}
        {mayCall(permissions, 'apiKeys') ? <Resource name="apiKeys" {...apiKeys} /> : null}
        {mayCall(permissions, 'auditLog') ? <Resource name="auditLog" {...auditLog} /> : null}
        <CustomRoutes>
          <Route path="/intake" element={<IntakePage />} />
          <Route path="/password" element={<ChangePasswordPage />} />
        </CustomRoutes>
      </>
    )}
  </Admin>
);
