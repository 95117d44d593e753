import { describe, expect, it } from 'vitest';
import {
  addDays,
  DAY_MS,
  daysFrom,
  isoWeek,
  isoWeekStart,
  vietnamDayEnd,
  vietnamIsoString,
  vietnamMidnight,
  vietnamToday,
  vietnamWallClock,
} from './vietnam-calendar.ts';

describe('Viet Nam calendar', () => {
  it('has days of 86,400,000 ms', () => {
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });

  it('gives the calendar date in Viet Nam, seven hours ahead of UTC, whatever the machine time zone', () => {
    expect(vietnamToday(new Date('2026-11-21T17:30:00Z'))).toBe('2026-11-22');
    expect(vietnamToday(new Date('2026-11-21T16:59:59Z'))).toBe('2026-11-21');
    expect(vietnamToday(new Date('2025-07-01T16:59:00Z'))).toBe('2025-07-01');
    expect(vietnamToday(new Date('2025-07-01T17:00:00Z'))).toBe('2025-07-02');
    expect(vietnamToday(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('reads the wall clock in Viet Nam from the UTC fields of the moved instant', () => {
    const v = vietnamWallClock(new Date('2026-12-03T07:05:00Z'));
    expect([v.getUTCHours(), v.getUTCMinutes(), v.getUTCDate()]).toEqual([14, 5, 3]);
  });

  it('bounds a day from local midnight to the millisecond before the next', () => {
    expect(vietnamMidnight('2021-12-13').toISOString()).toBe('2021-12-12T17:00:00.000Z');
    expect(vietnamMidnight('2021-12-13')).toEqual(new Date('2021-12-13T00:00:00+07:00'));
    expect(vietnamDayEnd('2021-12-13').toISOString()).toBe('2021-12-13T16:59:59.999Z');
    expect(vietnamToday(vietnamDayEnd('2021-12-13'))).toBe('2021-12-13');
    expect(vietnamToday(vietnamMidnight('2021-12-13'))).toBe('2021-12-13');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => vietnamMidnight('13/12/2021')).toThrow(RangeError);
    expect(() => vietnamMidnight('2021-13-45')).toThrow(RangeError);
    expect(() => isoWeek('2021-1-4')).toThrow(RangeError);
  });

  it('adds and counts whole days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysFrom('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysFrom('2026-01-10', '2026-01-01')).toBe(-9);
    expect(daysFrom('2026-03-05', '2026-03-05')).toBe(0);
  });

  it('numbers ISO weeks from the week of the first Thursday, Monday first', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 }); // Monday of that week
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 }); // Sunday, 2020 has 53 weeks
    expect(isoWeek('2021-01-04')).toEqual({ year: 2021, week: 1 });
    expect(isoWeek('2026-12-06')).toEqual({ year: 2026, week: 49 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // a Friday
  });

  it('finds the Monday of an ISO week, the inverse of isoWeek', () => {
    expect(isoWeekStart(2026, 1)).toBe('2025-12-29');
    expect(isoWeekStart(2020, 53)).toBe('2020-12-28');
    expect(isoWeekStart(2021, 1)).toBe('2021-01-04');
    for (let d = '2019-12-20'; d <= '2028-01-10'; d = addDays(d, 1)) {
      const w = isoWeek(d);
      const monday = isoWeekStart(w.year, w.week);
      expect(daysFrom(monday, d)).toBeGreaterThanOrEqual(0);
      expect(daysFrom(monday, d)).toBeLessThan(7);
    }
  });
});

describe('vietnamIsoString', () => {
  it('writes the instant in Viet Nam offset, milliseconds only when there are some', () => {
    expect(vietnamIsoString(new Date('2026-12-15T17:00:00Z'))).toBe('2026-12-16T00:00:00+07:00');
    expect(vietnamIsoString(new Date('2026-12-15T16:59:59.999Z'))).toBe('2026-12-15T23:59:59.999+07:00');
    expect(new Date(vietnamIsoString(new Date('2026-03-01T01:02:03Z'))).toISOString()).toBe('2026-03-01T01:02:03.000Z');
  });
});

describe('vietnamMidnight', () => {
  it('refuses a date the calendar does not have instead of rolling it over', () => {
    expect(() => vietnamMidnight('2026-02-30')).toThrow(/Invalid date/);
    expect(() => vietnamMidnight('2026-02-29')).toThrow(/Invalid date/);
    expect(vietnamMidnight('2028-02-29').toISOString()).toBe('2028-02-28T17:00:00.000Z');
  });
});
