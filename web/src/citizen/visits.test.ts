import { describe, expect, it } from 'vitest';
import { keepDays, keptSince } from './visits.ts';

describe('check-ins kept on the phone', () => {
  it('are kept 21 days by default: the oldest time kept is 21 × 24 h before now', () => {
    const now = Date.parse('2026-12-22T08:00:00.000Z');
    expect(keepDays).toBe(21);
    expect(keptSince(now)).toBe('2026-12-01T08:00:00.000Z');
    expect(keptSince(now, 1)).toBe('2026-12-21T08:00:00.000Z');
    // ISO times compare as text, as the IndexedDB index does: one a millisecond older goes.
    expect('2026-12-01T07:59:59.999Z' < keptSince(now)).toBe(true);
  });
});
