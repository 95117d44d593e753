import { describe, expect, it } from 'vitest';
import { fold, localInputToIso, matchesFolded } from './text.ts';

describe('fold / matchesFolded', () => {
  it('ignores Vietnamese diacritics and case', () => {
    expect(fold('Đắk Lắk')).toBe('dak lak');
    expect(fold('Thành phố Hồ Chí Minh')).toBe('thanh pho ho chi minh');
    expect(matchesFolded('Phường Ba Đình', 'ba dinh')).toBe(true);
    expect(matchesFolded('Xã Quỳnh Lưu', 'quynh  luu')).toBe(true);
    expect(matchesFolded('Xã Quỳnh Lưu', 'quang')).toBe(false);
  });
});

describe('localInputToIso', () => {
  it('keeps the wall-clock time and adds an offset', () => {
    const iso = localInputToIso('2025-07-01T08:30');
    expect(iso).toMatch(/^2025-07-01T08:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso ?? '').getTime()).toBe(new Date(2025, 6, 1, 8, 30).getTime());
    expect(localInputToIso('')).toBeUndefined();
  });
});
