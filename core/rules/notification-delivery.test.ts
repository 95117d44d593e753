import { describe, expect, it } from 'vitest';
import {
  earliestSend,
  formatClock,
  nextAttempt,
  parseClock,
  quietHoursEnd,
  retryDelaySeconds,
} from './notification-delivery.ts';

const night = { startMinute: 22 * 60, endMinute: 6 * 60 };
/** An instant given as Viet Nam wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('quiet hours in Viet Nam time', () => {
  it('holds 22:00 to 05:59:59 and ends at 06:00 the next morning', () => {
    expect(quietHoursEnd(vn('2026-12-07T21:59:59'), night)).toBeNull();
    expect(quietHoursEnd(vn('2026-12-07T22:00:00'), night)).toEqual(vn('2026-12-08T06:00:00'));
    expect(quietHoursEnd(vn('2026-12-07T23:59:00'), night)).toEqual(vn('2026-12-08T06:00:00'));
    expect(quietHoursEnd(vn('2026-12-08T00:00:00'), night)).toEqual(vn('2026-12-08T06:00:00'));
    expect(quietHoursEnd(vn('2026-12-08T05:59:59'), night)).toEqual(vn('2026-12-08T06:00:00'));
    expect(quietHoursEnd(vn('2026-12-08T06:00:00'), night)).toBeNull();
    expect(quietHoursEnd(vn('2026-12-08T12:00:00'), night)).toBeNull();
  });

  it('counts in Viet Nam whatever the UTC date: 15:30 UTC is 22:30 in Hà Nội', () => {
    expect(quietHoursEnd(new Date('2026-12-31T15:30:00Z'), night)).toEqual(new Date('2026-12-31T23:00:00Z'));
    // 23:00 UTC on 31 December is 06:00 on 1 January in Viet Nam: no longer quiet.
    expect(quietHoursEnd(new Date('2026-12-31T23:00:00Z'), night)).toBeNull();
  });

  it('handles a window inside one day and an empty window', () => {
    const lunch = { startMinute: 11 * 60 + 30, endMinute: 13 * 60 };
    expect(quietHoursEnd(vn('2026-12-07T11:29:00'), lunch)).toBeNull();
    expect(quietHoursEnd(vn('2026-12-07T12:15:00'), lunch)).toEqual(vn('2026-12-07T13:00:00'));
    expect(quietHoursEnd(vn('2026-12-07T13:00:00'), lunch)).toBeNull();
    expect(quietHoursEnd(vn('2026-12-07T03:00:00'), { startMinute: 600, endMinute: 600 })).toBeNull();
  });

  it('lets urgent messages through and delays the others to the end of the quiet hours', () => {
    const at = vn('2026-12-07T23:10:00');
    expect(earliestSend(at, night, true)).toEqual(at);
    expect(earliestSend(at, night, false)).toEqual(vn('2026-12-08T06:00:00'));
    const day = vn('2026-12-08T09:00:00');
    expect(earliestSend(day, night, false)).toEqual(day);
  });

  it('reads and writes clock times', () => {
    expect(parseClock('22:00')).toBe(1320);
    expect(parseClock('06:05')).toBe(365);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('6:00')).toBeNull();
    expect(formatClock(365)).toBe('06:05');
    expect(formatClock(0)).toBe('00:00');
  });
});

describe('retries with exponential backoff', () => {
  const rule = { maxAttempts: 6, baseSeconds: 60, capSeconds: 3600 };

  it('doubles the delay after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelaySeconds(n, rule))).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
    expect(retryDelaySeconds(200, rule)).toBe(3600);
    expect(() => retryDelaySeconds(0, rule)).toThrow(RangeError);
  });

  it('gives up after the last attempt', () => {
    const at = new Date('2026-12-07T03:00:00Z');
    expect(nextAttempt(1, at, rule)).toEqual(new Date('2026-12-07T03:01:00Z'));
    expect(nextAttempt(5, at, rule)).toEqual(new Date('2026-12-07T03:16:00Z'));
    expect(nextAttempt(6, at, rule)).toBeNull();
    expect(nextAttempt(1, at, { ...rule, maxAttempts: 1 })).toBeNull();
  });
});
