import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, Logout, TitlePortal, UserMenu } from 'react-admin';
import { AccountMenuItem } from '../account/AccountMenuItem';
import { ReceiptJump } from './ReceiptJump';

/**
 * Title, the receipt-number jump, the language switch (日本語 / English), react-admin's loading indicator and the
 * user menu (パスワード変更, サインアウト).
 */
export const AppBar = () => (
  <RaAppBar
    userMenu={
      <UserMenu>
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
