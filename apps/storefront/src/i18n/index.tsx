// React side of the translations: react-i18next over the instance of translate.ts. Pages keep `useI18n()`
// ({ locale, setLocale, t }); a page that wants i18next itself can `useTranslation('orders')`.
import { type ReactNode, useCallback, useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale, type Translate, translator } from './translate';

export * from './translate';

const STORAGE_KEY = 'bangfu.locale';

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage can be blocked (private mode, sandboxed frames)
  }
}

const appI18n = createI18n(storedLocale());

export function I18nProvider({ children }: { children: ReactNode }) {
  useEffect(() => {
    const setLang = (lng: string) => {
      document.documentElement.lang = lng;
    };
    setLang(appI18n.language);
    appI18n.on('languageChanged', setLang);
    return () => appI18n.off('languageChanged', setLang);
  }, []);
  return <I18nextProvider i18n={appI18n}>{children}</I18nextProvider>;
}

export function useI18n(): I18nValue {
  // useTranslation rerenders the caller when the language changes.
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  const setLocale = useCallback(
    (next: Locale) => {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        /* the choice still applies to this visit */
      }
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  const t = useMemo(() => translator(locale, i18n), [locale, i18n]);
  return useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
}
