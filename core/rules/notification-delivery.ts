import { DAY_MS, vietnamWallClock } from '../vietnam-calendar.ts';

/**
 * When a notification may go out by SMS or e-mail (issue 16): outside the recipient's quiet hours
 * (Viet Nam time) unless it is urgent, and after a failed attempt, again after a delay that doubles
 * each time. Pure: the caller gives the instant.
 */

/** A daily window in Viet Nam time, in minutes after local midnight; start > end spans midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const clock = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' → minutes after midnight; null when it is not a clock time. */
export function parseClock(text: string): number | null {
  const m = clock.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The instant the quiet hours holding `at` end, or null when `at` is outside them. The window is
 * [start, end): 22:00–06:00 holds 22:00 and 05:59:59 but not 06:00. Equal start and end: no quiet hours.
 */
export function quietHoursEnd(at: Date, q: QuietHours): Date | null {
  if (q.startMinute === q.endMinute) return null;
  const wall = vietnamWallClock(at).getTime();
  const localMidnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const minute = (wall - localMidnight) / 60_000;
  const spansMidnight = q.startMinute > q.endMinute;
  const quiet = spansMidnight
    ? minute >= q.startMinute || minute < q.endMinute
    : minute >= q.startMinute && minute < q.endMinute;
  if (!quiet) return null;
  // Before the end today (the morning part, or a window within one day); else tomorrow's end.
  const endDay = minute < q.endMinute ? localMidnight : localMidnight + DAY_MS;
  return new Date(endDay + q.endMinute * 60_000 - (wall - at.getTime()));
}

/** When a message may be sent: now, or at the end of the quiet hours for a non-urgent one. */
export function earliestSend(at: Date, q: QuietHours, urgent: boolean): Date {
  return (urgent ? null : quietHoursEnd(at, q)) ?? at;
}

export interface RetryRule {
  /** Attempts in all, the first included; after the last failure the message is failed. */
  maxAttempts: number;
  /** Delay before the second attempt; doubled for each further one. */
  baseSeconds: number;
  /** No retry waits longer than this. */
  capSeconds: number;
}

/** Seconds to wait after the `failures`-th failed attempt (1, 2, …): base, 2×base, 4×base…, capped. */
export function retryDelaySeconds(failures: number, r: RetryRule): number {
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`failures must be ≥ 1: ${failures}`);
  // 2^30 is past any cap; beyond it the power would only risk overflow.
  return Math.min(r.capSeconds, r.baseSeconds * 2 ** Math.min(failures - 1, 30));
}

/** After `failures` failed attempts at `at`: when to try again, or null when the message has failed. */
export function nextAttempt(failures: number, at: Date, r: RetryRule): Date | null {
  if (failures >= r.maxAttempts) return null;
  return new Date(at.getTime() + retryDelaySeconds(failures, r) * 1000);
}
