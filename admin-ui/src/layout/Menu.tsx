import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { Divider } from '@mui/material';
import { Menu as RaMenu } from 'react-admin';
import { useAccess } from '../access';

/**
 * ダッシュボード, 利用申込, 事業所, 申込の受付 (電話・書面), and for administrators 職員, APIキー, 監査ログ. An entry is shown only to
 * the staff the server lets use it (their operations) — to avoid pages they could not use; the server still decides.
 */
export const Menu = () => {
  const { may } = useAccess();
  const admin = may('staffAccounts') || may('apiKeys') || may('auditLog');
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItem name="applications" />
      <RaMenu.ResourceItem name="offices" />
      {may('registerProvisionalAccount') ? (
        <RaMenu.Item to="/intake" primaryText="resources.intake.menu" leftIcon={<PhoneInTalkIcon />} data-testid="menu-intake" />
      ) : null}
      {may('certificates') ? <RaMenu.ResourceItem name="certificates" /> : null}
      {may('notificationTemplates') ? <RaMenu.ResourceItem name="templates" /> : null}
      {may('outboundEmails') ? <RaMenu.ResourceItem name="emails" /> : null}
      {admin ? <Divider sx={{ my: 1 }} /> : null}
      {may('staffAccounts') ? <RaMenu.ResourceItem name="staffAccounts" /> : null}
      {may('apiKeys') ? <RaMenu.ResourceItem name="apiKeys" /> : null}
      {may('auditLog') ? <RaMenu.ResourceItem name="auditLog" /> : null}
    </RaMenu>
  );
};
