import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { PrintStyles } from './PrintStyles';

/** Keeps <html lang> in step with the chosen language (screen readers, CJK font selection). */
const HtmlLang = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
};

/**
 * react-admin lets the page grow to its widest table (min-width: fit-content); here wide tables scroll
 * inside their own box instead, so the app bar and the receipt-number box stay on screen.
 */
const fitViewport = {
  minWidth: 0,
  '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
  '& .RaShow-main, & .RaShow-main > *, & .RaList-main, & .RaList-main > *, & .RaShow-card': { minWidth: 0 },
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={Menu} sx={fitViewport}>
    <HtmlLang />
    <PrintStyles />
    {children}
  </RaLayout>
);
