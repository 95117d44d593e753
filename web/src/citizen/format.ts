import { formatDateTime as dateAndTime, formatDay, formatTime } from '../../../core/display-dates.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Lang } from './i18n/index.ts';

/** Dates and times the one way (core/display-dates), on Viet Nam's clock; today's times without the date if asked. */
export function formatDateTime(iso: string, lang: Lang, timeOnlyIfToday = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (timeOnlyIfToday && vietnamToday(d) === vietnamToday()) return formatTime(d);
  return dateAndTime(d, lang);
}

export { formatDay };
