import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal } from 'react-admin';
import { ReceiptJump } from './ReceiptJump';

/** Title, the receipt-number jump, the language switch (日本語 / English) and react-admin's loading indicator. */
export const AppBar = () => (
  <RaAppBar
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
