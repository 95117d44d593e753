import { vietnamWallClock } from './vietnam-calendar.ts';

/**
 * The one way dates and times are written for people, in both applications, the Excel files and
 * the documents: Vietnamese "07/12/2026 14:05", English "07 Dec 2026, 14:05" (a month name, so an
 * English reader never confuses day and month). Always Viet Nam's wall clock, whatever the time
 * zone of the phone or the server: a check-in at 23:30 belongs to the day the venue saw it.
 */
export type DisplayLang = 'vi' | 'en';

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const plainDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const two = (n: number) => String(n).padStart(2, '0');

function dayText(year: number, month: number, day: number, lang: DisplayLang): string {
  return lang === 'vi' ? `${two(day)}/${two(month)}/${year}` : `${two(day)} ${englishMonths[month - 1]} ${year}`;
}

function wallClock(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : vietnamWallClock(d);
}

/** A calendar day ('YYYY-MM-DD', taken as it is) or the Viet Nam date of an instant. */
export function formatDay(value: string | Date, lang: DisplayLang): string {
  if (typeof value === 'string') {
    const m = plainDay.exec(value);
    if (m) return dayText(Number(m[1]), Number(m[2]), Number(m[3]), lang);
  }
  const w = wallClock(value);
  if (!w) return String(value);
  return dayText(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), lang);
}

/** The time of an instant in Viet Nam, "14:05" (24-hour in both languages, as official papers write it). */
export function formatTime(value: string | Date, withSeconds = false): string {
  const w = wallClock(value);
  if (!w) return String(value);
  const hm = `${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
  return withSeconds ? `${hm}:${two(w.getUTCSeconds())}` : hm;
}

/** Day and time of an instant in Viet Nam: "07/12/2026 14:05" / "07 Dec 2026, 14:05". */
export function formatDateTime(value: string | Date, lang: DisplayLang): string {
  if (!wallClock(value)) return String(value);
  return `${formatDay(value, lang)}${lang === 'vi' ? ' ' : ', '}${formatTime(value)}`;
}

/** A day on a chart's axis, without its year: "07/12" / "07 Dec". */
export function formatDayMonth(day: string, lang: DisplayLang): string {
  const m = plainDay.exec(day);
  if (!m) return day;
  return lang === 'vi' ? `${m[3]}/${m[2]}` : `${m[3]} ${englishMonths[Number(m[2]) - 1]}`;
}
