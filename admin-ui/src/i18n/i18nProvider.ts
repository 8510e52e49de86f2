import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { ja } from './ja';

/**
 * Japanese by default; English on request (react-admin keeps the choice in its store). Server messages
 * arrive already in Japanese and are not keys: `allowMissing` shows them as they are.
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? en : ja),
  'ja',
  [
    { locale: 'ja', name: '日本語' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
