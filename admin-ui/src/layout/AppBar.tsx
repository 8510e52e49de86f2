import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, Logout, TitlePortal, useGetIdentity, useTranslate, UserMenu } from 'react-admin';
import { AccountMenuItem } from '../account/AccountMenuItem';
import { ReceiptJump } from './ReceiptJump';

/**
 * Title, the receipt-number jump, the language switch (日本語 / English), react-admin's loading indicator and the
 * user menu (パスワード変更, サインアウト).
 */
export const AppBar = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  // The menu button shows the signed-in person's name; its accessible name says so too (react-admin's is
  // プロフィール, which does not contain the visible name).
  const userMenuLabel = identity?.fullName
    ? translate('naccs.account.user_menu', { name: identity.fullName, _: `${identity.fullName} のメニュー` })
    : undefined;
  return (
    <RaAppBar
      userMenu={
        <UserMenu label={userMenuLabel}>
          <AccountMenuItem />
          <Logout />
        </UserMenu>
      }
      toolbar={
        <>
          <ReceiptJump />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <TitlePortal />
    </RaAppBar>
  );
};
