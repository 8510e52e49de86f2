import polyglotI18nProvider from 'ra-i18n-polyglot';
import { ja } from './ja';

/**
 * Japanese by default (in the first chunk); English on request, its chunk fetched when chosen (react-admin keeps the
 * choice in its store). Server messages arrive already in Japanese and are not keys: `allowMissing` shows them as they
 * are.
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('./en').then((m) => m.en) : ja),
  'ja',
  [
    { locale: 'ja', name: '日本語' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
