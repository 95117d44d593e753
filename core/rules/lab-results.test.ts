import { describe, expect, it } from 'vitest';
import { parseLabResult } from './lab-results.ts';

describe('lab result words', () => {
  it('reads Vietnamese with or without diacritics, English and signs', () => {
    expect(['Âm tính', 'am tinh', 'ÂM TÍNH', 'Negative', 'neg', '-', 'Không phát hiện'].map(parseLabResult)).toEqual(
      Array(7).fill('negative'),
    );
    expect(['Dương tính', 'duong tinh', 'POSITIVE', '+', 'Phát hiện'].map(parseLabResult)).toEqual(
      Array(5).fill('positive'),
    );
    expect(['Không xác định', 'mẫu lỗi', 'invalid'].map(parseLabResult)).toEqual(Array(3).fill('invalid'));
  });

  it('never guesses', () => {
    expect(parseLabResult('nghi ngờ')).toBeNull();
    expect(parseLabResult('')).toBeNull();
    expect(parseLabResult('dương tính?')).toBeNull();
  });
});
