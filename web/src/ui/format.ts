import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../../../core/display-dates.ts';
import { intlLocale, type Lang } from '../i18n/index.ts';

export interface Formatters {
  lang: Lang;
  number(n: number | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
}

/** Formatters that follow the language switch: numbers by locale, dates the one way (core/display-dates). */
export function useFormat(): Formatters {
  const { i18n, t } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  return useMemo(() => {
    const num = new Intl.NumberFormat(intlLocale(lang));
    const empty = t('common.empty');
    return {
      lang,
      number: (n) => (n === null || n === undefined ? empty : num.format(n)),
      dateTime: (iso) => (iso ? formatDateTime(iso, lang) : empty),
      date: (iso) => (iso ? formatDay(iso, lang) : empty),
    };
  }, [lang, t]);
}

/** The reader's language, following the switch (for names formatted outside `t`, e.g. places). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
