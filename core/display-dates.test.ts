import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime } from './display-dates.ts';

describe('display dates', () => {
  it('writes a calendar day as dd/MM/yyyy in Vietnamese and with a month name in English', () => {
    expect(formatDay('2026-12-07', 'vi')).toBe('07/12/2026');
    expect(formatDay('2026-12-07', 'en')).toBe('07 Dec 2026');
  });

  it("reads instants on Viet Nam's wall clock whatever the machine's time zone", () => {
    // 17:30 UTC on the 6th is 00:30 on the 7th in Viet Nam.
    expect(formatDay('2026-12-06T17:30:00Z', 'vi')).toBe('07/12/2026');
    expect(formatDateTime('2026-12-06T17:30:00Z', 'vi')).toBe('07/12/2026 00:30');
    expect(formatDateTime(new Date('2026-01-31T09:05:09Z'), 'en')).toBe('31 Jan 2026, 16:05');
    expect(formatTime('2026-01-31T09:05:09Z', true)).toBe('16:05:09');
  });

  it('gives back what it cannot read instead of "Invalid Date"', () => {
    expect(formatDay('not a date', 'vi')).toBe('not a date');
    expect(formatDateTime('2026-13-45', 'en')).toBe('2026-13-45');
  });
});
