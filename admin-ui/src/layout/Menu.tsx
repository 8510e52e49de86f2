import { Menu as RaMenu } from 'react-admin';

/** 利用申込, 事業所. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.ResourceItem name="applications" />
    <RaMenu.ResourceItem name="offices" />
  </RaMenu>
);
