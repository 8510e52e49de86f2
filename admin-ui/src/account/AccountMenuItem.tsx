import KeyIcon from '@mui/icons-material/Key';
import { MenuItemLink, useUserMenu } from 'react-admin';

/** The user menu's パスワード変更 (closes the menu on the way). */
export const AccountMenuItem = () => {
  const userMenu = useUserMenu();
  return <MenuItemLink to="/password" primaryText="パスワード変更" leftIcon={<KeyIcon />} onClick={userMenu?.onClose} />;
};
