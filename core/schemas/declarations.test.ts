import { describe, expect, it } from 'vitest';
import { vietnamToday } from './declarations.ts';

describe('vietnamToday', () => {
  it('is the calendar date in Viet Nam, seven hours ahead of UTC', () => {
    expect(vietnamToday(new Date('2026-11-21T17:30:00Z'))).toBe('2026-11-22');
    expect(vietnamToday(new Date('2026-11-21T16:59:59Z'))).toBe('2026-11-21');
  });
});
