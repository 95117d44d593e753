import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, type Lang } from '../i18n/index.ts';

export interface Formatters {
  lang: Lang;
  number(n: number | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
}

/** Locale-aware formatters that follow the language switch (vi-VN / en-US). */
export function useFormat(): Formatters {
  const { i18n, t } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  return useMemo(() => {
    const locale = intlLocale(lang);
    const num = new Intl.NumberFormat(locale);
    const dt = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const d = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const empty = t('common.empty');
    const safe = (f: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return empty;
      const v = new Date(iso);
      return Number.isNaN(v.getTime()) ? iso : f.format(v);
    };
    return {
      lang,
      number: (n) => (n === null || n === undefined ? empty : num.format(n)),
      dateTime: (iso) => safe(dt, iso),
      date: (iso) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? safe(d, `${iso}T00:00:00`) : safe(d, iso)),
    };
  }, [lang, t]);
}
