import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi, type Catalogue } from './vi.ts';

export type Lang = 'vi' | 'en';
export const langs: readonly Lang[] = ['vi', 'en'];
const storageKey = 'pd.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(storageKey);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The current language as sent in `Accept-Language` and used for number/date formatting. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** BCP 47 locale for `Intl` formatting. */
export function intlLocale(lang: Lang = currentLang()): string {
  return lang === 'en' ? 'en-US' : 'vi-VN';
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // private mode: the choice just does not persist
  }
  void i18n.changeLanguage(lang);
}

// The cookie tells the server the language for answers a link fetches (Excel exports), which
// cannot carry an Accept-Language header of ours.
function syncDocumentLang(lng: string) {
  const lang = lng === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
  document.cookie = `pd_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}

i18n.on('languageChanged', syncDocumentLang);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
syncDocumentLang(currentLang());

export { i18n };
