/**
 * The calendar the platform counts in: Viet Nam's (UTC+7 all year, no daylight saving). A day is a
 * `YYYY-MM-DD` string; an instant is a `Date`. Everything here is plain arithmetic, so it runs the
 * same in Node and in the browser whatever the machine's time zone.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** For SQL (`at time zone`) and `Intl` (`timeZone`). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
const plainDate = /^\d{4}-\d{2}-\d{2}$/;

/** The Viet Nam calendar date of an instant (by default now): 17:30 UTC is already tomorrow. */
export function vietnamToday(now = new Date()): string {
  return vietnamWallClock(now).toISOString().slice(0, 10);
}

/**
 * The instant moved by Viet Nam's offset, so that its UTC fields (`getUTCHours()`…) read the wall
 * clock in Viet Nam. For formatting only: it is not the same instant.
 */
export function vietnamWallClock(instant: Date): Date {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS);
}

/** 00:00 in Viet Nam of a calendar date 'YYYY-MM-DD', as an instant. */
export function vietnamMidnight(date: string): Date {
  if (!plainDate.test(date)) throw new RangeError(`Ngày không hợp lệ / Invalid date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  // `Date` rolls 2026-02-30 over into March: a date that does not round-trip does not exist.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`Ngày không hợp lệ / Invalid date: ${date}`);
  return new Date(ms - VIETNAM_OFFSET_MS);
}

/** The last millisecond of a Viet Nam calendar date (23:59:59.999 local), as an instant. */
export function vietnamDayEnd(date: string): Date {
  return new Date(vietnamMidnight(date).getTime() + DAY_MS - 1);
}

/** 'YYYY-MM-DD' plus whole days, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` ('YYYY-MM-DD'); negative when `to` comes first. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/**
 * ISO 8601 week of a calendar date: weeks start on Monday, and week 1 is the week holding the
 * year's first Thursday, so 29–31 December can be week 1 of the next year and 1–3 January week 52
 * or 53 of the last (the week the Ministry of Health's weekly reports count in).
 */
export function isoWeek(date: string): { year: number; week: number } {
  const d = new Date(`${date}T00:00:00Z`);
  if (!plainDate.test(date) || Number.isNaN(d.getTime()))
    throw new RangeError(`Ngày không hợp lệ / Invalid date: ${date}`);
  const weekday = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  const thursday = new Date(d.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}

/** The Monday starting ISO week `week` of ISO year `year`, as 'YYYY-MM-DD'. */
export function isoWeekStart(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS;
  return new Date(mondayOfWeek1 + (week - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
}

/**
 * An instant as ISO 8601 in Viet Nam's offset, `2026-12-16T00:00:00+07:00` (milliseconds only when
 * there are some): what people and other systems read as the local time it is.
 */
export function vietnamIsoString(instant: Date): string {
  const local = vietnamWallClock(instant).toISOString();
  return `${local.endsWith('.000Z') ? local.slice(0, -5) : local.slice(0, -1)}+07:00`;
}
