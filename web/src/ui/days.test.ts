import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/vietnam-calendar.ts';
import { dayRangeQuery, daysBetween, dayStartIso } from './days.ts';

describe('days', () => {
  it('moves across months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('counts both ends', () => {
    expect(daysBetween('2026-01-01', '2026-01-07')).toBe(7);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(0);
  });

  it('gives local midnights with an offset', () => {
    expect(dayStartIso('2026-03-05')).toMatch(/^2026-03-05T00:00:00[+-]\d{2}:\d{2}$/);
    expect(dayStartIso('')).toBeUndefined();
  });

  it('makes the last day inclusive', () => {
    const q = dayRangeQuery('2026-03-01', '2026-03-05');
    expect(q.from?.startsWith('2026-03-01T00:00:00')).toBe(true);
    expect(q.to?.startsWith('2026-03-06T00:00:00')).toBe(true);
    expect(dayRangeQuery('', '')).toEqual({ from: undefined, to: undefined });
  });
});
