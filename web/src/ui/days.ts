import { addDays, DAY_MS } from '../../../core/vietnam-calendar.ts';

/** Calendar days as `YYYY-MM-DD` strings (date inputs, day filters), in the browser's time zone. */

const pad = (n: number) => String(n).padStart(2, '0');

export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Number of days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((ms(to) - ms(from)) / DAY_MS) + 1;
}

/** Local midnight starting `day`, as ISO 8601 with the browser's offset ("2026-01-05T00:00:00+07:00"). */
export function dayStartIso(day: string): string | undefined {
  if (!isDay(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const v = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  if (Number.isNaN(v.getTime())) return undefined;
  const off = -v.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${day}T00:00:00${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/**
 * The `from`/`to` query of an inclusive day range for endpoints whose `to` is exclusive: `to` is the
 * midnight after the last day. Empty ends stay open.
 */
export function dayRangeQuery(from: string, to: string): { from?: string; to?: string } {
  return { from: dayStartIso(from), to: isDay(to) ? dayStartIso(addDays(to, 1)) : undefined };
}
