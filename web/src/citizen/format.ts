import { intlLocale, type Lang } from './i18n/index.ts';

/** Dates and times as people here read them, in the device's time zone. */
export function formatDateTime(iso: string, lang: Lang, timeOnlyIfToday = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameDay = d.toDateString() === new Date().toDateString();
  const opts: Intl.DateTimeFormatOptions =
    timeOnlyIfToday && sameDay
      ? { hour: '2-digit', minute: '2-digit' }
      : { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale(lang), opts).format(d);
}
